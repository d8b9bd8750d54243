import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CATALOG } from '../../contract/catalog';
import type { ApplicationPayload } from '../../contract/platform';
import { plainFileSealer } from '../../offline-cache/crypto/key-vault';
import { openOfflineCache, type OfflineCache, type OfflineCacheOptions } from '../../offline-cache/offline-cache';
import { VirtualClock } from '../../offline-cache/sync/clock';
import { startPlatformSim, type PlatformSim, type PlatformSimOptions } from '../../platform-sim/server';
import { tempDir } from './processes';
import { loadCodeMap } from '../../offline-cache/platform/code-map';
import { ExampleGatewayAdapter } from '../../offline-cache/platform/example-gateway';

/** The example province's code map (contract/province-example/code-map.json). */
export const EXAMPLE_CODE_MAP = path.join(import.meta.dirname, '..', '..', 'contract', 'province-example', 'code-map.json');

/**
 * The platforms the sync tests run against: the v1 client to the simulator's
 * v1 API, and the example province adapter (with its code map) to the example
 * gateway the simulator serves in front of the same store.
 */
export const PLATFORM_ADAPTERS = [
  { name: 'v1 client', adapter: 'v1', prefix: '/v1/', paths: { applications: '/v1/applications/batch', attachments: '/v1/attachments/', status: '/v1/status' }, sim: {}, kiosk: {} },
  {
    name: 'example province adapter',
    adapter: 'example-gateway',
    prefix: '/gw/',
    paths: { applications: '/gw/bj/sqsb', attachments: '/gw/fj/', status: '/gw/zt' },
    sim: { gatewayCodeMapFile: EXAMPLE_CODE_MAP },
    kiosk: { platform: (deps: Parameters<NonNullable<OfflineCacheOptions['platform']>>[0]) => new ExampleGatewayAdapter({ ...deps, codeMap: loadCodeMap(EXAMPLE_CODE_MAP) }) },
  },
] as const satisfies readonly {
  name: string;
  adapter: string;
  /** Every request of this adapter goes under this prefix (nothing rides the other API). */
  prefix: string;
  /** Where its batches, attachment chunks and status pages go (fault `paths`). */
  paths: { applications: string; attachments: string; status: string };
  sim: Partial<PlatformSimOptions>;
  kiosk: Partial<OfflineCacheOptions>;
}[];
export type PlatformAdapterCase = (typeof PLATFORM_ADAPTERS)[number];

/** The routes the simulator was asked for (its traffic meter), e.g. `/gw/fj/:sha256`. */
export async function platformRoutes(simUrl: string): Promise<Set<string>> {
  const res = await fetch(`${simUrl}/admin/traffic.json`);
  if (!res.ok) throw new Error(`GET /admin/traffic.json: ${res.status}`);
  const report = (await res.json()) as { seconds: { byRoute: Record<string, number> }[] };
  return new Set(report.seconds.flatMap((s) => Object.keys(s.byRoute)));
}

export const PROVISIONING_TOKEN = 'demo-provisioning';

/** A platform simulator in this process: real HTTP on an ephemeral port, real SQLite in a temp dir. */
export async function startSim(options: Partial<PlatformSimOptions> = {}): Promise<PlatformSim & { readonly dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir('sim');
  const sim = await startPlatformSim({ port: 0, ...options, dataDir });
  return Object.assign(sim, { dataDir });
}

export async function setFaults(simUrl: string, faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${simUrl}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`PUT /admin/faults: ${res.status} ${await res.text()}`);
}

/** Adds an e-certificate to the simulator's registry (`POST /admin/certificates`). */
export async function seedCertificate(simUrl: string, c: { holderIdNumber: string; holderName: string; certificateTypeCode: string; certificateNumber: string; issuedAt: string }): Promise<void> {
  const res = await fetch(`${simUrl}/admin/certificates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) });
  if (res.status !== 201) throw new Error(`POST /admin/certificates: ${res.status} ${await res.text()}`);
}

export async function advanceSimClock(simUrl: string, ms: number): Promise<void> {
  const res = await fetch(`${simUrl}/admin/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms }) });
  if (!res.ok) throw new Error(`clock advance: ${res.status}`);
}

/** Opens a kiosk's offline cache over `dataDir` and registers its key with the simulator. */
export async function openKiosk(
  platformUrl: string,
  overrides: Partial<OfflineCacheOptions> & { readonly dataDir?: string } = {},
): Promise<OfflineCache & { readonly dataDir: string }> {
  const dataDir = overrides.dataDir ?? tempDir('kiosk');
  const cache = openOfflineCache({
    kioskId: 'SX-TY-XD-0001',
    platformUrl,
    requestTimeoutMs: 2_000,
    sealer: plainFileSealer,
    builtInCatalog: CATALOG,
    bootJitterMs: 0,
    idlePollMs: 60_000,
    ...overrides,
    dataDir,
  });
  if (!cache.store.getMeta('platform_public_key')) {
    // A first request to a freshly started simulator on a loaded machine can outlast a short test timeout: provisioning is
    // asked again when there was no answer (never when the platform answered with a refusal).
    let r = await cache.client.provision(PROVISIONING_TOKEN, '测试便民服务中心');
    for (let attempt = 1; r.kind === 'unreachable' && attempt < 5; attempt++) r = await cache.client.provision(PROVISIONING_TOKEN, '测试便民服务中心');
    if (r.kind !== 'ok') throw new Error(`provisioning failed: ${JSON.stringify(r)}`);
    cache.pinPlatformKey(r.value.platformPublicKey);
    cache.continueNumbering(r.value.highestSeqs);
  }
  return Object.assign(cache, { dataDir });
}

export const RESIDENT = { name: '王秀英', idNumber: '140105195803150027', address: '山西省太原市小店区坞城路92号3单元501室' } as const;

export function payloadFor(localNumber: string, overrides: Partial<ApplicationPayload> = {}): ApplicationPayload {
  return {
    itemCode: '01',
    subItemCodes: ['01-01', '01-02'],
    catalogVersion: CATALOG.version,
    applicant: { cardType: 'resident', name: RESIDENT.name, idNumber: RESIDENT.idNumber, address: RESIDENT.address },
    form: { note: '测试' },
    materials: [],
    commitmentSigned: false,
    localNumber,
    ...overrides,
  };
}

/** One application through the ledger, as the host's submit does it. */
export function submitApplication(cache: OfflineCache, options: { attachment?: Uint8Array; overrides?: Partial<ApplicationPayload> } = {}) {
  const att = options.attachment;
  return cache.ledger.submit({
    matterCode: '01',
    matterTitle: '新生儿出生一件事',
    deadline: '10个工作日',
    applicantIdNumber: RESIDENT.idNumber,
    applicantMasked: '王*英 140…0027',
    subItems: [
      { code: '01-01', name: '出生医学证明', department: '卫健委' },
      { code: '01-02', name: '户口登记', department: '公安厅' },
    ],
    attachments: att ? [{ content: att, mediaType: 'image/jpeg', role: 'authorisation' }] : [],
    payload: (localNumber, files) =>
      payloadFor(localNumber, {
        materials: files.map((f) => ({ kind: 'attachment' as const, materialCode: f.role, sha256: f.address, mediaType: 'image/jpeg' as const, bytes: f.bytes })),
        ...options.overrides,
      }),
  });
}

export function fakeScan(bytes = 300_000): Uint8Array {
  const b = randomBytes(bytes);
  b[0] = 0xff;
  b[1] = 0xd8;
  return b;
}

/** What the platform holds for a kiosk, read from its own SQLite file. */
export function platformIntake(simDataDir: string, kioskId = 'SX-TY-XD-0001'): { clientId: string; stream: string; seq: number; duplicates: number; platformNumber: string }[] {
  const db = new Database(path.join(simDataDir, 'platform.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT client_id AS clientId, stream, seq, duplicate_count AS duplicates, platform_number AS platformNumber FROM intake WHERE kiosk_id = ? ORDER BY stream, seq')
      .all(kioskId) as { clientId: string; stream: string; seq: number; duplicates: number; platformNumber: string }[];
  } finally {
    db.close();
  }
}

/** Runs sync cycles (backoff ignored) until nothing is pending or `maxCycles` is reached. */
export async function drain(cache: OfflineCache, maxCycles = 200): Promise<number> {
  let cycles = 0;
  while (cache.outbox.pendingCount() > 0 && cycles < maxCycles) {
    await cache.engine.syncNow();
    cycles++;
  }
  return cycles;
}

/** A virtual clock that remembers every wait the engine asked for. */
export class RecordingClock extends VirtualClock {
  readonly sleeps: number[] = [];
  override sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return super.sleep(ms, signal);
  }
}

/** Yesterday as the kiosk's local date (YYYY-MM-DD): a birth date or event date every journey accepts. */
export function yesterday(): string {
  const d = new Date(Date.now() - 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
