import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../contract';
import { EventBus } from '../../../host/api/events';
import { ConnectivityMonitor } from '../../../host/platform/connectivity';
import { plainFileSealer } from '../../../offline-cache/crypto/key-vault';
import { PlatformClient } from '../../../offline-cache/sync/platform-client';
import { loadOrCreateDeviceSigner } from '../../../offline-cache/sync/device-identity';
import { tempDir } from '../../support/processes';

/** A real HTTP health endpoint whose answers the test scripts, one per probe. */
async function healthServer(answers: number[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.statusCode = answers.shift() ?? 200;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('connectivity pill: hysteresis on a flaky link', () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('a link that fails every other probe does not flap; two failures in a row go offline, two successes come back', async () => {
    const h = await healthServer([200, 503, 200, 503, 200, 503, 200, 503, 503, 200, 200]);
    server = h.server;
    const bus = new EventBus();
    const published: boolean[] = [];
    bus.subscribe((m: EventMessage) => m.event === 'system.connectivity' && published.push((m.payload as { online: boolean }).online));
    const monitor = new ConnectivityMonitor({ platform: new PlatformClient({ baseUrl: h.url, signer: loadOrCreateDeviceSigner(path.join(tempDir('conn'), 'device.key'), 'SX-TEST', plainFileSealer), timeoutMs: 2000 }), intervalMs: 60_000 }, bus, pino({ level: 'silent' }));
    const seen: boolean[] = [];
    for (let i = 0; i < 11; i++) {
      await monitor.check();
      seen.push(monitor.current().online);
    }
    // 200 | 503 200 503 200 503 200 | 503 503 → offline | 200 200 → online
    expect(seen).toEqual([true, true, true, true, true, true, true, true, false, false, true]);
    expect(published).toEqual([true, false, true]);
  });
});
