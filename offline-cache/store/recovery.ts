import Database, { type Database as Db } from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { migrate } from './migrations';

export interface IntegrityReport {
  readonly ok: boolean;
  /** Rows copied into the fresh file, per table. */
  readonly recovered: Readonly<Record<string, number>>;
  /** Row ids that could not be read, per table (what was lost). */
  readonly unreadable: Readonly<Record<string, readonly number[]>>;
  /** Where the damaged file was kept for a technician. */
  readonly quarantinedFile: string | null;
  readonly messages: readonly string[];
}

const TABLES_IN_ORDER = ['outbox', 'attachments', 'outbox_attachments', 'applications', 'application_sub_items', 'audit', 'catalog', 'meta'] as const;

export function integrityMessages(db: Db): string[] {
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (e) {
    return [(e as Error).message];
  }
}

/**
 * A file that fails `integrity_check` is first REINDEXed (damaged indexes are
 * the common case and lose nothing). If that is not enough, the file is moved
 * aside and every row that can still be read is copied, one rowid at a time,
 * into a freshly migrated file; rows on damaged pages are listed, not guessed.
 */
export function checkAndRecover(file: string): IntegrityReport {
  const empty = { recovered: {}, unreadable: {}, quarantinedFile: null };
  let db: Db;
  try {
    db = new Database(file);
  } catch (e) {
    return salvage(file, [(e as Error).message]);
  }
  let messages = integrityMessages(db);
  if (messages.length === 1 && messages[0] === 'ok') {
    db.close();
    return { ok: true, ...empty, messages };
  }
  try {
    db.exec('REINDEX');
    const after = integrityMessages(db);
    if (after.length === 1 && after[0] === 'ok') {
      db.close();
      return { ok: false, ...empty, messages: [...messages, 'repaired by REINDEX'] };
    }
    messages = [...messages, ...after];
  } catch (e) {
    messages = [...messages, `REINDEX failed: ${(e as Error).message}`];
  }
  db.close();
  return salvage(file, messages);
}

function salvage(file: string, initial: readonly string[]): IntegrityReport {
  let messages = initial;
  const damaged = `${file}.damaged-${Date.now()}`;
  renameSync(file, damaged);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, damaged + suffix);
  const fresh = new Database(file);
  fresh.pragma('journal_mode = WAL');
  migrate(fresh);
  const recovered: Record<string, number> = {};
  const unreadable: Record<string, number[]> = {};
  let source: Db | null = null;
  try {
    source = new Database(damaged, { readonly: true });
  } catch (e) {
    messages = [...messages, `damaged file unreadable: ${(e as Error).message}`];
  }
  if (source) {
    for (const table of TABLES_IN_ORDER) {
      recovered[table] = 0;
      unreadable[table] = [];
      let maxRowid = 0;
      try {
        maxRowid = (source.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0;
      } catch {
        // The table's b-tree root may be damaged; probe a generous range anyway.
        maxRowid = probeCeiling(source, table);
      }
      const read = safePrepare(source, `SELECT * FROM ${table} WHERE rowid = ?`);
      if (!read) continue;
      const columns = read.columns().map((c) => c.name);
      const write = fresh.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
      const copy = fresh.transaction(() => {
        for (let rowid = 1; rowid <= maxRowid; rowid++) {
          let row: Record<string, unknown> | undefined;
          try {
            row = read.get(rowid) as Record<string, unknown> | undefined;
          } catch {
            unreadable[table]!.push(rowid);
            continue;
          }
          if (!row) continue;
          try {
            write.run(columns.map((c) => row![c]));
            recovered[table]! += 1;
          } catch {
            unreadable[table]!.push(rowid);
          }
        }
      });
      copy();
    }
    source.close();
  }
  fresh.close();
  return { ok: false, recovered, unreadable, quarantinedFile: damaged, messages: [...messages, 'salvaged into a fresh file'] };
}

function safePrepare(db: Db, sql: string) {
  try {
    return db.prepare(sql);
  } catch {
    return null;
  }
}

function probeCeiling(db: Db, table: string): number {
  try {
    const r = db.prepare(`SELECT rowid FROM ${table} ORDER BY rowid DESC LIMIT 1`).get() as { rowid: number } | undefined;
    return r?.rowid ?? 0;
  } catch {
    return 0;
  }
}
