import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLocalNumber } from '../../../offline-cache/applications/ledger';
import { Store } from '../../../offline-cache/store/database';
import { MIGRATIONS } from '../../../offline-cache/store/migrations';
import { submitApplication } from '../../support/offline-kiosk';
import { tempDir } from '../../support/processes';
import { copyStore, fillStore, flipBytes, flipWalFrame, KIOSK, leavesOf, openLocal, pagesOf, truncateTo, walFrames, wrongHeader, zeroPage, type Filled } from '../../support/damaged-store';

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
  const leaves = leavesOf;

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

describe('corruption matrix: durable print jobs are carried over and their loss is counted', () => {
  // The print-job table of the schema (migration 2): receipts and A4 documents waiting for paper.
  const schema = MIGRATIONS;
  const JOBS = 200;
  let source = '';
  beforeAll(() => {
    source = tempDir('print-jobs');
    const store = Store.open({ dataDir: source, migrations: schema });
    store.durable((db) => {
      const insert = db.prepare('INSERT INTO print_jobs (job_id, session_id, kind, document, body, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (let i = 0; i < JOBS; i++) insert.run(`job-${String(i).padStart(4, '0')}`, `s-${i % 7}`, i % 3 ? 'receipt' : 'a4', i % 3 ? 'application' : 'commitment', randomBytes(300), 'waiting', 1_700_000_000_000 + i, 1_700_000_000_000 + i);
      for (let i = 0; i < 40; i++) db.prepare(`INSERT INTO outbox (client_id, kind, stream_seq, state, body, body_bytes, next_attempt_at, created_at) VALUES (?, 'feedback', ?, 'queued', ?, 10, 0, 0)`).run(`fb-${i}`, i + 1, randomBytes(10));
    });
    store.close();
  });
  const jobLeaves = (dir: string) => leavesOf(path.join(dir, 'kiosk.db'), 'print_jobs');
  const kept = (store: Store) => store.read((db) => db.prepare('SELECT job_id FROM print_jobs').pluck().all() as string[]);

  it('flipped bytes in a print-job leaf page: the readable jobs are kept, exactly the unreadable ones counted', () => {
    const dir = copyStore(source);
    const l = jobLeaves(dir);
    expect(l.length).toBeGreaterThan(3);
    flipBytes(path.join(dir, 'kiosk.db'), l[1]!, 1000, 600);
    const store = Store.open({ dataDir: dir, migrations: schema });
    try {
      const r = store.integrity;
      expect(r.ok).toBe(false);
      const jobs = kept(store);
      expect(jobs.length).toBe(r.recovered['print_jobs']);
      expect(jobs.length).toBeGreaterThan(JOBS - 20);
      expect(r.lost.printJobs).toBeGreaterThan(0);
      expect(jobs.length + r.lost.printJobs).toBe(JOBS);
      expect(r.uncounted).toBe(false);
      expect(store.salvageReports()[0]!.lost.printJobs).toBe(r.lost.printJobs);
      // The feedback queue beside them is whole.
      expect(r.lost.feedback).toBe(0);
    } finally {
      store.close();
    }
  });

  it('a zero-filled print-job page: the rest are kept and the count says "at least"', () => {
    const dir = copyStore(source);
    zeroPage(path.join(dir, 'kiosk.db'), jobLeaves(dir)[2]!);
    const store = Store.open({ dataDir: dir, migrations: schema });
    try {
      const r = store.integrity;
      expect(r.ok).toBe(false);
      const jobs = kept(store).length;
      expect(jobs).toBeLessThan(JOBS);
      expect(jobs).toBeGreaterThan(JOBS - 30);
      expect(r.uncounted).toBe(true);
      expect(store.salvageReports()[0]!.uncounted).toBe(true);
    } finally {
      store.close();
    }
  });
});
