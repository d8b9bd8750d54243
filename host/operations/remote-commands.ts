import { ed25519 } from '@noble/curves/ed25519.js';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { err, type Result } from '../../contract';
import { commandSigningString, KioskCommandSchema, type CommandAck, type KioskCommand, type KioskCommandBody } from '../../contract/platform';
import type { Logger } from '../log';
import type { AuditTrail } from './maintenance/audit-trail';

/** What the kiosk can do when the platform asks. Each returns what happened, in words for the fleet page. */
export interface RemoteActions {
  refreshCatalog(): Promise<Result<string>>;
  restartUi(): Result<string>;
  uploadDiagnostics(): Promise<Result<string>>;
  setConfig(key: string, value: string | number | boolean): Result<string>;
  /** Starts a check of the signed release metadata (and, with `version`, installs exactly that release). Absent: no updater here. */
  checkUpdate?(version: string | undefined): Promise<Result<string>>;
}

export type CommandCheck = { readonly ok: true; readonly command: KioskCommand } | { readonly ok: false; readonly reason: string };

/**
 * Checks one command as received: well-formed, for this kiosk, not expired,
 * signed by the pinned platform key over `commandSigningString`. Pure.
 */
export function checkCommand(raw: unknown, kioskId: string, platformKeyBase64: string | null, now: Date): CommandCheck {
  const parsed = KioskCommandSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'malformed command' };
  const c = parsed.data;
  if (!platformKeyBase64) return { ok: false, reason: 'no pinned platform key: commands refused' };
  const { signature, ...unsigned } = c;
  let valid: boolean;
  try {
    valid = ed25519.verify(Buffer.from(signature, 'base64'), new TextEncoder().encode(commandSigningString(unsigned)), Buffer.from(platformKeyBase64, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'signature does not verify with the pinned platform key' };
  if (c.kioskId !== kioskId) return { ok: false, reason: `command is for kiosk ${c.kioskId}` };
  if (Date.parse(c.expiresAt) <= now.getTime()) return { ok: false, reason: 'command expired' };
  return { ok: true, command: c };
}

/** Ids executed, so the platform's at-least-once repeats run once. Bounded: commands expire long before 500 more arrive. */
class ExecutedIds {
  private ids: string[];
  constructor(private readonly file: string) {
    this.ids = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : [];
  }
  has(id: string): boolean {
    return this.ids.includes(id);
  }
  add(id: string): void {
    this.ids = [...this.ids.filter((x) => x !== id), id].slice(-500);
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.ids), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }
}

export interface RemoteCommandRunnerOptions {
  readonly kioskId: () => string;
  readonly platformKey: () => string | null;
  readonly actions: RemoteActions;
  readonly audit: AuditTrail;
  readonly logger: Logger;
  readonly dataDir: string;
  readonly now?: () => Date;
}

/**
 * Runs the commands a heartbeat reply carried: verified, executed once,
 * audited, and acknowledged in the next heartbeat (until the platform stops
 * listing them, which means it has the ack).
 */
export class RemoteCommandRunner {
  private readonly executed: ExecutedIds;
  private readonly running = new Set<string>();
  private pending: CommandAck[] = [];
  private readonly now: () => Date;

  constructor(private readonly o: RemoteCommandRunnerOptions) {
    this.executed = new ExecutedIds(path.join(o.dataDir, 'operations', 'executed-commands.json'));
    this.now = o.now ?? (() => new Date());
  }

  /** Acks to carry in the next heartbeat. */
  acks(): CommandAck[] {
    return [...this.pending];
  }

  /** Returns how many acks are new, so the caller can send them soon. */
  async handle(commands: readonly unknown[]): Promise<number> {
    const listed = new Set(commands.map((c) => (typeof c === 'object' && c !== null ? String((c as { commandId?: unknown }).commandId) : '')));
    // The platform stops listing a command once it holds our ack.
    this.pending = this.pending.filter((a) => listed.has(a.commandId));
    let fresh = 0;
    for (const raw of commands) {
      const id = typeof raw === 'object' && raw !== null ? String((raw as { commandId?: unknown }).commandId ?? '') : '';
      if (id && this.executed.has(id)) continue;
      const check = checkCommand(raw, this.o.kioskId(), this.o.platformKey(), this.now());
      if (!check.ok) {
        this.o.logger.warn({ commandId: id, reason: check.reason }, 'remote command refused');
        this.o.audit.append('remote-command', { commandId: id, kind: null, outcome: 'refused', reason: check.reason });
        // Only a well-formed id can be acknowledged; an unsigned one is not executed and not remembered as done.
        if (/^[0-9a-f-]{36}$/.test(id) && !this.pending.some((a) => a.commandId === id)) {
          this.pending.push({ commandId: id, ok: false, detail: check.reason, at: this.now().toISOString() });
          fresh++;
        }
        continue;
      }
      const outcome = await this.execute(check.command.command);
      this.executed.add(check.command.commandId);
      const detail = outcome.ok ? outcome.value : `${outcome.code}: ${outcome.message}`;
      this.o.audit.append('remote-command', { commandId: check.command.commandId, kind: check.command.command.kind, outcome: outcome.ok ? 'done' : 'failed', detail: detail.slice(0, 200) });
      this.o.logger.info({ commandId: check.command.commandId, kind: check.command.command.kind, ok: outcome.ok }, 'remote command executed');
      this.pending.push({ commandId: check.command.commandId, ok: outcome.ok, detail: detail.slice(0, 500), at: this.now().toISOString() });
      fresh++;
    }
    return fresh;
  }

  /**
   * One command as a live link delivers it (MQTT): verified, executed at most
   * once (ids persisted), audited; the outcome is returned for the response
   * topic instead of waiting for the next heartbeat.
   */
  async runOne(raw: unknown): Promise<{ commandId: string; outcome: 'done' | 'failed' | 'refused' | 'duplicate'; detail: string }> {
    const id = typeof raw === 'object' && raw !== null ? String((raw as { commandId?: unknown }).commandId ?? '') : '';
    if (id && this.executed.has(id)) return { commandId: id, outcome: 'duplicate', detail: 'already executed; not run again' };
    // The same command delivered twice in one burst (QoS 1 redelivery, a retrying console) must not start twice.
    if (id && this.running.has(id)) return { commandId: id, outcome: 'duplicate', detail: 'already running; not run again' };
    const check = checkCommand(raw, this.o.kioskId(), this.o.platformKey(), this.now());
    if (!check.ok) {
      this.o.logger.warn({ commandId: id, reason: check.reason }, 'remote command refused');
      this.o.audit.append('remote-command', { commandId: id, kind: null, outcome: 'refused', reason: check.reason });
      return { commandId: id, outcome: 'refused', detail: check.reason };
    }
    this.running.add(check.command.commandId);
    let outcome: Result<string>;
    try {
      outcome = await this.execute(check.command.command);
      this.executed.add(check.command.commandId);
    } finally {
      this.running.delete(check.command.commandId);
    }
    const detail = (outcome.ok ? outcome.value : `${outcome.code}: ${outcome.message}`).slice(0, 500);
    this.o.audit.append('remote-command', { commandId: check.command.commandId, kind: check.command.command.kind, outcome: outcome.ok ? 'done' : 'failed', detail: detail.slice(0, 200) });
    this.o.logger.info({ commandId: check.command.commandId, kind: check.command.command.kind, ok: outcome.ok }, 'remote command executed');
    return { commandId: check.command.commandId, outcome: outcome.ok ? 'done' : 'failed', detail };
  }

  private async execute(body: KioskCommandBody): Promise<Result<string>> {
    switch (body.kind) {
      case 'refresh-catalog':
        return this.o.actions.refreshCatalog();
      case 'restart-ui':
        return this.o.actions.restartUi();
      case 'upload-diagnostics':
        return this.o.actions.uploadDiagnostics();
      case 'set-config':
        return this.o.actions.setConfig(body.key, body.value);
      case 'check-update':
        return this.o.actions.checkUpdate ? this.o.actions.checkUpdate(body.version) : Promise.resolve(err('not-found', 'no updater on this kiosk (operations.updateUrl / updateTrustedRoot not set)'));
    }
  }
}
