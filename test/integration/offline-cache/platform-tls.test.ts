import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../host/api/events';
import { ConnectivityMonitor } from '../../../host/platform/connectivity';
import { platformLookups } from '../../../host/platform/lookups';
import { PlatformClient } from '../../../offline-cache/sync/platform-client';
import { platformFetch, PlatformTlsError, readPlatformTls } from '../../../offline-cache/sync/platform-fetch';
import { startPlatformSim, type PlatformSim } from '../../../platform-sim/server';
import { drain, EXAMPLE_CODE_MAP, openKiosk, PLATFORM_ADAPTERS, platformIntake, submitApplication } from '../../support/offline-kiosk';
import { tempDir } from '../../support/processes';

import { makePki } from '../../support/pki';

/**
 * The kiosk's TLS to the platform, against real https servers: a throw-away
 * province CA, a server certificate for 127.0.0.1 and a kiosk client
 * certificate, all made by openssl here.
 */
let pki: string;
let gateway: Server;
let gatewayUrl: string;
let sim: PlatformSim;
let simDataDir: string;
const seenClients: (string | null)[] = [];


const file = (name: string) => path.join(pki, name);

beforeAll(async () => {
  pki = tempDir('pki');
  makePki(pki, { client: 'SX-TY-XD-0001' });
  // A gateway that wants mutual TLS: only clients with a certificate from the province CA get through.
  gateway = createServer({ key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem')), ca: readFileSync(file('ca.pem')), requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    const cn = typeof peer.subject?.CN === 'string' ? peer.subject.CN : null;
    seenClients.push(cn);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, path: req.url, client: cn }));
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `https://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  simDataDir = tempDir('sim-tls');
  sim = await startPlatformSim({ port: 0, dataDir: simDataDir, gatewayCodeMapFile: EXAMPLE_CODE_MAP, tls: { key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem')) } });
});
afterAll(async () => {
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
  await sim.close();
});

describe('platform TLS: CA bundle and client certificate', () => {
  it('trusts the configured CA and presents the kiosk certificate to a mutual-TLS gateway', async () => {
    const tls = readPlatformTls({ caFile: file('ca.pem'), certFile: file('client.pem'), keyFile: file('client.key') });
    const res = await platformFetch(tls)(new URL('/v1/health', gatewayUrl), { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, path: '/v1/health', client: 'SX-TY-XD-0001' });
    expect(seenClients).toContain('SX-TY-XD-0001');
  });

  it('without the client certificate the gateway refuses the handshake; without the CA the kiosk refuses the server', async () => {
    const noCert = platformFetch(readPlatformTls({ caFile: file('ca.pem'), certFile: null, keyFile: null }));
    await expect(noCert(new URL('/v1/health', gatewayUrl), { signal: AbortSignal.timeout(10_000) })).rejects.toThrow(TypeError);
    // The system trust store does not know the province CA: the global fetch refuses the platform-sim's certificate.
    const system = platformFetch(null);
    const refused = await system(new URL('/v1/health', sim.url), { signal: AbortSignal.timeout(10_000) }).then(
      () => null,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
    );
    expect(refused).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER_CERT/);
  });

  it('a plain http URL is refused when TLS is configured, and a timeout ends the call with the signal reason', async () => {
    const tls = platformFetch(readPlatformTls({ caFile: file('ca.pem'), certFile: null, keyFile: null }));
    await expect(tls('http://127.0.0.1:9/v1/health')).rejects.toMatchObject({ cause: { code: 'ERR_PLATFORM_NOT_HTTPS' } });
    const aborted = new AbortController();
    aborted.abort(new Error('gave up'));
    await expect(tls(new URL('/v1/health', sim.url), { signal: aborted.signal })).rejects.toThrow('gave up');
  });

  it.each(PLATFORM_ADAPTERS.map((adapter, i) => ({ ...adapter, kioskId: `SX-TY-XD-${String(i + 1).padStart(4, '0')}` })))(
    'the sync engine, lookups and connectivity reach an https platform-sim through the CA bundle with the $name: provisioning, a delivery, a lookup and a health probe',
    async (adapter) => {
    const transport = platformFetch(readPlatformTls({ caFile: file('ca.pem'), certFile: null, keyFile: null }));
    const cache = await openKiosk(sim.url, { ...adapter.kiosk, kioskId: adapter.kioskId, fetch: transport });
    try {
      expect((await cache.client.health()).kind).toBe('ok');
      expect((await cache.client.pullStatus('0')).kind).toBe('ok');
      submitApplication(cache);
      await drain(cache);
      expect(platformIntake(simDataDir, cache.signer.kioskId)).toHaveLength(1);
      // Lookups ride the same transport: a signed enterprise lookup gets the platform's answer, not a TLS failure.
      const lookup = await platformLookups(cache, { timeoutMs: 5000 }).lookupEnterprise('91140100MA0HN0X43L');
      expect(lookup.ok ? 'answered' : lookup.code).not.toBe('platform-unreachable');
      const monitor = new ConnectivityMonitor({ platform: cache.client, intervalMs: 60_000 }, new EventBus(), pino({ level: 'silent' }));
      await monitor.check();
      expect(monitor.current().online).toBe(true);
      // The same adapter without the CA bundle (the system store) cannot reach it.
      const deps = { baseUrl: sim.url, signer: cache.signer, timeoutMs: 5000 };
      const blind = new ConnectivityMonitor({ platform: 'platform' in adapter.kiosk ? adapter.kiosk.platform(deps) : new PlatformClient(deps), intervalMs: 60_000 }, new EventBus(), pino({ level: 'silent' }));
      await blind.check();
      expect(blind.current().online).toBe(false);
    } finally {
      await cache.close();
    }
    },
  );

  it('names the key of a TLS file that cannot be used', () => {
    const notPem = path.join(tempDir('pki-bad'), 'ca.txt');
    writeFileSync(notPem, 'not a certificate');
    expect(() => readPlatformTls({ caFile: notPem, certFile: null, keyFile: null })).toThrow(PlatformTlsError);
    expect(() => readPlatformTls({ caFile: notPem, certFile: null, keyFile: null })).toThrow(/platform\.caFile: expected a PEM file/);
    expect(() => readPlatformTls({ caFile: '/nonexistent/ca.pem', certFile: null, keyFile: null })).toThrow(/platform\.caFile: expected a readable PEM file, ENOENT/);
    expect(() => readPlatformTls({ caFile: null, certFile: file('client.pem'), keyFile: null })).toThrow(/platform\.keyFile: expected platform\.certFile and platform\.keyFile together/);
    expect(() => readPlatformTls({ caFile: null, certFile: file('client.key'), keyFile: file('client.key') })).toThrow(/platform\.certFile/);
    expect(readPlatformTls({ caFile: null, certFile: null, keyFile: null })).toBeNull();
  });
});
