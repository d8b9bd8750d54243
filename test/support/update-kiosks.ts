import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { ok } from '../../contract';
import type { FleetTelemetry, UpdateReport } from '../../contract/fleet';
import { FleetLink } from '../../host/operations/fleet-link';
import { JsonlAuditTrail } from '../../host/operations/maintenance/audit-trail';
import { RemoteCommandRunner } from '../../host/operations/remote-commands';
import type { Mosquitto } from './mosquitto';
import { tempDir } from './processes';

export interface UpdatingKiosk {
  readonly id: string;
  readonly link: FleetLink;
  /** Versions the fleet asked it to install, in order. */
  readonly asked: string[];
}

/**
 * A simulated kiosk for rollout tests: the real fleet link (MQTT 5) and the
 * real signed, run-once command runner; its `check-update` action stands in
 * for the updater (host/operations/updates/, tested with a real TUF
 * repository) and, a moment after the ack, reports committed — or rolled
 * back when `fails(version)` — in telemetry, as the updater does.
 */
export function updatingKiosk(o: {
  broker: Mosquitto;
  id: string;
  password: string;
  platformKeyBase64: string;
  region: string;
  telemetry: (id: string) => FleetTelemetry;
  fails: (version: string) => boolean;
  /** How long after the ack the kiosk reports (default 100 ms): a slow download or a long health check. */
  reportAfterMs?: number;
}): UpdatingKiosk {
  const dataDir = tempDir(`update-kiosk-${o.id}`);
  const logger = pino({ level: 'silent' });
  const asked: string[] = [];
  let report: UpdateReport = { state: 'idle', runningVersion: '1.0.0', targetVersion: null, detail: '', at: new Date().toISOString(), lastRollback: null };
  let link: FleetLink | null = null;
  const runner = new RemoteCommandRunner({
    kioskId: () => o.id,
    platformKey: () => o.platformKeyBase64,
    audit: new JsonlAuditTrail(path.join(dataDir, 'audit.jsonl')),
    logger,
    dataDir,
    actions: {
      refreshCatalog: () => Promise.resolve(ok('x')),
      restartUi: () => ok('x'),
      uploadDiagnostics: () => Promise.resolve(ok('x')),
      setConfig: () => ok('x'),
      checkUpdate: (version) => {
        const v = version ?? '(latest)';
        asked.push(v);
        const at = () => new Date().toISOString();
        // The updater works on after the ack (download, health check, switch, trial), then reports.
        setTimeout(() => {
          report = o.fails(v)
            ? { state: 'rolled-back', runningVersion: report.runningVersion, targetVersion: v, detail: 'rolled back', at: at(), lastRollback: { version: v, reason: `version ${v} failed its health check: no UI heartbeat within 180 s`, at: at() } }
            : { state: 'committed', runningVersion: v, targetVersion: v, detail: `version ${v} passed its health check`, at: at(), lastRollback: null };
          link?.noteChange();
        }, o.reportAfterMs ?? 100);
        return Promise.resolve(ok(`已开始检查并安装版本 ${v}`));
      },
    },
  });
  const pwFile = path.join(dataDir, 'broker-password');
  writeFileSync(pwFile, o.password, { mode: 0o600 });
  link = new FleetLink({
    config: { brokerUrl: o.broker.url, username: null, passwordFile: pwFile, caFile: null, certFile: null, keyFile: null, keepaliveSec: 10, telemetryIntervalMs: 60_000, reconnectMinMs: 400, reconnectMaxMs: 5000, region: o.region },
    kioskId: o.id,
    servicePoint: `${o.region}便民服务中心`,
    version: '1.0.0',
    telemetry: (reason) => Promise.resolve({ ...o.telemetry(o.id), region: o.region, servicePoint: `${o.region}便民服务中心`, version: report.runningVersion, reason, update: report }),
    commands: runner,
    logger,
    debounceMs: 50,
  });
  link.start();
  return { id: o.id, link, asked };
}
