import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { ok } from '../../../contract';
import type { FleetTelemetry } from '../../../contract/fleet';
import { ConsoleBroker, type ConsoleBrokerOptions } from '../../../fleet-console/broker-link';
import { FleetStore } from '../../../fleet-console/store';
import { FleetLink } from '../../../host/operations/fleet-link/fleet-link';
import { JsonlAuditTrail } from '../../../host/operations/maintenance/audit-trail';
import { RemoteCommandRunner } from '../../../host/operations/remote-commands';
import { tempDir } from '../../support/processes';
import { startMosquitto, type Mosquitto } from '../../support/mosquitto';
import { updatingKiosk, type UpdatingKiosk } from '../../support/update-kiosks';
import { RolloutController } from '../../../fleet-console/rollouts';

export const CONSOLE_USER = { name: 'fleet-console', password: 'console-secret' };
export const kioskUser = (id: string) => ({ name: id, password: `pw-${id}` });

/** A platform command key as the simulator keeps it (JWK file) and its public half as kiosks pin it. */
export function platformKey(dir = tempDir('pkey')): { file: string; publicBase64: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string };
  const file = path.join(dir, 'platform-key.json');
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return { file, publicBase64: Buffer.from(jwk.x, 'base64url').toString('base64') };
}

export function telemetry(kioskId: string, paper: 'ok' | 'end' = 'ok'): FleetTelemetry {
  const fault = paper === 'end';
  return {
    heartbeatId: '0190a0b0-0000-7000-8000-000000000001',
    sentAt: new Date().toISOString(),
    version: '0.1.0',
    mode: 'demo',
    uptimeSeconds: 60,
    devices: [{ id: 'printer', kind: 'printer', state: 'idle', power: 'online', errorCode: fault ? 'PRINTER-PAPER-END' : null, conditions: { paper } }],
    outbox: { queued: 2, quarantined: 0, oldestPendingSeconds: 30 },
    disk: { freeBytes: 40e9, totalBytes: 100e9 },
    catalogVersion: '2024-8.1',
    auditHead: null,
    kioskId,
    region: '太原市',
    servicePoint: '小店区坞城街道便民服务中心',
    reason: 'change',
    overall: fault ? 'fault' : 'ok',
    findings: fault ? [{ level: 'fault', area: 'device:printer', code: 'PRINTER-PAPER-END', problem: { 'zh-CN': '打印机缺纸', en: 'Printer is out of paper' }, fix: { 'zh-CN': '请更换热敏纸卷', en: 'Load a new thermal paper roll' } }] : [],
  };
}

export interface TestKiosk {
  readonly id: string;
  readonly link: FleetLink;
  readonly runner: RemoteCommandRunner;
  readonly dataDir: string;
  readonly restarts: () => number;
  readonly delays: number[];
  /** The reason of every telemetry report the link built to publish, in order. */
  readonly reports: string[];
  clock: Date | null;
  paper: 'ok' | 'end';
  audit(): { type: string; detail: Record<string, unknown> }[];
}

/** A kiosk's fleet link with the real command runner (persisted ids, audit chain) and recorded actions. */
export function testKiosk(broker: Mosquitto, id: string, key: { publicBase64: string }, options: { dataDir?: string; reconnectMinMs?: number; telemetryIntervalMs?: number } = {}): TestKiosk {
  const dataDir = options.dataDir ?? tempDir(`kiosk-${id}`);
  const logger = pino({ level: 'silent' });
  const auditFile = path.join(dataDir, 'maintenance', 'audit.jsonl');
  const audit = new JsonlAuditTrail(auditFile);
  let restarts = 0;
  const delays: number[] = [];
  const reports: string[] = [];
  const k: { clock: Date | null; paper: 'ok' | 'end' } = { clock: null, paper: 'ok' };
  const runner = new RemoteCommandRunner({
    kioskId: () => id,
    platformKey: () => key.publicBase64,
    audit,
    logger,
    dataDir,
    now: () => k.clock ?? new Date(),
    actions: {
      refreshCatalog: () => Promise.resolve(ok('catalog refreshed')),
      restartUi: () => {
        restarts++;
        return ok('已要求界面重新加载');
      },
      uploadDiagnostics: () => Promise.resolve(ok('uploaded')),
      setConfig: (k2, v) => ok(`${k2} = ${JSON.stringify(v)}`),
    },
  });
  const pwFile = path.join(dataDir, 'broker-password');
  writeFileSync(pwFile, kioskUser(id).password, { mode: 0o600 });
  const link = new FleetLink({
    config: {
      brokerUrl: broker.url,
      username: null,
      passwordFile: pwFile,
      caFile: broker.caFile,
      certFile: null,
      keyFile: null,
      keepaliveSec: 5,
      telemetryIntervalMs: options.telemetryIntervalMs ?? 60_000,
      reconnectMinMs: options.reconnectMinMs ?? 400,
      reconnectMaxMs: 5000,
      region: '太原市',
    },
    kioskId: id,
    servicePoint: '小店区坞城街道便民服务中心',
    version: '0.1.0',
    telemetry: (reason) => {
      reports.push(reason);
      return Promise.resolve({ ...telemetry(id, k.paper), reason });
    },
    commands: runner,
    logger,
    random: () => {
      const r = Math.random();
      delays.push(r);
      return r;
    },
    debounceMs: 50,
  });
  return Object.assign(k, {
    id,
    link,
    runner,
    dataDir,
    restarts: () => restarts,
    delays,
    reports,
    audit: () =>
      readFileSync(auditFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { type: string; detail: Record<string, unknown> }),
  });
}

/** A console on the test broker; Last Wills confirmed after 1 s (5 s in production) unless `options` say otherwise. */
export async function startConsoleBroker(
  broker: Mosquitto,
  keyFile: string,
  options: Partial<Pick<ConsoleBrokerOptions, 'lostConfirmMs' | 'restartGraceMs' | 'backlogWindowMs' | 'clientId'>> = {},
): Promise<{ consoleBroker: ConsoleBroker; store: FleetStore }> {
  const store = new FleetStore(path.join(tempDir('console'), 'fleet.sqlite'));
  const consoleBroker = new ConsoleBroker({
    brokerUrl: broker.url,
    username: CONSOLE_USER.name,
    password: CONSOLE_USER.password,
    ...(broker.caFile ? { caFile: broker.caFile } : {}),
    signingKeyFile: keyFile,
    store,
    flushMs: 50,
    lostConfirmMs: 1000,
    ...options,
  });
  await consoleBroker.start();
  return { consoleBroker, store };
}

export async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * A rollout rig: a real Mosquitto, the console's broker link and store, the rollout controller ticking every
 * 200 ms, and simulated updating kiosks (test/support/update-kiosks.ts), all reported in before it returns.
 */
export interface RolloutRig {
  readonly store: FleetStore;
  readonly rollouts: RolloutController;
  readonly kiosks: readonly UpdatingKiosk[];
  stop(): Promise<void>;
}

export async function startRolloutRig(
  ids: readonly string[],
  kiosk: (id: string, i: number) => { region: string; fails: (version: string) => boolean; reportAfterMs?: number },
): Promise<RolloutRig> {
  const broker = await startMosquitto({ users: [CONSOLE_USER, ...ids.map(kioskUser)] });
  const started: (() => Promise<void> | void)[] = [() => broker.stop()];
  const stop = async () => {
    for (const s of started.splice(0).reverse()) await s();
  };
  try {
    const key = platformKey();
    const { consoleBroker, store } = await startConsoleBroker(broker, key.file);
    started.push(() => consoleBroker.stop());
    const rollouts = new RolloutController({ store, send: (id, c, ttl) => consoleBroker.send(id, c, ttl) });
    rollouts.start(200);
    const kiosks = ids.map((id, i) => updatingKiosk({ broker, id, password: kioskUser(id).password, platformKeyBase64: key.publicBase64, telemetry, ...kiosk(id, i) }));
    started.push(async () => void (await Promise.all(kiosks.map((k) => k.link.stop()))));
    // Stopped first (the list runs backwards): no command goes out to kiosks that are stopping.
    started.push(() => rollouts.stop());
    await until(`all ${ids.length} kiosks reported`, () => (store.flush(), store.kiosks().length === ids.length));
    return { store, rollouts, kiosks, stop };
  } catch (e) {
    // A rig that did not come up stops what it had started: the test's afterAll has no rig to stop.
    await stop();
    throw e;
  }
}
