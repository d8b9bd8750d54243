import { worstLevel, type DeviceStatus, type Diagnostics, type PlatformHealth, type UiHealth } from '../../../contract';
import type { KioskConfig } from '../../config';
import type { ConnectivityMonitor } from '../../platform/connectivity';
import type { AuditTrail } from '../maintenance/audit-trail';
import type { OutboxMaintenance } from '../outbox-maintenance';
import { deviceHealth, outboxFindings, platformFindings, systemFindings } from './findings';
import { probePlatform } from './platform-probe';
import { systemHealth, versions } from './system-probe';

export interface DiagnosticsDeps {
  readonly config: () => KioskConfig;
  readonly platformUrl: string;
  readonly version: string;
  readonly bootedAt: Date;
  readonly devices: () => readonly DeviceStatus[];
  readonly outbox: () => OutboxMaintenance | null;
  readonly connectivity: ConnectivityMonitor;
  readonly ui: () => UiHealth;
  readonly audit: AuditTrail;
  /** Asks the platform through its port (the configured adapter); the v1 health path when absent. */
  readonly probe?: () => Promise<PlatformHealth>;
}

/** One snapshot of everything a technician checks; shared by the dashboard, doctor, heartbeat and the bundle. */
export async function collectDiagnostics(d: DiagnosticsDeps): Promise<Diagnostics> {
  const now = Date.now();
  const config = d.config();
  const devices = d.devices().map(deviceHealth);
  const outbox = d.outbox()?.health() ?? null;
  const platform = d.probe ? await d.probe() : await probePlatform(d.platformUrl, d.connectivity.current());
  const system = systemHealth(config.dataDir, d.bootedAt);
  const findings = [
    ...devices.flatMap((x) => (x.finding ? [x.finding] : [])),
    ...outboxFindings(outbox, platform.reachable, now),
    ...platformFindings(platform),
    ...systemFindings(system, config.offline.diskFloorMb * 1024 ** 2),
  ];
  const head = d.audit.head();
  return {
    generatedAt: new Date(now).toISOString(),
    kioskId: config.kioskId,
    servicePoint: config.servicePoint,
    overall: worstLevel(findings.map((f) => f.level)),
    findings,
    devices,
    outbox,
    platform,
    system,
    versions: versions(d.version),
    ui: d.ui(),
    audit: { head: head.hash, length: head.length },
  };
}
