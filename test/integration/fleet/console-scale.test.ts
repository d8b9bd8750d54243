import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { levelOf, problemsOf } from '../../../fleet-console/advice';
import { startConsoleServer } from '../../../fleet-console/server';
import { FleetStore } from '../../../fleet-console/store';
import { startMosquitto } from '../../support/mosquitto';
import { tempDir } from '../../support/processes';
import { CONSOLE_USER, kioskUser, platformKey, startConsoleBroker, telemetry, testKiosk, until } from './fleet-harness';

const REGIONS = ['太原市', '大同市', '阳泉市'];

/** A store with `n` kiosks across three regions and four service points each; some with problems of every kind. */
function seeded(n: number): FleetStore {
  const store = new FleetStore(path.join(tempDir('console-scale'), 'fleet.sqlite'));
  const at = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const id = `SX-S${String(i).padStart(5, '0')}`;
    const region = REGIONS[i % 3]!;
    const t = { ...telemetry(id, i % 50 === 7 ? 'end' : 'ok'), region, servicePoint: `${region}第${(i % 4) + 1}服务中心` };
    if (i % 50 === 11) t.outbox = { queued: 3, quarantined: 0, oldestPendingSeconds: 7200 }; // an old queue: a warning
    if (i % 50 === 13) t.disk = { freeBytes: 5e9, totalBytes: 100e9 }; // a full disk: a warning
    if (i % 50 === 17) t.sentAt = new Date(Date.now() + 3_600_000).toISOString(); // a clock an hour ahead: a warning
    store.noteTelemetry(t, at);
    if (i % 50 === 19) store.noteStatus({ state: 'offline', reason: 'lost', at, kioskId: id, region, servicePoint: t.servicePoint, version: '0.1.0' }, at);
  }
  store.flush();
  return store;
}

describe('the console at scale: summary and pages from SQLite, not the whole fleet', () => {
  const store = seeded(1000);
  afterAll(() => store.close());

  it('counts per region and service point match the problems each kiosk shows, problems first', () => {
    const now = new Date();
    const all = store.kiosks();
    const s = store.summary();
    expect(s.totals.kiosks).toBe(1000);
    expect(s.totals.problems).toBe(all.filter((k) => problemsOf(k, now).length > 0).length);
    expect(s.totals.faults).toBe(all.filter((k) => levelOf(problemsOf(k, now)) === 2).length);
    expect(s.totals.problems).toBe(100); // 20 each: paper out, old queue, full disk, wrong clock, lost
    expect(s.totals.offline).toBe(20);
    for (const r of s.regions) {
      const mine = all.filter((k) => k.region === r.region);
      expect(r.kiosks).toBe(mine.length);
      expect(r.online).toBe(mine.filter((k) => k.state === 'online').length);
      expect(r.servicePoints.reduce((a, sp) => a + sp.kiosks, 0)).toBe(mine.length);
      expect(r.servicePoints.map((sp) => sp.faults)).toEqual([...r.servicePoints.map((sp) => sp.faults)].sort((a, b) => b - a));
    }
    expect(s.regions.map((r) => r.faults)).toEqual([...s.regions.map((r) => r.faults)].sort((a, b) => b - a));
  });

  it('the SQL problem level is what problemsOf says, for every kiosk', () => {
    const now = new Date();
    const levels: number[] = [];
    for (let offset = 0; offset < 1000; offset += 200) levels.push(...store.page({ offset, limit: 200 }).kiosks.map((k) => levelOf(problemsOf(k, now))));
    expect(levels).toHaveLength(1000);
    // Ordered by the SQL level: faults, then warnings, then the rest — so the two agree kiosk by kiosk.
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(levels.filter((l) => l === 1)).toHaveLength(60);
    const problems = store.page({ problems: true, limit: 200 });
    expect(problems.total).toBe(100);
    expect(problems.kiosks.every((k) => problemsOf(k, now).length > 0)).toBe(true);
  });

  it('the page comes with its first view (summary and both first pages, as the API gives them), which no kiosk text can break out of', async () => {
    const own = seeded(120);
    const at = new Date().toISOString();
    const t = { ...telemetry('SX-X0001', 'end'), servicePoint: '</script><script>alert(1)</script> $& $1' };
    own.noteTelemetry(t, at);
    own.flush();
    const server = await startConsoleServer({ store: own, broker: { connected: true } as never });
    try {
      const html = await (await fetch(`${server.url}/`)).text();
      const m = /<script type="application\/json" id="first-view">([^<]*)<\/script>/.exec(html);
      expect(m).not.toBeNull();
      expect(html.match(/<script/g)).toHaveLength(2); // the module and the data block: the kiosk's text stayed text
      const view = JSON.parse(m![1]!) as { summary: { seq: number; totals: { kiosks: number; faults: number } }; problems: { total: number; kiosks: { kioskId: string; servicePoint: string }[] }; kiosks: { total: number; kiosks: unknown[] } };
      expect(view.summary.totals).toMatchObject({ kiosks: 121, faults: own.summary().totals.faults });
      expect(view.summary.seq).toBe(own.latestSeq());
      expect(view.problems).toEqual(await (await fetch(`${server.url}/api/kiosks?problems=1&offset=0&limit=50`)).json());
      expect(view.kiosks.total).toBe(121);
      expect(view.kiosks.kiosks).toHaveLength(50);
      expect(view.problems.kiosks.find((k) => k.kioskId === 'SX-X0001')?.servicePoint).toBe(t.servicePoint);
    } finally {
      await server.close();
      own.close();
    }
  });

  it('the kept level follows each write (a fixed printer leaves the problems), and a file from before the column gets it on open', () => {
    const file = path.join(tempDir('console-level'), 'fleet.sqlite');
    const a = new FleetStore(file);
    const at = new Date().toISOString();
    a.noteTelemetry(telemetry('SX-L0001', 'end'), at);
    a.noteTelemetry(telemetry('SX-L0002', 'ok'), at);
    a.flush();
    expect(a.summary().totals.faults).toBe(1);
    a.noteTelemetry(telemetry('SX-L0001', 'ok'), at);
    a.flush();
    expect(a.summary().totals.faults).toBe(0);
    expect(a.page({ problems: true }).total).toBe(0);
    // As the console wrote it before: no level column, a kiosk out of paper.
    a.noteTelemetry(telemetry('SX-L0002', 'end'), at);
    a.flush();
    a.db.exec('DROP INDEX kiosks_level; DROP INDEX kiosks_scope; ALTER TABLE kiosks DROP COLUMN level');
    a.close();
    const b = new FleetStore(file);
    expect(b.summary().totals).toMatchObject({ kiosks: 2, faults: 1, problems: 1 });
    expect(b.page({ problems: true }).kiosks.map((k) => k.kioskId)).toEqual(['SX-L0002']);
    b.close();
  });

  it('pages, region and service-point scopes and the search are done in SQLite', () => {
    const p1 = store.page({ region: '阳泉市', limit: 50 });
    const p2 = store.page({ region: '阳泉市', limit: 50, offset: 50 });
    expect(p1.total).toBe(333);
    expect(p1.kiosks).toHaveLength(50);
    expect(new Set([...p1.kiosks, ...p2.kiosks].map((k) => k.kioskId)).size).toBe(100);
    expect(store.page({ region: '阳泉市', servicePoint: '阳泉市第3服务中心' }).kiosks.every((k) => k.servicePoint === '阳泉市第3服务中心')).toBe(true);
    expect(store.page({ q: 's00042' }).kiosks.map((k) => k.kioskId)).toEqual(['SX-S00042']);
    expect(store.page({ q: 'nothing-like-this' }).total).toBe(0);
  });

  it('the HTTP side serves the summary, says "unchanged" when nothing arrived, and refuses bad paging', async () => {
    const server = await startConsoleServer({ store, broker: { connected: true } as never });
    try {
      const first = (await (await fetch(`${server.url}/api/summary`)).json()) as { seq: number; totals: { kiosks: number }; regions: unknown[] };
      expect(first.totals.kiosks).toBe(1000);
      expect(first.regions).toHaveLength(3);
      expect(await (await fetch(`${server.url}/api/summary?after=${first.seq}`)).json()).toEqual({ seq: first.seq, unchanged: true, brokerConnected: true });
      const page = (await (await fetch(`${server.url}/api/kiosks?problems=1&limit=10&offset=10`)).json()) as { total: number; kiosks: { problems: unknown[] }[] };
      expect(page.total).toBe(100);
      expect(page.kiosks).toHaveLength(10);
      expect(page.kiosks.every((k) => k.problems.length > 0)).toBe(true);
      const bad = await fetch(`${server.url}/api/kiosks?limit=100000`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/^limit: /);
      expect((await fetch(`${server.url}/api/kiosks/SX-S00042`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('the console keeps its session across a broker restart', () => {
  it('no resubscribe and no retained replay after a restart; a kiosk that comes back is seen online, a stopped one is left alone', async () => {
    const ids = ['SX-CS-0001', 'SX-CS-0002'];
    const broker = await startMosquitto({ users: [CONSOLE_USER, ...ids.map(kioskUser)] });
    const key = platformKey();
    const desk = await startConsoleBroker(broker, key.file);
    const kiosks = ids.map((id) => testKiosk(broker, id, key));
    try {
      for (const k of kiosks) k.link.start();
      await until('both online', () => desk.store.kiosks().filter((k) => k.state === 'online').length === 2);
      expect(desk.consoleBroker.statusReplays).toBe(1); // its first connect: the snapshot
      const received = desk.consoleBroker.received;
      await kiosks[0]!.link.stop(); // offline/stopped, retained
      await until('stopped seen', () => desk.store.kiosks().find((k) => k.kioskId === ids[0] && k.state === 'offline'));
      const kioskResumes = kiosks[1]!.link.sessionResumes;
      const seqOf = (id: string) => desk.store.kiosk(id)!.seq;
      const stoppedSeq = seqOf(ids[0]!);
      await broker.restart(300);
      await until('console back', () => desk.consoleBroker.connected && desk.consoleBroker.sessionResumes >= 1, 20_000);
      await until('kiosk 2 back', () => kiosks[1]!.link.subscribed && kiosks[1]!.link.sessionResumes > kioskResumes, 20_000);
      await until('kiosk 2 online again', () => desk.consoleBroker.received > received + 1);
      await new Promise((r) => setTimeout(r, 500));
      expect(desk.consoleBroker.statusReplays).toBe(1); // no second replay
      // Only kiosk 2's fresh status came: kiosk 1's retained offline status was not sent again (its row is untouched).
      expect(desk.store.kiosks().map((k) => [k.kioskId, k.state])).toEqual([
        [ids[0], 'offline'],
        [ids[1], 'online'],
      ]);
      expect(seqOf(ids[0]!)).toBe(stoppedSeq);
    } finally {
      for (const k of kiosks) await k.link.stop();
      await desk.consoleBroker.stop();
      await broker.stop();
    }
  });
});
