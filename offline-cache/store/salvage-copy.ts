import type { Database as Db, Statement } from 'better-sqlite3';
import { parsePage, type PageReader, type SqlValue } from './page-reader';
import type { GoneStreamSeqs, SalvageLoss } from './recovery';

export interface CopyResult {
  readonly recovered: Record<string, number>;
  readonly unreadable: Record<string, number[]>;
  readonly held: Record<string, number>;
  readonly lost: SalvageLoss;
  readonly gone: GoneStreamSeqs;
  readonly highestStreamSeq: Record<string, number>;
  readonly damagedPages: number;
  readonly incomplete: boolean;
  /** The newest part of the file is unreadable: more may be lost than counted, and numbering skipped ahead. */
  readonly tailUnknown: boolean;
  /** Pages of a table without its own count (print jobs) were unreadable: its loss is a lower bound. */
  readonly uncounted: boolean;
  readonly notes: string[];
}

interface Column {
  readonly name: string;
  readonly kind: 'int' | 'text' | 'blob' | 'any';
  readonly notNull: boolean;
}

interface Target {
  readonly name: string;
  readonly columns: readonly Column[];
  /** Index of the INTEGER PRIMARY KEY column (stored as NULL, its value is the rowid), or -1. */
  readonly rowidAlias: number;
  readonly insert: Statement;
  readonly exists: Statement;
}

const STREAMS = ['application', 'evaluation', 'feedback'] as const;
/** Durable print jobs (receipts and A4 documents waiting for paper), when the schema has them. */
const PRINT_JOBS = 'print_jobs';
const UNREADABLE_CAP = 10_000;
const GONE_CAP = 100_000;

function targetsOf(db: Db): Map<string, Target> {
  const out = new Map<string, Target>();
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  for (const name of names) {
    const info = db.pragma(`table_info("${name}")`) as { name: string; type: string; notnull: number; pk: number }[];
    const pks = info.filter((c) => c.pk > 0);
    const rowidAlias = pks.length === 1 && pks[0]!.type.toUpperCase() === 'INTEGER' ? info.indexOf(pks[0]!) : -1;
    const columns = info.map((c) => {
      const t = c.type.toUpperCase();
      const kind = t.includes('INT') ? 'int' : t.includes('TEXT') || t.includes('CHAR') ? 'text' : t.includes('BLOB') ? 'blob' : 'any';
      return { name: c.name, kind, notNull: c.notnull === 1 } as Column;
    });
    const cols = ['rowid', ...columns.map((c) => `"${c.name}"`)];
    const insert = db.prepare(`INSERT OR IGNORE INTO "${name}" (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
    const exists = db.prepare(`SELECT 1 FROM "${name}" WHERE rowid = ?`).pluck();
    out.set(name, { name, columns, rowidAlias, insert, exists });
  }
  return out;
}

/** Values in the table's column order (rowid alias filled in), or null when the record cannot be a row of it. */
function fit(t: Target, rowid: number, values: readonly SqlValue[]): SqlValue[] | null {
  if (values.length > t.columns.length) return null;
  const row: SqlValue[] = [];
  for (let i = 0; i < t.columns.length; i++) {
    const c = t.columns[i]!;
    let v: SqlValue = i < values.length ? values[i]! : null;
    if (i === t.rowidAlias) {
      if (v !== null && v !== rowid) return null;
      v = rowid;
    }
    if (v === null) {
      if (c.notNull) return null;
    } else if (c.kind === 'int' && !(typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)))) return null;
    else if (c.kind === 'text' && typeof v !== 'string') return null;
    else if (c.kind === 'blob' && !Buffer.isBuffer(v)) return null;
    row.push(v);
  }
  return row;
}

/**
 * Copies every row that can be read from `reader` into `fresh` (same schema,
 * foreign keys off, inside the caller's transaction). Tables are found from
 * the damaged file's schema table; leaf pages no tree reaches any more (a
 * damaged root or interior page) are matched to a table by their records'
 * shape. Then counts what is missing against the stream numbers and the
 * audit chain.
 */
export function copyReadableRows(reader: PageReader, fresh: Db, deadline: number): CopyResult {
  const targets = targetsOf(fresh);
  const recovered: Record<string, number> = {};
  const unreadable: Record<string, number[]> = {};
  const seen: Record<string, number> = {};
  for (const name of targets.keys()) {
    recovered[name] = 0;
    unreadable[name] = [];
    seen[name] = 0;
  }
  const notes: string[] = [];
  let damagedPages = 0;
  let incomplete = false;
  const visited = new Set<number>();
  const late = () => {
    if (!incomplete && Date.now() > deadline) {
      incomplete = true;
      notes.push('salvage time budget ran out: counts are a lower bound');
    }
    return incomplete;
  };

  const put = (t: Target, rowid: number, values: readonly SqlValue[] | null): boolean => {
    const row = values && fit(t, rowid, values);
    if (!row) return false;
    if (t.insert.run(rowid, ...row).changes === 1) recovered[t.name]! += 1;
    // Not inserted and no row of that rowid: the record breaks the table's constraints (a CHECK, a UNIQUE): unreadable, counted.
    else if (t.exists.get(rowid) === undefined) return false;
    seen[t.name]! += 1;
    return true;
  };
  // The newest rows sit on the right-most path of a tree: if that is damaged, nothing shows how far numbering went.
  let tailUnknown = reader.missingPages > 0;
  /** Walks one tree; returns how many of its pages were unreadable. */
  const walk = (root: number, onCell: (rowid: number, values: readonly SqlValue[] | null) => void): number => {
    let damaged = 0;
    const stack: [number, boolean][] = [[root, true]];
    while (stack.length > 0 && !late()) {
      const [n, rightmost] = stack.pop()!;
      if (visited.has(n)) continue;
      visited.add(n);
      const page = parsePage(reader, n);
      if (page.type === 'table-leaf') for (const c of page.cells) onCell(c.rowid, c.values);
      else if (page.type === 'table-interior') {
        if (page.right) stack.push([page.right, rightmost]);
        else if (rightmost) tailUnknown = true;
        for (let i = page.children.length - 1; i >= 0; i--) stack.push([page.children[i]!.page, false]);
      } else {
        damagedPages++;
        damaged++;
        if (rightmost) tailUnknown = true;
      }
    }
    return damaged;
  };

  // The schema table (rooted at page 1) says where each table's tree starts.
  const roots = new Map<string, number>();
  walk(1, (_rowid, v) => {
    if (v && v.length === 5 && v[0] === 'table' && typeof v[1] === 'string' && typeof v[3] === 'number' && targets.has(v[1])) roots.set(v[1], v[3]);
  });
  if (roots.size === 0) notes.push('schema page unreadable: tables matched by record shape');
  const damagedIn: Record<string, number> = {};
  for (const [name, root] of roots) {
    const t = targets.get(name)!;
    damagedIn[name] = walk(root, (rowid, values) => {
      if (!put(t, rowid, values) && unreadable[name]!.length < UNREADABLE_CAP) unreadable[name]!.push(rowid);
    });
  }
  // Leaves no tree reaches any more.
  let orphanRows = 0;
  const byShape = [...targets.values()];
  for (let n = 2; n <= reader.pageCount && !late(); n++) {
    if (visited.has(n)) continue;
    const page = parsePage(reader, n);
    if (page.type !== 'table-leaf') continue;
    for (const c of page.cells) {
      if (!c.values) continue;
      for (const t of byShape) {
        if (put(t, c.rowid, c.values)) {
          orphanRows++;
          break;
        }
      }
    }
  }
  if (orphanRows > 0) notes.push(`${orphanRows} row(s) read from pages no longer reachable from their table`);
  // Past the evidence, numbering skips as many numbers as the unreadable tail could have held.
  const skip = tailUnknown ? Math.max(1, reader.missingPages + 1) * Math.ceil(reader.usable / 32) : 0;
  if (skip) notes.push(`the newest pages are unreadable: numbering skips ${skip} numbers`);
  // Print jobs have no numbering to count against: what is named is the rows seen on readable pages that did not decode.
  const uncounted = targets.has(PRINT_JOBS) && (!roots.has(PRINT_JOBS) || (damagedIn[PRINT_JOBS] ?? 0) > 0);
  if (uncounted) notes.push('print jobs: pages of their table are unreadable: more print jobs may be lost than counted');
  return { ...account(fresh, recovered, unreadable, seen, skip), damagedPages, incomplete, tailUnknown, uncounted, notes };
}

function account(db: Db, recovered: Record<string, number>, unreadable: Record<string, number[]>, seen: Record<string, number>, skip: number) {
  // Rows whose parent did not survive cannot be used (an application without its queued payload).
  const dangling = {
    applications: db.prepare('DELETE FROM applications WHERE client_id NOT IN (SELECT client_id FROM outbox)').run().changes,
    subItems: db.prepare('DELETE FROM application_sub_items WHERE local_number NOT IN (SELECT local_number FROM applications)').run().changes,
    links: db.prepare('DELETE FROM outbox_attachments WHERE client_id NOT IN (SELECT client_id FROM outbox)').run().changes,
  };
  recovered['applications'] = (recovered['applications'] ?? 0) - dangling.applications;
  recovered['application_sub_items'] = (recovered['application_sub_items'] ?? 0) - dangling.subItems;
  recovered['outbox_attachments'] = (recovered['outbox_attachments'] ?? 0) - dangling.links;
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  // The audit chain remembers submissions (local number, client id, attachment count) even when their rows are gone.
  const submissions = (db.prepare(`SELECT detail FROM audit WHERE kind = 'submission'`).pluck().all() as string[]).flatMap((d) => {
    try {
      const j = JSON.parse(d) as { localNumber?: unknown; clientId?: unknown; attachments?: unknown };
      const m = typeof j.localNumber === 'string' ? /-(\d+)$/.exec(j.localNumber) : null;
      return [{ seq: m ? Number(m[1]) : 0, clientId: String(j.clientId ?? ''), attachments: Number(j.attachments) || 0 }];
    } catch {
      return [];
    }
  });
  const highestStreamSeq: Record<string, number> = {};
  const gone: Record<string, number[]> = {};
  const missingOf: Record<string, number> = {};
  let lostItems = 0;
  // One pass over the outbox (no index on kind: a query per stream would read every page three times).
  const presentOf: Record<string, Set<number>> = { application: new Set(), evaluation: new Set(), feedback: new Set() };
  const outboxIds = new Set<string>();
  for (const r of db.prepare('SELECT kind, stream_seq AS s, client_id AS c FROM outbox').raw().iterate() as IterableIterator<[string, number, string]>) {
    presentOf[r[0]]?.add(r[1]);
    outboxIds.add(r[2]);
  }
  for (const kind of STREAMS) {
    const present = presentOf[kind]!;
    let highest = Number(meta.get(`stream-floor.${kind}`) ?? 0);
    for (const p of present) if (p > highest) highest = p;
    if (kind === 'application') for (const s of submissions) highest = Math.max(highest, s.seq);
    highestStreamSeq[kind] = highest + skip;
    const list: number[] = [];
    let missing = 0;
    for (let s = 1; s <= highest; s++) {
      if (present.has(s)) continue;
      missing++;
      if (list.length < GONE_CAP) list.push(s);
    }
    gone[kind] = list;
    missingOf[kind] = missing;
    lostItems += missing;
  }
  const lostAttachments =
    submissions.filter((s) => s.clientId && !outboxIds.has(s.clientId)).reduce((a, s) => a + s.attachments, 0) +
    (db.prepare('SELECT count(DISTINCT address) FROM outbox_attachments WHERE address NOT IN (SELECT address FROM attachments)').pluck().get() as number);
  const audit = db.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS top FROM audit').get() as { n: number; top: number };
  const lost: SalvageLoss = {
    applications: missingOf['application']!,
    evaluations: missingOf['evaluation']!,
    feedback: missingOf['feedback']!,
    attachments: lostAttachments,
    auditEntries: audit.top - audit.n,
    printJobs: unreadable[PRINT_JOBS]?.length ?? 0,
  };
  const held: Record<string, number> = {};
  for (const [t, n] of Object.entries(seen)) held[t] = n + (unreadable[t]?.length ?? 0);
  held['outbox'] = (recovered['outbox'] ?? 0) + lostItems;
  held['applications'] = (recovered['applications'] ?? 0) + lost.applications;
  held['audit'] = Math.max(held['audit'] ?? 0, audit.top);
  return { recovered, unreadable, held, lost, gone: gone as unknown as GoneStreamSeqs, highestStreamSeq };
}
