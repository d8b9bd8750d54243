import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { err, ok, worstLevel, type DeviceStatus, type Diagnostics, type EventPayload, type MethodName, type PlatformAdapterHealth, type PlatformHealth, type Result } from '../contract';
import type { PlatformPort } from '../offline-cache/sync/platform-port';
import { probeThroughPort } from './operations/diagnostics/platform-probe';
import type { EventBus } from './api/events';
import type { HandlerTable } from './api/dispatch';
import { maintenanceHandlers } from './operations/handlers/maintenance';
import { watchdogHandlers } from './operations/handlers/watchdog';
import type { KioskConfig } from './config';
import type { Logger } from './log';
import type { LogRing } from './log-ring';
import { ConfigEditor } from './operations/config-editor';
import type { ConnectivityMonitor } from './platform/connectivity';
import { buildBundle, writeBundle } from './operations/diagnostics/bundle';
import { collectDiagnostics } from './operations/diagnostics/collect';
import { HeartbeatService, type HeartbeatChannel } from './operations/heartbeat';
import { MaintenanceService } from './operations/maintenance';
import { JsonlAuditTrail, type AuditTrail } from './operations/maintenance/audit-trail';
import { CredentialsFile } from './operations/maintenance/credentials';
import { StaffCardRoster } from './operations/maintenance/staff-cards';
import type { OutboxMaintenance } from './operations/outbox-maintenance';
import { RemoteCommandRunner } from './operations/remote-commands';
import { runSelfTest, type SelfTestPort } from './operations/self-test';
import type { SelfTestDevice, SelfTestResult } from '../contract/api/maintenance';
import type { SessionService } from './resident/session';
import { UiWatchdog, type UiRecoverer } from './operations/watchdog';
import type { UpdateReport } from '../contract/fleet';
import { updateFindings } from './operations/updates/findings';
import { catalogFindings, codeMapFindings, type CatalogHealth } from './operations/diagnostics/findings';
import { keySealingFindings } from './operations/maintenance/key-sealing-findings';

/** The web-shell updater as operations sees it (host/operations/updates/). */
export interface UpdatesPort {
  status(): UpdateReport;
  check(options: { version?: string }): Promise<UpdateReport>;
}

export interface OperationsOptions {
  readonly config: KioskConfig;
  readonly platformUrl: string;
  readonly logger: Logger;
  readonly logRing: LogRing;
  readonly bus: EventBus;
  readonly session: SessionService;
  readonly devices: () => readonly DeviceStatus[];
  readonly connectivity: ConnectivityMonitor;
  readonly version: string;
  readonly bootedAt: Date;
  /** First-start PIN (KIOSK_MAINTENANCE_PIN); hashed and stored, never kept. */
  readonly initialPin?: string;
}

/** `maintenance.keys` is the offline store's (it holds the keys): host/offline.ts. */
type OperationsMethod = Exclude<Extract<MethodName, `maintenance.${string}`>, 'maintenance.keys'> | 'ui.heartbeat';

/**
 * 7×24 operations, composed once: maintenance mode, diagnostics, config
 * editor, UI watchdog, fleet heartbeat and remote commands. Parts owned by
 * other subsystems (outbox, device self-tests, audit chain, heartbeat
 * delivery, catalog refresh) are plugged in with `use…` as the composition
 * root gets them; until then the dashboard says what is missing.
 */
export class Operations {
  readonly maintenance: MaintenanceService;
  readonly watchdog: UiWatchdog;
  readonly heartbeat: HeartbeatService;
  readonly commands: RemoteCommandRunner;
  readonly configEditor: ConfigEditor;
  readonly handlers: Pick<HandlerTable, OperationsMethod>;
  /** Settles once the PIN given at start is stored (or could not be): host.close() waits for it. */
  pinProvisioned: Promise<void> = Promise.resolve();
  private audit: AuditTrail;
  private outbox: OutboxMaintenance | null = null;
  private selfTests: SelfTestPort | null = null;
  private channel: HeartbeatChannel | null = null;
  private platformKey: () => string | null = () => null;
  private catalogRefresh: (() => Promise<Result<string>>) | null = null;
  private blobUpload: ((bytes: Uint8Array) => Promise<Result<string>>) | null = null;
  private catalogVersion: () => string = () => 'unknown';
  private catalogHealth: () => CatalogHealth | null = () => null;
  private platformAdapter: (() => PlatformAdapterHealth) | null = null;
  private platformProbe: (() => Promise<PlatformHealth>) | null = null;
  private updates: UpdatesPort | null = null;
  private keySealing: { readonly kind: string; readonly migrated: readonly string[] } | null = null;

  constructor(private readonly o: OperationsOptions) {
    const { config, logger, bus } = o;
    this.audit = new JsonlAuditTrail(path.join(config.dataDir, 'maintenance', 'audit.jsonl'));
    const auditProxy: AuditTrail = {
      append: (type, detail) => this.audit.append(type, detail),
      head: () => this.audit.head(),
      verify: () => this.audit.verify(),
    };
    this.maintenance = new MaintenanceService({
      credentials: CredentialsFile.in(config.dataDir),
      audit: auditProxy,
      bus,
      logger,
      endResidentSession: () => o.session.end('maintenance'),
      // The card on the reader now (read into the session) must be a registered technician's.
      staffCardPresent: async () => {
        const identity = o.session.identity();
        return identity !== null && (await StaffCardRoster.in(config.dataDir).match(identity.idNumber)) !== null;
      },
    });
    this.watchdog = new UiWatchdog({ bus, logger, staleMs: config.operations.watchdogStaleMs });
    this.configEditor = new ConfigEditor({
      config,
      audit: auditProxy,
      logger,
      onApplied: (key) => {
        if (key === 'log.level') logger.level = config.log.level;
        if (key === 'operations.heartbeatIntervalMs') void this.heartbeat.beat('change');
      },
    });
    this.commands = new RemoteCommandRunner({
      kioskId: () => config.kioskId,
      platformKey: () => this.platformKey(),
      audit: auditProxy,
      logger,
      dataDir: config.dataDir,
      actions: {
        refreshCatalog: () => (this.catalogRefresh ? this.catalogRefresh() : Promise.resolve(err('not-found', 'catalog refresh is not available on this kiosk'))),
        restartUi: () => {
          bus.emit('ui.reload', { reason: 'remote-command' });
          return ok('已要求界面重新加载');
        },
        uploadDiagnostics: () => this.uploadDiagnostics(),
        checkUpdate: async (version) => {
          if (!this.updates) return err('not-found', 'no updater on this kiosk (operations.updateUrl / updateTrustedRoot not set)');
          // The check runs on (download, health check, waiting for a quiet kiosk); telemetry reports how it ends.
          void this.updates.check(version ? { version } : {});
          return ok(version ? `已开始检查并安装版本 ${version}（当前 ${this.o.version}）` : `已开始检查更新（当前 ${this.o.version}）`);
        },
        setConfig: (key, value) => {
          const r = this.configEditor.set(key, value, 'platform');
          return r.ok ? ok(`${key} = ${JSON.stringify(r.value.value)}（${r.value.applies === 'live' ? '已生效' : '重启后生效'}）`) : r;
        },
      },
    });
    this.heartbeat = new HeartbeatService({
      collect: () => this.collect(),
      channel: { deliver: (hb) => (this.channel ? this.channel.deliver(hb) : logger.debug({ heartbeatId: hb.heartbeatId }, 'heartbeat built; no delivery channel yet')) },
      commands: this.commands,
      intervalMs: () => config.operations.heartbeatIntervalMs,
      mode: config.mode,
      catalogVersion: () => this.catalogVersion(),
      update: () => this.updateReport(),
      logger,
    });
    this.handlers = {
      ...maintenanceHandlers({
        config,
        maintenance: this.maintenance,
        collect: () => this.collect(),
        selfTests: () => this.selfTests,
        outbox: () => this.outbox,
        logs: o.logRing,
        audit: auditProxy,
        configEditor: this.configEditor,
      }),
      ...watchdogHandlers(this.watchdog),
    };
    bus.subscribe((m) => {
      if (m.event === 'session.changed' && (m.payload as EventPayload<'session.changed'>)?.identity) void this.offerStaffEntry();
      // Sent only when the status signature really changed (levels, codes, device states), debounced.
      if (m.event === 'device.status' || m.event === 'sync.status') this.heartbeat.noteChange();
    });
  }

  /**
   * The PIN from provisioning (or the demo PIN) is checked at once — a malformed one stops the start — and
   * hashed in the background (scrypt, tens of ms): a sign-in that comes first waits for it.
   */
  async start(): Promise<void> {
    const pin = this.o.initialPin ? this.maintenance.provisionPin(this.o.initialPin, { replace: true }) : this.maintenance.provisionPin(this.o.config.mode === 'demo' ? DEMO_MAINTENANCE_PIN : undefined);
    this.pinProvisioned = pin.catch((e: unknown) => this.o.logger.error({ err: (e as Error).message }, 'maintenance PIN could not be stored'));
    this.maintenance.start();
    this.watchdog.start();
    // The heartbeat starts with the host's network work, once the UI is served (Host.start()).
  }

  stop(): void {
    this.heartbeat.stop();
    this.watchdog.stop();
    this.maintenance.stop();
  }

  authorize(token: string): Result<true> {
    return this.maintenance.authorize(token);
  }

  async collect(): Promise<Diagnostics> {
    const d = await collectDiagnostics({
      config: () => this.o.config,
      platformUrl: this.o.platformUrl,
      version: this.o.version,
      bootedAt: this.o.bootedAt,
      devices: this.o.devices,
      outbox: () => this.outbox,
      connectivity: this.o.connectivity,
      ui: () => this.watchdog.health(),
      audit: this.audit,
      ...(this.platformProbe ? { probe: this.platformProbe } : {}),
    });
    const adapter = this.platformAdapter?.() ?? null;
    const platform = adapter ? { ...d.platform, adapter } : d.platform;
    const extra = [
      ...(adapter ? codeMapFindings(adapter) : []),
      ...updateFindings(this.updates?.status() ?? null),
      ...catalogFindings(this.catalogHealth()),
      ...(this.keySealing ? keySealingFindings(this.keySealing.kind, this.o.config.mode, this.keySealing.migrated) : []),
    ];
    return extra.length ? { ...d, platform, findings: [...d.findings, ...extra], overall: worstLevel([d.overall, ...extra.map((f) => f.level)]) } : { ...d, platform };
  }

  /** One device self-test, as the dashboard runs it (the updater's trial check uses the printer's). */
  selfTest(device: SelfTestDevice): Promise<SelfTestResult> {
    return runSelfTest(this.selfTests, device);
  }

  /** The updater's report, for telemetry; null without one. */
  updateReport(): UpdateReport | null {
    return this.updates?.status() ?? null;
  }

  // Plug-in points for the parts other subsystems own.
  useAuditTrail(audit: AuditTrail): void {
    this.audit = audit;
  }
  useOutbox(outbox: OutboxMaintenance): void {
    this.outbox = outbox;
  }
  useSelfTests(port: SelfTestPort): void {
    this.selfTests = port;
  }
  useHeartbeatChannel(channel: HeartbeatChannel): void {
    this.channel = channel;
  }
  useKeySealing(sealing: { readonly kind: string; readonly migrated: readonly string[] }): void {
    this.keySealing = sealing;
  }
  usePlatformKey(key: () => string | null): void {
    this.platformKey = key;
  }
  useCatalog(version: () => string, refresh: () => Promise<Result<string>>, health?: () => CatalogHealth): void {
    this.catalogVersion = version;
    this.catalogRefresh = refresh;
    if (health) this.catalogHealth = health;
  }
  usePlatformAdapter(health: () => PlatformAdapterHealth, port?: Pick<PlatformPort, 'health' | 'platformNow'>): void {
    this.platformAdapter = health;
    if (port) this.platformProbe = () => probeThroughPort(this.o.platformUrl, port, this.o.connectivity.current());
  }
  useBlobUpload(upload: (bytes: Uint8Array) => Promise<Result<string>>): void {
    this.blobUpload = upload;
  }
  useUpdates(updates: UpdatesPort): void {
    this.updates = updates;
  }
  useUiRecoverer(recoverer: UiRecoverer): void {
    this.watchdog.useRecoverer(recoverer);
  }

  /** A card just read: if it is a registered technician's, offer staff-card entry (no resident card ever matches). */
  private async offerStaffEntry(): Promise<void> {
    const identity = this.o.session.identity();
    if (!identity) return;
    const staffNo = await StaffCardRoster.in(this.o.config.dataDir).match(identity.idNumber).catch(() => null);
    if (staffNo) this.o.bus.emit('maintenance.staffCard', { staffNo });
  }

  private async uploadDiagnostics(): Promise<Result<string>> {
    const { bytes } = buildBundle({ config: this.o.config, diagnostics: await this.collect(), logs: this.o.logRing.dump(), audit: this.audit.verify() });
    const local = path.join(this.o.config.dataDir, 'diagnostics', `kiosk-${this.o.config.kioskId}-${new Date().toISOString().replace(/[:.]/g, '-')}.zip`);
    mkdirSync(path.dirname(local), { recursive: true });
    writeBundle(local, bytes);
    if (!this.blobUpload) return err('not-found', `upload not available; bundle saved on the kiosk at ${local}`);
    const up = await this.blobUpload(bytes);
    return up.ok ? ok(`诊断包已上传（${bytes.length} 字节，${up.value}）`) : up;
  }
}

/** Demo mode only, when no PIN was provisioned (docs/maintenance.md). Production needs KIOSK_MAINTENANCE_PIN. */
export const DEMO_MAINTENANCE_PIN = '24682468';
