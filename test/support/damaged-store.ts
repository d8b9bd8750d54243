/**
 * A kiosk store filled through the real code path (applications with
 * attachments, evaluations, feedback, audit entries), closed, then copied and
 * damaged the ways a dying SD card or a hostile technician would.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, cpSync, existsSync, openSync, readSync, statSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../../contract/catalog';
import { plainFileSealer } from '../../offline-cache/crypto/key-vault';
import { openOfflineCache, type OfflineCache, type OfflineCacheOptions } from '../../offline-cache/offline-cache';
import { fakeScan, submitApplication } from './offline-kiosk';
import { tempDir } from './processes';

export const KIOSK = 'SX-TY-XD-0001';

export function openLocal(dataDir: string, extra: Partial<OfflineCacheOptions> = {}): OfflineCache {
  return openOfflineCache({ dataDir, kioskId: KIOSK, platformUrl: 'http://127.0.0.1:9', requestTimeoutMs: 500, sealer: plainFileSealer, builtInCatalog: CATALOG, bootJitterMs: 0, ...extra });
}

export interface Filled {
  readonly dir: string;
  /** stream → stream seq → client id, for everything acknowledged. */
  readonly streams: Record<'application' | 'evaluation' | 'feedback', Map<number, string>>;
  readonly attachmentsOf: Map<string, number>;
}

/** `walTail`: that many more applications stay in the WAL (copied while open, as after a power cut). */
export async function fillStore(counts: { applications: number; evaluations: number; feedback: number; walTail?: number }): Promise<Filled> {
  const dir = tempDir('filled');
  const streams: Filled['streams'] = { application: new Map(), evaluation: new Map(), feedback: new Map() };
  const attachmentsOf = new Map<string, number>();
  const cache = openLocal(dir);
  const submit = (i: number) => {
    const r = submitApplication(cache, i % 4 === 0 ? { attachment: fakeScan(3_000 + i) } : {});
    const seq = cache.store.read((db) => db.prepare('SELECT stream_seq FROM outbox WHERE client_id = ?').pluck().get(r.clientId) as number);
    streams.application.set(seq, r.clientId);
    attachmentsOf.set(r.clientId, i % 4 === 0 ? 1 : 0);
  };
  for (let i = 0; i < counts.applications; i++) {
    submit(i);
    if (i % 6 === 0 && streams.evaluation.size < counts.evaluations) {
      const e = cache.outbox.enqueue('evaluation', { level: 'satisfied', reasons: ['快'], pad: randomBytes(200).toString('hex') });
      streams.evaluation.set(e.streamSeq, e.clientId);
    }
    if (i % 11 === 0 && streams.feedback.size < counts.feedback) {
      const f = cache.outbox.enqueue('feedback', { text: '排队时间太长，希望增加自助机。'.repeat(8) });
      streams.feedback.set(f.streamSeq, f.clientId);
    }
  }
  if (counts.walTail) {
    cache.store.checkpoint();
    for (let i = 0; i < counts.walTail; i++) submit(counts.applications + i);
    const snap = tempDir('walsnap');
    for (const f of ['kiosk.db', 'kiosk.db-wal']) copyFileSync(path.join(dir, f), path.join(snap, f));
    cpSync(path.join(dir, 'keys'), path.join(snap, 'keys'), { recursive: true });
    cpSync(path.join(dir, 'attachments'), path.join(snap, 'attachments'), { recursive: true });
    await cache.close();
    return { dir: snap, streams, attachmentsOf };
  }
  await cache.close();
  return { dir, streams, attachmentsOf };
}

/** A private copy of a filled store to damage. */
export function copyStore(from: string): string {
  const dir = tempDir('damaged');
  cpSync(from, dir, { recursive: true });
  return dir;
}

export const PAGE = 4096;

export function pagesOf(file: string, sql: string, ...args: unknown[]): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().all(...args) as number[];
  } finally {
    db.close();
  }
}

/** The leaf pages of a table, in file order. */
export function leavesOf(file: string, table: string): number[] {
  return pagesOf(file, `SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`, table);
}

/** XORs `bytes` bytes of page `pageno` from `offset` (SQLite's own checks see garbage, not zeros). */
export function flipBytes(file: string, pageno: number, offset = 512, bytes = 512): void {
  const fd = openSync(file, 'r+');
  const buf = Buffer.alloc(bytes);
  const at = (pageno - 1) * PAGE + offset;
  readSync(fd, buf, 0, bytes, at);
  for (let i = 0; i < bytes; i++) buf[i] = buf[i]! ^ 0xa5;
  writeSync(fd, buf, 0, bytes, at);
  closeSync(fd);
}

export function zeroPage(file: string, pageno: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(PAGE), 0, PAGE, (pageno - 1) * PAGE);
  closeSync(fd);
}

export function truncateTo(file: string, fraction: number): void {
  const pages = Math.floor((statSync(file).size / PAGE) * fraction);
  truncateSync(file, pages * PAGE);
}

export function wrongHeader(file: string): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from('NOT A DATABASE!\0', 'latin1'), 0, 16, 0);
  closeSync(fd);
}

/** Flips bytes inside the page image of WAL frame `frame` (0-based). */
export function flipWalFrame(dir: string, frame: number): void {
  const wal = path.join(dir, 'kiosk.db-wal');
  if (!existsSync(wal)) throw new Error('no WAL to damage');
  const fd = openSync(wal, 'r+');
  const at = 32 + frame * (24 + PAGE) + 24 + 1000;
  const buf = Buffer.alloc(256);
  readSync(fd, buf, 0, 256, at);
  for (let i = 0; i < buf.length; i++) buf[i] = buf[i]! ^ 0x5a;
  writeSync(fd, buf, 0, 256, at);
  closeSync(fd);
}

export function walFrames(dir: string): number {
  return Math.floor((statSync(path.join(dir, 'kiosk.db-wal')).size - 32) / (24 + PAGE));
}
