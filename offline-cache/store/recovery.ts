import Database, { type Database as Db } from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fsyncDir, fsyncPath } from './fs-durable';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { PageReader, type WalReport } from './page-reader';
import { copyReadableRows, type CopyResult } from './salvage-copy';

/** What a salvage could not bring back, by what a resident or the platform would miss. */
export interface SalvageLoss {
  readonly applications: number;
  readonly evaluations: number;
  readonly feedback: number;
  readonly attachments: number;
  readonly auditEntries: number;
  /** Print jobs (receipts, A4 documents waiting for a printer) that could not be read. */
  readonly printJobs: number;
}

/** Stream sequence numbers (per platform stream) the damaged file had handed out and the fresh one does not hold. */
export interface GoneStreamSeqs {
  readonly application: readonly number[];
  readonly evaluation: readonly number[];
  readonly feedback: readonly number[];
}

export interface IntegrityReport {
  readonly ok: boolean;
  /** Rows copied into the fresh file, per table. */
  readonly recovered: Readonly<Record<string, number>>;
  /** Row ids seen on a page whose record no longer decodes, per table. */
  readonly unreadable: Readonly<Record<string, readonly number[]>>;
  /** What the damaged file is known to have held, per table (its pages, the stream numbers and the audit chain). */
  readonly held: Readonly<Record<string, number>>;
  readonly lost: SalvageLoss;
  readonly gone: GoneStreamSeqs;
  /** Highest stream number per kind the damaged file (or its audit chain) ever showed: numbering continues past it. */
  readonly highestStreamSeq: Readonly<Record<string, number>>;
  readonly damagedPages: number;
  readonly wal: WalReport | null;
  /** Where the damaged file was kept for a technician. */
  readonly quarantinedFile: string | null;
  readonly elapsedMs: number;
  /** The time budget ran out: the counts are a lower bound. */
  readonly incomplete: boolean;
  /** The newest pages are unreadable: the counts are a lower bound and numbering skipped ahead. */
  readonly tailUnknown: boolean;
  /** Pages of print jobs were unreadable: their count is a lower bound. */
  readonly uncounted: boolean;
  readonly messages: readonly string[];
}

export const NO_LOSS: SalvageLoss = { applications: 0, evaluations: 0, feedback: 0, attachments: 0, auditEntries: 0, printJobs: 0 };
const NO_GONE: GoneStreamSeqs = { application: [], evaluation: [], feedback: [] };

export function integrityMessages(db: Db): string[] {
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (e) {
    return [(e as Error).message];
  }
}

function healthy(messages: readonly string[], ok: boolean): IntegrityReport {
  return { ok, recovered: {}, unreadable: {}, held: {}, lost: NO_LOSS, gone: NO_GONE, highestStreamSeq: {}, damagedPages: 0, wal: null, quarantinedFile: null, elapsedMs: 0, incomplete: false, tailUnknown: false, uncounted: false, messages };
}

export interface RecoverOptions {
  /** Salvage stops reading after this long and says so (default 60 s). */
  readonly budgetMs?: number;
  /** The schema of the fresh file (default: this version's migrations). */
  readonly migrations?: readonly Migration[];
}

/**
 * Before the store opens: a WAL with committed frames after a damaged one
 * (SQLite would silently drop them), a file that fails `integrity_check`
 * after a REINDEX, or a file SQLite cannot open at all is salvaged page by
 * page into a fresh file, which replaces it only once complete and durable.
 */
export function checkAndRecover(file: string, options: RecoverOptions = {}): IntegrityReport {
  const tmp = `${file}.salvage`;
  // A salvage that finished but crashed before moving the fresh file into place.
  if (!existsSync(file) && existsSync(tmp) && !existsSync(`${tmp}-wal`)) renameSync(tmp, file);
  if (!existsSync(file)) return healthy(['ok'], true);
  const probe = new PageReader(file);
  const wal = probe.wal;
  probe.close();
  if (wal.commitsAfterBreak > 0) return salvage(file, [`WAL damaged: ${wal.badFrames} bad frame(s), ${wal.commitsAfterBreak} committed transaction(s) after the first`], options);
  let db: Db;
  try {
    db = new Database(file);
  } catch (e) {
    return salvage(file, [(e as Error).message], options);
  }
  let messages = integrityMessages(db);
  if (messages.length === 1 && messages[0] === 'ok') {
    db.close();
    return healthy(messages, true);
  }
  // Only a damaged index is mended by REINDEX; a damaged table tree is not, and a REINDEX plus a second full check
  // of 100,000 rows would only delay the salvage that must follow anyway.
  if (messages.every(onlyAnIndex)) {
    try {
      db.exec('REINDEX');
      const after = integrityMessages(db);
      if (after.length === 1 && after[0] === 'ok') {
        db.close();
        return healthy([...messages, 'repaired by REINDEX'], false);
      }
      messages = [...messages, ...after];
    } catch (e) {
      messages = [...messages, `REINDEX failed: ${(e as Error).message}`];
    }
  }
  db.close();
  return salvage(file, messages, options);
}

/** integrity_check lines that speak of an index only (missing or extra index entries), not of a damaged page. */
function onlyAnIndex(message: string): boolean {
  return /^(row \d+ missing from index |wrong # of entries in index |non-unique entry in index )/.test(message);
}

function salvage(file: string, initial: readonly string[], options: RecoverOptions): IntegrityReport {
  const started = Date.now();
  const tmp = `${file}.salvage`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const fresh = new Database(tmp);
  // The fresh file is scratch until it is renamed into place (a crash now starts the salvage over): no journal,
  // no fsync per commit, one explicit fsync before the rename. A WAL here would write every page twice.
  fresh.pragma('journal_mode = OFF');
  fresh.pragma('synchronous = OFF');
  // The whole copy is one transaction: keep its pages in memory rather than spilling them mid-way.
  fresh.pragma('cache_size = -32768');
  migrate(fresh, options.migrations ?? MIGRATIONS);
  fresh.pragma('foreign_keys = OFF');
  const reader = new PageReader(file);
  let copy: CopyResult;
  try {
    copy = fresh.transaction(() => {
      // Secondary indexes are built once after the copy (a sort) instead of row by row.
      const indexes = fresh.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
      for (const i of indexes) fresh.exec(`DROP INDEX "${i.name}"`);
      const copied = copyReadableRows(reader, fresh, started + (options.budgetMs ?? 60_000));
      for (const i of indexes) fresh.exec(i.sql);
      return copied;
    })();
  } finally {
    reader.close();
  }
  const report: IntegrityReport = {
    ok: false,
    ...copy,
    wal: reader.wal,
    quarantinedFile: `${file}.damaged-${started}`,
    elapsedMs: Date.now() - started,
    messages: [...initial, ...copy.notes, 'salvaged into a fresh file'],
  };
  fresh.transaction(() => recordSalvage(fresh, report))();
  fresh.close();
  fsyncPath(tmp);
  // Only now, with the fresh file complete and on disk, does it take the damaged one's place.
  const damaged = report.quarantinedFile!;
  renameSync(file, damaged);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, damaged + suffix);
  renameSync(tmp, file);
  fsyncDir(path.dirname(file));
  return report;
}

export const SALVAGE_META_KEY = 'salvage.reports';
export const SALVAGE_ACKNOWLEDGED_KEY = 'salvage.acknowledged';
export const streamFloorKey = (kind: string): string => `stream-floor.${kind}`;

/** The report (kept until a technician clears it) and the numbering floors go into the fresh file itself. */
function recordSalvage(db: Db, report: IntegrityReport): void {
  const upsert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const get = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  for (const [kind, seq] of Object.entries(report.highestStreamSeq)) {
    const before = Number(get.get(streamFloorKey(kind)) ?? 0);
    upsert.run(streamFloorKey(kind), String(Math.max(before, seq)));
  }
  let earlier: unknown[];
  try {
    earlier = JSON.parse(String(get.get(SALVAGE_META_KEY) ?? '[]')) as unknown[];
  } catch {
    earlier = [];
  }
  const entry = summarize(report);
  upsert.run(SALVAGE_META_KEY, JSON.stringify([...earlier.slice(-9), entry]));
}

/** The part of a report worth keeping and showing (no row contents). */
export interface SalvageSummary {
  readonly at: number;
  readonly lost: SalvageLoss;
  readonly gone: GoneStreamSeqs;
  readonly recovered: Readonly<Record<string, number>>;
  readonly held: Readonly<Record<string, number>>;
  readonly damagedPages: number;
  readonly incomplete: boolean;
  readonly tailUnknown: boolean;
  /** Absent in reports written before print jobs were counted. */
  readonly uncounted?: boolean;
  readonly damagedCopy: string | null;
}

export function summarize(r: IntegrityReport): SalvageSummary {
  const cap = (xs: readonly number[]) => xs.slice(0, 1000);
  return {
    at: Date.now(),
    lost: r.lost,
    gone: { application: cap(r.gone.application), evaluation: cap(r.gone.evaluation), feedback: cap(r.gone.feedback) },
    recovered: r.recovered,
    held: r.held,
    damagedPages: r.damagedPages,
    incomplete: r.incomplete,
    tailUnknown: r.tailUnknown,
    uncounted: r.uncounted,
    damagedCopy: r.quarantinedFile ? path.basename(r.quarantinedFile) : null,
  };
}

/**
 * Damaged copies hold sealed personal data: at most `keep` of them, none
 * older than `maxAgeMs` (the retention period). Returns what was removed.
 */
export function pruneDamagedCopies(file: string, keep: number, maxAgeMs: number, now: number = Date.now()): string[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.damaged-`;
  const copies = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && /^\d+$/.test(f.slice(prefix.length)))
    .map((f) => ({ f, at: Number(f.slice(prefix.length)) }))
    .sort((a, b) => b.at - a.at);
  const removed: string[] = [];
  copies.forEach((c, i) => {
    const full = path.join(dir, c.f);
    const age = now - Math.min(c.at, statSync(full).mtimeMs);
    if (i >= keep || age > maxAgeMs) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(full + suffix, { force: true });
      removed.push(c.f);
    }
  });
  return removed;
}
