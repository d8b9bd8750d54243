import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { KioskKeysFileSchema, MAX_BODY_BYTES, type FaultConfigInput, type PlatformError } from '../contract/platform';
import { guardAdmin } from './admin/guard';
import { registerAdminRoutes } from './admin/routes';
import { CatalogService } from './catalog-service';
import { CaseClock } from './clock';
import type { SimContext } from './context';
import { FaultInjector, type FaultDecision } from './faults';
import { TrafficMeter } from './traffic-meter';
import { sendError } from './http/errors';
import { registerRawBodyParsers } from './http/raw-body';
import { PlatformKey } from './platform-key';
import { PlatformSm2Key } from './platform-sm2-key';
import { registerAppointmentRoutes } from './routes/appointments';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerCatalogRoutes } from './routes/catalog';
import { registerCertificateRoutes } from './routes/certificates';
import { registerHeartbeatRoutes } from './routes/heartbeats';
import { registerIdentityRoutes } from './routes/identity';
import { registerIntakeRoutes } from './routes/intake';
import { registerProgressRoutes } from './routes/progress';
import { registerProvisionRoutes } from './routes/provision';
import { registerStatusRoutes } from './routes/status';
import { registerGatewayRoutes } from './gateway/routes';
import { CodeMap, CodeMapSchema } from '../contract/code-map';
import { AppointmentCalendar } from './store/appointments';
import { AttachmentStore } from './store/attachments';
import { CaseProgression } from './store/case-progression';
import { CertificateRegistry } from './store/certificates';
import { openPlatformDb } from './store/database';
import { EidCodes } from './store/eid-codes';
import { FleetDesk } from './store/fleet-desk';
import { HolderCases } from './store/holder-cases';
import { IntakeLedger } from './store/intake-ledger';
import { KioskRegistry } from './store/kiosks';

export interface PlatformSimOptions {
  readonly port: number;
  readonly dataDir: string;
  /** Also serve the example province gateway (`/gw/…`, docs/platform-api.md) with this code map file. */
  readonly gatewayCodeMapFile?: string;
  /** Production: provisioning closed, kiosks and keys from `<dataDir>/keys.json`. */
  readonly production?: boolean;
  readonly provisioningToken?: string;
  /** Simulated time per status step of the fastest department (default 60 s). */
  readonly statusStepMs?: number;
  /** Share of department cases that end 退回 (default 0.1). */
  readonly returnRate?: number;
  /** Also sign catalogs with SM2 (国密) and hand out the SM2 key at provisioning. */
  readonly sm2?: boolean;
  /** Faults active from the start; replace at run time with PUT /admin/faults. */
  readonly faults?: FaultConfigInput;
  /** No heartbeat for this long shows a kiosk offline on the fleet page (default 15 min). */
  readonly offlineAfterMs?: number;
  /**
   * Token every /admin request needs (`Authorization: Bearer`, or `?token=` once in a browser).
   * Production without one gets a random token (`PlatformSim.adminToken`); demo without one checks the Host only.
   */
  readonly adminToken?: string;
  /** Host names besides loopback under which /admin may be reached (a reverse proxy's). */
  readonly adminHosts?: readonly string[];
  /** Serve https with this PEM key and certificate (a production kiosk talks https only). */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
}

export interface PlatformSim {
  readonly url: string;
  readonly app: FastifyInstance;
  /** The platform public key kiosks pin (base64, 32 bytes). */
  readonly platformPublicKey: string;
  /** The optional 国密 catalog key (uncompressed SM2, hex); null unless `sm2`. */
  readonly platformSm2PublicKey: string | null;
  /** What /admin wants; null = loopback Host check only (demo without a token). */
  readonly adminToken: string | null;
  close(): Promise<void>;
}

export const DEFAULT_PROVISIONING_TOKEN = 'demo-provisioning';

declare module 'fastify' {
  interface FastifyRequest {
    fault?: FaultDecision;
  }
}

/** Reference implementation of the provincial platform API, for demo, dev and tests. */
export async function startPlatformSim(options: PlatformSimOptions): Promise<PlatformSim> {
  const db = openPlatformDb(options.dataDir);
  const key = PlatformKey.loadOrCreate(options.dataDir);
  // Pure-JS SM2 over the catalog costs ~0.5 s per signing: only when asked for.
  const sm2Key = options.sm2 ? PlatformSm2Key.loadOrCreate(options.dataDir) : null;
  // The public half, as `onething-kiosk-provision import-platform-key` reads it (docs/provisioning.md).
  writeFileSync(
    path.join(options.dataDir, 'platform-public-key.json'),
    `${JSON.stringify({ platformPublicKey: key.publicKeyBase64, ...(sm2Key ? { platformSm2PublicKey: sm2Key.publicKeyHex } : {}) }, null, 2)}\n`,
  );
  const clock = new CaseClock(db);
  const kiosks = new KioskRegistry(db);
  if (options.production) {
    const file = path.join(options.dataDir, 'keys.json');
    if (!existsSync(file)) throw new Error(`platform-sim: production mode needs ${file} (KioskKeysFileSchema)`);
    kiosks.loadKeysFile(KioskKeysFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).kiosks, new Date().toISOString());
  }
  const catalog = new CatalogService(db, key, sm2Key);
  const attachments = new AttachmentStore(db, options.dataDir);
  const progression = new CaseProgression(db, { stepMs: options.statusStepMs ?? 60_000, returnRate: options.returnRate ?? 0.1 });
  const faults = new FaultInjector();
  if (options.faults) faults.set(options.faults);
  const traffic = new TrafficMeter();
  const ledger = new IntakeLedger(db, catalog, attachments, progression, clock);
  const holderCases = new HolderCases(db, clock, progression, ledger);
  holderCases.seedFixtures();
  const ctx: SimContext = {
    db,
    key,
    sm2Key,
    clock,
    faults,
    kiosks,
    catalog,
    attachments,
    progression,
    ledger,
    certificates: new CertificateRegistry(db, catalog),
    eid: new EidCodes(db, () => clock.nowMs()),
    fleet: new FleetDesk(db, key, { offlineAfterMs: options.offlineAfterMs ?? 15 * 60_000, queueStuckSeconds: 3600, catalogVersion: () => catalog.current().version }),
    provisioning: { open: !options.production, token: options.provisioningToken ?? DEFAULT_PROVISIONING_TOKEN },
    traffic,
    appointments: new AppointmentCalendar(db, clock),
    holderCases,
  };

  // Hung requests stay open until the client gives up; close() must still finish.
  const app = (options.tls
    ? Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, forceCloseConnections: true, https: { key: options.tls.key, cert: options.tls.cert } })
    : Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, forceCloseConnections: true })) as unknown as FastifyInstance;
  registerRawBodyParsers(app);
  // Counted before faults: a refused or dropped request still reached the platform.
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/v1/') || req.url.startsWith('/gw/')) traffic.record(req.routeOptions.url ?? req.url.split('?')[0]!);
  });
  installFaults(app, faults);
  const adminToken = options.adminToken ?? (options.production ? randomBytes(24).toString('base64url') : null);
  guardAdmin(app, { token: adminToken, hosts: options.adminHosts ?? [] });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, 413, 'body-too-large', `body larger than ${MAX_BODY_BYTES} bytes: split the batch`);
    if (status === 415) return sendError(reply, 400, 'invalid-body', `unsupported Content-Type: ${error.message}`);
    if (status >= 400 && status < 500) return sendError(reply, status, 'invalid-body', error.message);
    return sendError(reply, 500, 'internal', `platform-sim failure: ${error.message}`);
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, 'not-found', `no such endpoint: ${req.method} ${req.url.split('?')[0]}`));

  app.get('/v1/health', async () => ({ ok: true, now: new Date().toISOString() }));
  registerProvisionRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerIntakeRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerStatusRoutes(app, ctx);
  registerCertificateRoutes(app, ctx);
  registerIdentityRoutes(app, ctx);
  registerHeartbeatRoutes(app, ctx);
  registerAppointmentRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerProgressRoutes(app, ctx);
  if (options.gatewayCodeMapFile) registerGatewayRoutes(app, ctx, new CodeMap(CodeMapSchema.parse(JSON.parse(readFileSync(options.gatewayCodeMapFile, 'utf8')))));

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    app,
    platformPublicKey: key.publicKeyBase64,
    platformSm2PublicKey: sm2Key?.publicKeyHex ?? null,
    adminToken,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

/** Fault injection on /v1 and the example gateway's /gw (never on /admin): before the handler, or after its commit. */
function installFaults(app: FastifyInstance, faults: FaultInjector): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/v1/') && !req.url.startsWith('/gw/')) return;
    const decision = faults.decide(req.url.split('?')[0]!);
    req.fault = decision;
    if (decision.latencyMs > 0) {
      faults.count('latency');
      await delay(decision.latencyMs);
    }
    switch (decision.action.kind) {
      case 'reset':
        faults.count('reset');
        reply.hijack();
        req.raw.socket.resetAndDestroy();
        return;
      case 'hang':
        faults.count('hang');
        // Never answer: the socket stays open until the client times out or the server closes.
        reply.hijack();
        return;
      case 'rate-limit': {
        faults.count('rateLimit');
        const seconds = decision.action.retryAfterSeconds;
        const body: PlatformError = { code: 'rate-limited', message: `too many requests: retry after ${seconds} s`, retryAfterSeconds: seconds };
        return reply.code(429).header('retry-after', String(seconds)).send(body);
      }
      case 'error':
        faults.count('error');
        return sendError(reply, 500, 'internal', 'simulated platform failure (fault injection)');
      case 'none':
        return;
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const f = req.fault;
    if (!f?.dropAfterCommit || reply.statusCode >= 300) return payload;
    if (f.dropOnlyNew && !req.createdNew) return payload;
    faults.count('dropAfterCommit');
    // The work is committed; the kiosk never learns it. Its retry must find a duplicate.
    req.raw.socket.destroy();
    return payload;
  });
}
