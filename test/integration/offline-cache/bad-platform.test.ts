import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openKiosk, payloadFor, startSim } from '../../support/offline-kiosk';

/** A real HTTP server that answers batch requests the way the test script says (a platform gone wrong). */
async function scriptedPlatform(answer: (items: { clientId: string }[], res: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url?.startsWith('/v1/status')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ changes: [], nextCursor: '0', hasMore: false }));
        return;
      }
      answer((JSON.parse(body) as { items: { clientId: string }[] }).items, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function kioskAgainst(url: string) {
  // Keys are registered with a real simulator once; the kiosk is then pointed at the scripted server.
  const sim = await startSim();
  const first = await openKiosk(sim.url);
  const dataDir = first.dataDir;
  await first.close();
  await sim.close();
  const kiosk = await openKiosk(url, { dataDir });
  cleanup.push(() => kiosk.close());
  return kiosk;
}

describe('a platform that answers wrongly', () => {
  it('garbage or contract-breaking answers are treated as no answer: nothing is marked delivered, nothing is lost', async () => {
    const answers = ['this is not json', JSON.stringify({ results: 'nope' }), JSON.stringify({ results: [{ clientId: 'x', outcome: 'teleported' }] })];
    let n = 0;
    const p = await scriptedPlatform((_items, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(answers[n++ % answers.length]);
    });
    cleanup.push(() => new Promise((resolve) => p.server.close(() => resolve())));
    const kiosk = await kioskAgainst(p.url);
    for (let i = 0; i < 3; i++) kiosk.outbox.enqueue('application', payloadFor(`L-${i}`));
    for (let i = 0; i < 3; i++) await kiosk.engine.syncNow();
    expect(kiosk.outbox.summary()).toMatchObject({ queued: 3, sending: 0, accepted: 0, quarantined: 0 });
    expect(kiosk.engine.status().lastError).toMatch(/invalid JSON|broke the contract/);
    expect(kiosk.engine.status().consecutiveFailures).toBe(3);
  });

  it('an item the platform gave no result for stays queued; the ones it answered are settled', async () => {
    const p = await scriptedPlatform((items, res) => {
      const first = items[0]!;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ results: [{ clientId: first.clientId, outcome: 'accepted', status: 201, platformNumber: 'SX2026112600000001', receivedAt: new Date().toISOString() }] }),
      );
    });
    cleanup.push(() => new Promise((resolve) => p.server.close(() => resolve())));
    const kiosk = await kioskAgainst(p.url);
    const ids = [0, 1, 2].map((i) => kiosk.outbox.enqueue('application', payloadFor(`L-${i}`)).clientId);
    await kiosk.engine.syncNow();
    expect(kiosk.outbox.clientIds('accepted')).toEqual([ids[0]]);
    expect(kiosk.outbox.clientIds('queued')).toEqual([ids[1], ids[2]]);
  });

  it('a whole batch refused as malformed is halved until the poison item stands alone, which alone is quarantined', async () => {
    let poison = '';
    const p = await scriptedPlatform((items, res) => {
      if (items.some((i) => i.clientId === poison)) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'invalid-body', message: 'items[3] is not an application' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ results: items.map((it, k) => ({ clientId: it.clientId, outcome: 'accepted', status: 201, platformNumber: `SX20261126${String(k).padStart(8, '0')}`, receivedAt: new Date().toISOString() })) }),
      );
    });
    cleanup.push(() => new Promise((resolve) => p.server.close(() => resolve())));
    const kiosk = await kioskAgainst(p.url);
    const ids = Array.from({ length: 8 }, (_, i) => kiosk.outbox.enqueue('application', payloadFor(`L-${i}`)).clientId);
    poison = ids[3]!;
    for (let i = 0; i < 10 && kiosk.outbox.pendingCount() > 0; i++) await kiosk.engine.syncNow();
    expect(kiosk.outbox.quarantined().map((q) => q.clientId)).toEqual([poison]);
    expect(kiosk.outbox.clientIds('accepted').sort()).toEqual(ids.filter((id) => id !== poison).sort());
  });
});
