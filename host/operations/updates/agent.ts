import type { Metadata, Targets } from '@tufjs/models';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Updater } from 'tuf-js';
import { UpdateReportSchema, type UpdateReport } from '../../../contract/fleet';
import type { Logger } from '../../log';
import { beginTrial, onBoot, onHealthCheck, shouldInstallNow, type InstallContext } from '../update-policy';
import { readTrialState, writeTrialState } from '../update-state';
import { SlotStore, type SlotName } from './slots';
import { lazyPackage } from '../../lazy-package';

export { UpdateReportSchema, type UpdateReport };


/** Compares `1.4.0`-style versions (a pre-release sorts before its release). Pure. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split(/[-+]/, 2);
    return { nums: (core ?? '').split('.').map((n) => Number(n) || 0), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** Checks a new slot before the switch: runs what the service unit runs. */
export type HealthProbe = (slotDir: string) => Promise<{ readonly ok: boolean; readonly detail: string }>;

export interface UpdateAgentOptions {
  /** The release repository's base URL: `<url>/metadata/…`, `<url>/targets/…`. */
  readonly url: string;
  readonly channel: string;
  /** The pinned root (`1.root.json` from the release tool), shipped with the package or provisioned. */
  readonly trustedRoot: string;
  readonly dataDir: string;
  /** The version running now (package.json of the running bundle). */
  readonly runningVersion: string;
  readonly probe: HealthProbe;
  /** Whether a resident, or a technician, is using the kiosk now. */
  readonly installContext: () => Omit<InstallContext, 'downloaded'>;
  /** Asks the service manager to restart the kiosk into `current` (production: exit so systemd restarts it). */
  readonly restart: (reason: string) => void;
  readonly logger: Logger;
  readonly onReport?: (r: UpdateReport) => void;
  readonly maxTrialBoots?: number;
  readonly minIdleMinutes?: number;
  /** How often to ask again while a resident is at the kiosk. */
  readonly idlePollMs?: number;
  readonly now?: () => Date;
}

interface Candidate {
  readonly name: string;
  readonly version: string;
}

/**
 * The web-shell kiosk's updater: TUF-verified metadata (tuf-js refuses a
 * tampered file, an expired timestamp — a frozen mirror — and metadata older
 * than what it has seen), a release no older than the running one, unpacked
 * into the other slot, probed, switched only when nobody is using the kiosk,
 * then on trial until the booted version proves healthy; a failure at any
 * step leaves or puts the previous version back.
 */
export class UpdateAgent {
  readonly slots: SlotStore;
  private report: UpdateReport;
  private busy: Promise<UpdateReport> | null = null;
  private readonly now: () => Date;
  private readonly dir: string;

  constructor(private readonly o: UpdateAgentOptions) {
    this.now = o.now ?? (() => new Date());
    this.dir = path.join(o.dataDir, 'update');
    this.slots = new SlotStore(path.join(o.dataDir, 'slots'));
    this.report = this.loadReport();
  }

  status(): UpdateReport {
    return this.report;
  }

  /**
   * At start-up: counts a boot on trial; a version that keeps failing to pass
   * its health check is rolled back (returns true: the caller stops, the
   * service manager restarts into the previous slot).
   */
  onStartup(): { rolledBack: boolean; onTrial: boolean } {
    const verdict = onBoot(readTrialState(this.o.dataDir), this.o.runningVersion, this.o.maxTrialBoots ?? 3);
    if (verdict.action === 'rollback') {
      this.rollBack(this.o.runningVersion, verdict.to, verdict.reason);
      return { rolledBack: true, onTrial: false };
    }
    writeTrialState(this.o.dataDir, verdict.state);
    if (verdict.action === 'wait-for-health') this.set({ state: 'trial', targetVersion: this.o.runningVersion, detail: `boot ${verdict.state.bootsOnTrial} on trial; waiting for the health check` });
    return { rolledBack: false, onTrial: verdict.action === 'wait-for-health' };
  }

  /** After the health check of the booted version (host ready, UI heartbeat, a device self-test). */
  confirmTrial(healthy: boolean, why: string): UpdateReport {
    const state = readTrialState(this.o.dataDir);
    if (!state || state.version !== this.o.runningVersion) return this.report;
    const verdict = onHealthCheck(state, healthy);
    if (verdict.action === 'rollback') {
      this.rollBack(state.version, verdict.to, `${verdict.reason}: ${why}`);
      return this.report;
    }
    writeTrialState(this.o.dataDir, verdict.state);
    if (verdict.state.phase === 'committed') return this.set({ state: 'committed', targetVersion: state.version, detail: `version ${state.version} passed its health check`, lastRollback: null });
    return this.report;
  }

  /** One check (the `check-update` command, or the schedule). Concurrent calls share one run. */
  check(options: { version?: string } = {}): Promise<UpdateReport> {
    this.busy ??= this.run(options).finally(() => {
      this.busy = null;
    });
    return this.busy;
  }

  private async run(options: { version?: string }): Promise<UpdateReport> {
    this.set({ state: 'checking', targetVersion: options.version ?? null, detail: `checking ${this.o.url} (${this.o.channel})` });
    let updater: Updater;
    let candidate: Candidate | null;
    try {
      updater = await this.updater();
      await updater.refresh();
      candidate = await this.pick(options.version);
    } catch (e) {
      return this.set({ state: 'refused', detail: `release metadata refused: ${(e as Error).message}` });
    }
    if (!candidate) return this.set({ state: options.version ? 'refused' : 'up-to-date', detail: options.version ? `version ${options.version} is not in the signed ${this.o.channel} releases` : `no release in channel ${this.o.channel}` });
    const cmp = compareVersions(candidate.version, this.o.runningVersion);
    if (cmp < 0) return this.set({ state: 'refused', targetVersion: candidate.version, detail: `version ${candidate.version} is older than the running ${this.o.runningVersion}: not installed` });
    if (cmp === 0) return this.set({ state: 'up-to-date', targetVersion: candidate.version, detail: `version ${candidate.version} is running` });

    this.set({ state: 'downloading', targetVersion: candidate.version, detail: `downloading ${candidate.name}` });
    const slot = this.slots.inactive();
    try {
      const info = await updater.getTargetInfo(candidate.name);
      if (!info) throw new Error(`${candidate.name} vanished from the signed targets`);
      mkdirSync(path.join(this.dir, 'downloads'), { recursive: true });
      const file = path.join(this.dir, 'downloads', path.basename(candidate.name));
      rmSync(file, { force: true });
      // tuf-js checks length and sha256 against the signed targets before it keeps the file.
      await updater.downloadTarget(info, file);
      this.slots.unpack(slot, file, candidate.version);
      rmSync(file, { force: true });
    } catch (e) {
      return this.set({ state: 'failed', detail: `download or unpack of ${candidate.version} failed: ${(e as Error).message}` });
    }

    this.set({ state: 'probing', detail: `health check of ${candidate.version} in slot ${slot}` });
    const probe = await this.o.probe(this.slots.slotDir(slot)).catch((e: unknown) => ({ ok: false, detail: (e as Error).message }));
    if (!probe.ok) {
      const reason = `version ${candidate.version} failed its health check: ${probe.detail}`;
      this.o.logger.warn({ version: candidate.version, detail: probe.detail }, 'update health check failed; staying on the running version');
      return this.set({ state: 'rolled-back', detail: reason, lastRollback: { version: candidate.version, reason: reason.slice(0, 500), at: this.now().toISOString() } });
    }

    await this.waitUntilQuiet();
    const previousSlot = this.slots.current();
    writeTrialState(this.o.dataDir, beginTrial(this.o.runningVersion, candidate.version));
    this.slots.switchTo(slot);
    this.o.logger.info({ from: this.o.runningVersion, to: candidate.version, slot, previousSlot }, 'update switched; restarting into the new slot on trial');
    this.set({ state: 'switching', detail: `switched to ${candidate.version} (slot ${slot}); restarting on trial` });
    this.o.restart(`update to ${candidate.version}`);
    return this.report;
  }

  /** Switch only when nobody is at the kiosk: asks again every idlePollMs. */
  private async waitUntilQuiet(): Promise<void> {
    for (;;) {
      const d = shouldInstallNow({ downloaded: true, ...this.o.installContext() }, this.o.minIdleMinutes ?? 5);
      if (d.install) return;
      this.set({ state: 'waiting-idle', detail: d.reason });
      await new Promise((r) => setTimeout(r, this.o.idlePollMs ?? 30_000));
    }
  }

  private rollBack(failedVersion: string, toVersion: string, reason: string): void {
    // The slot holding the previous version; none: the packaged install.
    const slot: SlotName | null = this.slots.slotWith(toVersion);
    this.slots.switchTo(slot);
    writeTrialState(this.o.dataDir, { version: toVersion, previousVersion: null, phase: 'committed', bootsOnTrial: 0 });
    this.o.logger.warn({ failedVersion, toVersion, reason }, 'update rolled back');
    this.set({ state: 'rolled-back', targetVersion: failedVersion, detail: reason, lastRollback: { version: failedVersion, reason: reason.slice(0, 500), at: this.now().toISOString() } });
    this.o.restart(`rollback to ${toVersion}`);
  }

  /** tuf-js is loaded on the first check, not at start (docs/packaging.md "Start-up"). */
  private async updater(): Promise<Updater> {
    const { Updater } = lazyPackage(await import('tuf-js'), 'Updater');
    const metadataDir = path.join(this.dir, 'tuf');
    mkdirSync(metadataDir, { recursive: true });
    if (!existsSync(path.join(metadataDir, 'root.json'))) copyFileSync(this.o.trustedRoot, path.join(metadataDir, 'root.json'));
    const base = this.o.url.replace(/\/+$/, '');
    return new Updater({ metadataDir, metadataBaseUrl: `${base}/metadata`, targetBaseUrl: `${base}/targets`, config: { fetchTimeout: 30_000, fetchRetries: 1 } });
  }

  /** From the targets tuf-js has just verified and stored: the requested version, else the newest of our channel. */
  private async pick(version: string | undefined): Promise<Candidate | null> {
    const { Metadata, MetadataKind } = lazyPackage(await import('@tufjs/models'), 'Metadata');
    const raw = JSON.parse(readFileSync(path.join(this.dir, 'tuf', 'targets.json'), 'utf8')) as Parameters<typeof Metadata.fromJSON>[1];
    const targets = (Metadata.fromJSON(MetadataKind.Targets, raw) as Metadata<Targets>).signed.targets;
    const all: Candidate[] = [];
    for (const t of Object.values(targets)) {
      const c = t.custom as { version?: unknown; channel?: unknown };
      if (typeof c.version === 'string' && c.channel === this.o.channel) all.push({ name: t.path, version: c.version });
    }
    if (version) return all.find((c) => c.version === version) ?? null;
    return all.sort((x, y) => compareVersions(y.version, x.version))[0] ?? null;
  }

  private set(p: Partial<UpdateReport>): UpdateReport {
    this.report = UpdateReportSchema.parse({ ...this.report, ...p, runningVersion: this.o.runningVersion, detail: (p.detail ?? this.report.detail).slice(0, 500), at: this.now().toISOString() });
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(path.join(this.dir, 'report.json.tmp'), JSON.stringify(this.report));
      renameSync(path.join(this.dir, 'report.json.tmp'), path.join(this.dir, 'report.json'));
    } catch (e) {
      this.o.logger.warn({ err: (e as Error).message }, 'update report not saved');
    }
    this.o.onReport?.(this.report);
    return this.report;
  }

  private loadReport(): UpdateReport {
    const fresh: UpdateReport = { state: 'idle', runningVersion: this.o.runningVersion, targetVersion: null, detail: '', at: this.now().toISOString(), lastRollback: null };
    try {
      const saved = UpdateReportSchema.parse(JSON.parse(readFileSync(path.join(this.dir, 'report.json'), 'utf8')));
      return { ...saved, runningVersion: this.o.runningVersion };
    } catch {
      return fresh;
    }
  }
}
