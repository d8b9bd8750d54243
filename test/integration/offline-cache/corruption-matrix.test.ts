import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLocalNumber } from '../../../offline-cache/applications/ledger';
import { submitApplication } from '../../support/offline-kiosk';
import { copyStore, fillStore, flipBytes, flipWalFrame, KIOSK, openLocal, pagesOf, truncateTo, walFrames, wrongHeader, zeroPage, type Filled } from '../../support/damaged-store';

const COUNTS = { applications: 160, evaluations: 20, feedback: 12 };
let filled: Filled;
let withWal: Filled;
beforeAll(async () => {
  filled = await fillStore(COUNTS);
  withWal = await fillStore({ ...COUNTS, applications: 40, walTail: 30 });
}, 60_000);

const STREAMS = ['application', 'evaluation', 'feedback'] as const;
const LOSS_KEY = { application: 'applications', evaluation: 'evaluations', feedback: 'feedback' } as const;

/** Opens the damaged copy and checks the promise: bounded start, all readable kept, exactly the lost named, numbering continues. */
async function openAndAccount(dir: string, source: Filled, expectSalvage = true) {
  const started = Date.now();
  const cache = openLocal(dir);
  const opened = Date.now() - started;
  try {
    const report = cache.integrity;
    expect(opened).toBeLessThan(10_000);
    if (expectSalvage) {
      expect(report.ok).toBe(false);
      expect(report.quarantinedFile && existsSync(report.quarantinedFile)).toBe(true);
    }
    expect(cache.store.integrityOk()).toBe(true);
    const present = (kind: string) => new Map(cache.store.read((db) => db.prepare('SELECT stream_seq AS s, client_id AS c FROM outbox WHERE kind = ?').all(kind) as { s: number; c: string }[]).map((r) => [r.s, r.c]));
    let lostTotal = 0;
    for (const kind of STREAMS) {
      const have = present(kind);
      const missing = [...source.streams[kind].keys()].filter((s) => !have.has(s)).sort((a, b) => a - b);
      // Every surviving row is the one acknowledged under that number.
      for (const [s, c] of have) expect(source.streams[kind].get(s)).toBe(c);
      if (report.tailUnknown) {
        // The newest pages are gone with no trace: what is named is a true part of what was lost.
        expect(report.lost[LOSS_KEY[kind]]).toBeLessThanOrEqual(missing.length);
        for (const s of report.gone[kind]) expect(missing).toContain(s);
      } else {
        expect(report.lost[LOSS_KEY[kind]]).toBe(missing.length);
        expect([...report.gone[kind]]).toEqual(missing);
      }
      lostTotal += missing.length;
    }
    // Lost applications' attachments are counted from the audit chain.
    const lostApps = [...source.streams.application.entries()].filter(([s]) => report.gone.application.includes(s));
    const auditKnows = new Set(cache.store.read((db) => db.prepare(`SELECT json_extract(detail, '$.clientId') FROM audit WHERE kind = 'submission'`).pluck().all() as string[]));
    const expectedAttachments = lostApps.filter(([, c]) => auditKnows.has(c)).reduce((a, [, c]) => a + source.attachmentsOf.get(c)!, 0);
    expect(report.lost.attachments).toBeGreaterThanOrEqual(expectedAttachments);
    // Everything kept still opens (sealed bodies intact), and the ledger finds the kept applications.
    const batch = cache.outbox.claimBatch('application', { maxBytes: 1e9, maxItems: 100_000 });
    expect(batch.length).toBe(present('application').size);
    for (const item of batch) expect(JSON.parse(item.payloadJson)).toBeTruthy();
    // Numbering continues past the highest number ever acknowledged: no receipt number is issued twice.
    const highest = Math.max(...source.streams.application.keys());
    const next = submitApplication(cache);
    expect(next.localNumber > formatLocalNumber(KIOSK, highest)).toBe(true);
    const nextEvaluation = cache.outbox.enqueue('evaluation', { level: 'satisfied', reasons: [] });
    expect(nextEvaluation.streamSeq).toBeGreaterThan(Math.max(...source.streams.evaluation.keys()));
    expect(cache.store.salvageReports().length).toBe(expectSalvage ? 1 : 0);
    return { report, lostTotal, next };
  } finally {
    await cache.close();
  }
}

describe('corruption matrix: the kiosk store starts, keeps all that is readable and names exactly what was lost', () => {
  const db = (dir: string) => path.join(dir, 'kiosk.db');
  const leaves = (file: string, table: string) => pagesOf(file, `SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`, table);

  it('flipped bytes in an outbox leaf page', async () => {
    const dir = copyStore(filled.dir);
    const l = leaves(db(dir), 'outbox');
    flipBytes(db(dir), l[Math.floor(l.length / 2)]!, 100, 512);
    const { report, lostTotal } = await openAndAccount(dir, filled);
    expect(lostTotal).toBeGreaterThan(0);
    expect(report.recovered['outbox']).toBeGreaterThan(150);
  });

  it('flipped bytes in an interior page: no row lost (its leaves are found without it)', async () => {
    const dir = copyStore(filled.dir);
    const interior = pagesOf(db(dir), `SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'internal' ORDER BY pageno`);
    expect(interior.length).toBeGreaterThan(0);
    flipBytes(db(dir), interior.at(-1)!, 0, 2000);
    const { lostTotal } = await openAndAccount(dir, filled);
    expect(lostTotal).toBe(0);
  });

  for (const table of ['outbox', 'applications', 'application_sub_items', 'attachments', 'outbox_attachments', 'audit', 'catalog', 'meta']) {
    it(`damaged root page of ${table}`, async () => {
      const dir = copyStore(filled.dir);
      const [root] = pagesOf(db(dir), `SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?`, table);
      flipBytes(db(dir), root!, 0, 1500);
      const { report } = await openAndAccount(dir, filled);
      if (table === 'outbox') expect(report.lost.applications + report.lost.evaluations + report.lost.feedback).toBeLessThanOrEqual(report.held['outbox']! - report.recovered['outbox']!);
    });
  }

  it('flipped bytes in a WAL frame: the commits after it are not silently dropped', async () => {
    const dir = copyStore(withWal.dir);
    expect(walFrames(dir)).toBeGreaterThan(10);
    flipWalFrame(dir, Math.floor(walFrames(dir) / 3));
    const { report } = await openAndAccount(dir, withWal);
    expect(report.wal?.badFrames).toBe(1);
    expect(report.wal?.commitsAfterBreak).toBeGreaterThan(0);
    // SQLite alone would have kept only the commits before the bad frame.
    expect(report.recovered['outbox']).toBeGreaterThan(40 + 10 + 12);
  });

  it('a truncated file', async () => {
    const dir = copyStore(filled.dir);
    truncateTo(db(dir), 0.6);
    const { lostTotal, report } = await openAndAccount(dir, filled);
    expect(lostTotal).toBeGreaterThan(0);
    expect(report.tailUnknown).toBe(true);
  });

  it('a zero-filled outbox page', async () => {
    const dir = copyStore(filled.dir);
    const l = leaves(db(dir), 'outbox');
    zeroPage(db(dir), l[1]!);
    const { lostTotal } = await openAndAccount(dir, filled);
    expect(lostTotal).toBeGreaterThan(0);
  });

  it('a wrong file header', async () => {
    const dir = copyStore(filled.dir);
    wrongHeader(db(dir));
    const { lostTotal } = await openAndAccount(dir, filled);
    expect(lostTotal).toBe(0);
  });

  it('a healthy file is not salvaged', async () => {
    const dir = copyStore(filled.dir);
    const { lostTotal } = await openAndAccount(dir, filled, false);
    expect(lostTotal).toBe(0);
  });
});
