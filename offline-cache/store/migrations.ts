import type { Database } from 'better-sqlite3';

/**
 * Numbered migrations, applied in order inside one transaction each and
 * recorded in `PRAGMA user_version`. Never edit a released step: add one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'outbox, applications, attachments, audit, catalog',
    sql: `
      -- seq orders the whole queue (kiosk-internal; plain rowid, since
      -- AUTOINCREMENT costs a page write on every durable enqueue);
      -- stream_seq counts per kind from 1 without gaps: the number the
      -- platform sees, for its per-stream gap detection. Assigned by the
      -- one writer from an in-memory counter (no index: one page write
      -- less per durable enqueue).
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('application','evaluation','feedback','heartbeat')),
        stream_seq INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued','sending','accepted','quarantined')),
        body BLOB,
        body_bytes INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        platform_ref TEXT,
        created_at INTEGER NOT NULL,
        settled_at INTEGER,
        purged_at INTEGER
      );
      CREATE INDEX outbox_due ON outbox(state, kind, seq);

      -- Progress-query metadata. Delivery state and the platform number are
      -- read from the outbox row (one source of truth); nothing here is
      -- personal in clear: the applicant is a keyed hash and a masked name.
      CREATE TABLE applications (
        local_number TEXT PRIMARY KEY,
        client_id TEXT NOT NULL UNIQUE REFERENCES outbox(client_id),
        matter_code TEXT NOT NULL,
        matter_title TEXT NOT NULL,
        applicant_key TEXT NOT NULL,
        applicant_masked TEXT NOT NULL,
        deadline TEXT,
        submitted_at INTEGER NOT NULL
      );
      CREATE INDEX applications_applicant ON applications(applicant_key, submitted_at);

      -- Per sub-item progress (受理/审批中/办结/退回), per department.
      CREATE TABLE application_sub_items (
        local_number TEXT NOT NULL REFERENCES applications(local_number),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        department TEXT NOT NULL,
        state TEXT NOT NULL,
        note TEXT,
        state_at INTEGER,
        PRIMARY KEY (local_number, code)
      );

      CREATE TABLE attachments (
        address TEXT PRIMARY KEY,
        bytes INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        uploaded_bytes INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE outbox_attachments (
        client_id TEXT NOT NULL REFERENCES outbox(client_id),
        address TEXT NOT NULL REFERENCES attachments(address),
        role TEXT NOT NULL,
        PRIMARY KEY (client_id, address)
      );
      CREATE INDEX outbox_attachments_address ON outbox_attachments(address);

      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );

      CREATE TABLE catalog (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL,
        etag TEXT,
        body TEXT NOT NULL,
        signature TEXT,
        fetched_at INTEGER NOT NULL
      );

      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'print jobs',
    sql: `
      -- Receipts and A4 documents waiting for paper or a printer (one row a
      -- job). body is the sealed render payload (record id = job_id): it may
      -- name the resident. session_id ties the job to the visit that asked;
      -- a job never prints into another session. printer_job is the CUPS
      -- job id once the A4 queue accepted it (asked again after a restart).
      -- kind (receipt | a4) and state (waiting | printing | printed |
      -- abandoned) are kept by PrintJobStore; no CHECK, so a salvage copies
      -- what it can read rather than dropping a row on a constraint.
      CREATE TABLE print_jobs (
        job_id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        document TEXT NOT NULL,
        body BLOB NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        problem TEXT,
        reason TEXT,
        printer_job INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX print_jobs_open ON print_jobs(state, session_id);
    `,
  },
];

export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): { readonly from: number; readonly to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  let current = from;
  for (const m of migrations) {
    if (m.version <= current) continue;
    if (m.version !== current + 1) throw new Error(`migration ${m.version} follows ${current}: numbering gap`);
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return { from, to: current };
}
