import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openKiosk, payloadFor, PLATFORM_ADAPTERS, startSim, type PlatformAdapterCase } from '../../support/offline-kiosk';

/** How each adapter's platform reads a batch and answers, so one script speaks both wires. */
const WIRES = {
  v1: {
    items: (body: string) => (JSON.parse(body) as { items: { clientId: string }[] }).items.map((i) => ({ clientId: i.clientId })),
    emptyStatus: JSON.stringify({ changes: [], nextCursor: '0', hasMore: false }),
    results: (results: { clientId: string; platformNumber: string }[]) =>
      JSON.stringify({ results: results.map((r) => ({ clientId: r.clientId, outcome: 'accepted', status: 201, platformNumber: r.platformNumber, receivedAt: new Date().toISOString() })) }),
    /** Not JSON; JSON outside the contract; a result outside the contract. */
    broken: ['this is not json', JSON.stringify({ results: 'nope' }), JSON.stringify({ results: [{ clientId: 'x', outcome: 'teleported' }] })],
    malformed: { status: 400, body: JSON.stringify({ code: 'invalid-body', message: 'items[3] is not an application' }) },
  },
  'example-gateway': {
    items: (body: string) => (JSON.parse(body) as { jl: { ywlsh: string }[] }).jl.map((r) => ({ clientId: r.ywlsh })),
    emptyStatus: JSON.stringify({ fhdm: '0000', fhxx: '成功', sj: { bg: [], xyb: '0', gd: false } }),
    results: (results: { clientId: string; platformNumber: string }[]) =>
      JSON.stringify({ fhdm: '0000', fhxx: '成功', sj: results.map((r) => ({ ywlsh: r.clientId, jg: '00', slbh: r.platformNumber, jssj: new Date().toISOString() })) }),
    broken: ['this is not json', JSON.stringify({ fhdm: '0000', fhxx: '成功', sj: 'nope' }), JSON.stringify({ fhdm: '0000', fhxx: '成功', sj: [{ ywlsh: 'x', jg: '77' }] })],
    malformed: { status: 200, body: JSON.stringify({ fhdm: '4002', fhxx: '报文错误: jl.3.nr' }) },
  },
} as const satisfies Record<PlatformAdapterCase['adapter'], unknown>;

/** A real HTTP server that answers batch requests the way the test script says (a platform gone wrong). */
async function scriptedPlatform(
  adapter: PlatformAdapterCase,
  answer: (items: { clientId: string }[], res: ServerResponse, req: IncomingMessage) => void,
): Promise<{ url: string; server: Server }> {
  const wire = WIRES[adapter.adapter];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url?.startsWith(adapter.paths.status)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(wire.emptyStatus);
        return;
      }
      answer(wire.items(body), res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe.each(PLATFORM_ADAPTERS)('a platform that answers wrongly, through the $name', (adapter) => {
const wire = WIRES[adapter.adapter];

async function kioskAgainst(url: string) {
  // Keys are registered with a real simulator once; the kiosk is then pointed at the scripted server.
  const sim = await startSim(adapter.sim);
  const first = await openKiosk(sim.url, adapter.kiosk);
  const dataDir = first.dataDir;
  await first.close();
  await sim.close();
  const kiosk = await openKiosk(url, { ...adapter.kiosk, dataDir, requestTimeoutMs: 500 });
  cleanup.push(() => kiosk.close());
  return kiosk;
}

{
  it('garbage or contract-breaking answers are treated as no answer: nothing is marked delivered, nothing is lost', async () => {
    const answers = wire.broken;
    let n = 0;
    const p = await scriptedPlatform(adapter, (_items, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(answers[n++ % answers.length]);
    });
    cleanup.push(() => new Promise((resolve) => p.server.close(() => resolve())));
    const kiosk = await kioskAgainst(p.url);
    for (let i = 0; i < 3; i++) kiosk.outbox.enqueue('application', payloadFor(`L-${i}`));
    for (let i = 0; i < 3; i++) await kiosk.engine.syncNow();
    expect(kiosk.outbox.summary()).toMatchObject({ queued: 3, sending: 0, accepted: 0, quarantined: 0 });
    expect(kiosk.engine.status().lastError).toMatch(/invalid JSON|broke the contract|broke its envelope|outside its envelope|result incomplete/);
    expect(kiosk.engine.status().consecutiveFailures).toBe(3);
  });

  it('an item the platform gave no result for stays queued; the ones it answered are settled', async () => {
    const p = await scriptedPlatform(adapter, (items, res) => {
      const first = items[0]!;
      res.writeHead(200, { 'content-type': 'application/json' }).end(wire.results([{ clientId: first.clientId, platformNumber: 'SX2026112600000001' }]));
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
    const p = await scriptedPlatform(adapter, (items, res) => {
      if (items.some((i) => i.clientId === poison)) {
        res.writeHead(wire.malformed.status, { 'content-type': 'application/json' }).end(wire.malformed.body);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(wire.results(items.map((it, k) => ({ clientId: it.clientId, platformNumber: `SX20261126${String(k).padStart(8, '0')}` }))));
    });
    cleanup.push(() => new Promise((resolve) => p.server.close(() => resolve())));
    const kiosk = await kioskAgainst(p.url);
    const ids = Array.from({ length: 8 }, (_, i) => kiosk.outbox.enqueue('application', payloadFor(`L-${i}`)).clientId);
    poison = ids[3]!;
    for (let i = 0; i < 10 && kiosk.outbox.pendingCount() > 0; i++) await kiosk.engine.syncNow();
    expect(kiosk.outbox.quarantined().map((q) => q.clientId)).toEqual([poison]);
    expect(kiosk.outbox.clientIds('accepted').sort()).toEqual(ids.filter((id) => id !== poison).sort());
  });

  it('500s, a closed socket and no answer at all leave everything queued, and the items go once the platform answers', async () => {
    let n = 0;
    const p = await scriptedPlatform(adapter, (items, res, req) => {
      const turn = n++;
      if (turn === 0) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      else if (turn === 1) req.socket.destroy();
      else if (turn === 2) return; // never answers: the request's deadline must fire
      else res.writeHead(200, { 'content-type': 'application/json' }).end(wire.results(items.map((it, k) => ({ clientId: it.clientId, platformNumber: `SX20261127${String(k).padStart(8, '0')}` }))));
    });
    cleanup.push(() => new Promise((resolve) => { p.server.closeAllConnections(); p.server.close(() => resolve()); }));
    const kiosk = await kioskAgainst(p.url);
    const ids = [0, 1, 2].map((i) => kiosk.outbox.enqueue('application', payloadFor(`L-${i}`)).clientId);
    for (let i = 0; i < 3; i++) await kiosk.engine.syncNow();
    expect(kiosk.outbox.summary()).toMatchObject({ queued: 3, sending: 0, accepted: 0, quarantined: 0 });
    expect(kiosk.engine.status().consecutiveFailures).toBe(3);
    await kiosk.engine.syncNow();
    expect(kiosk.outbox.clientIds('accepted').sort()).toEqual([...ids].sort());
    expect(kiosk.engine.status().consecutiveFailures).toBe(0);
  });
}
});
