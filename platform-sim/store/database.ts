import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * Numbered migrations, applied in order inside one transaction each;
 * `user_version` records the last one applied. Append, never edit.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE kiosks (
    kiosk_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    service_point TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('provisioned', 'keys-file')),
    registered_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE nonces (
    kiosk_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at_ms INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, nonce)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX nonces_age ON nonces (seen_at_ms);

  -- The idempotency ledger: one row per (kiosk, client id), kept for ever.
  CREATE TABLE intake (
    kiosk_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    stream TEXT NOT NULL CHECK (stream IN ('applications', 'evaluations', 'feedback')),
    seq INTEGER NOT NULL,
    payload_sha256 TEXT NOT NULL,
    payload TEXT NOT NULL,
    platform_number TEXT NOT NULL UNIQUE,
    item_code TEXT,
    received_at TEXT NOT NULL,
    duplicate_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kiosk_id, client_id)
  ) STRICT;
  CREATE INDEX intake_stream ON intake (kiosk_id, stream, seq);
  CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    stream TEXT NOT NULL,
    client_id TEXT NOT NULL,
    code TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;

  -- Status progression: one track per application, sub-item and department.
  CREATE TABLE case_tracks (
    platform_number TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    sub_item_code TEXT NOT NULL,
    department TEXT NOT NULL,
    state TEXT NOT NULL,
    next_at_ms INTEGER,
    ends_returned INTEGER NOT NULL,
    PRIMARY KEY (platform_number, sub_item_code, department)
  ) STRICT;
  CREATE INDEX case_tracks_due ON case_tracks (next_at_ms) WHERE next_at_ms IS NOT NULL;
  CREATE TABLE status_changes (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    kiosk_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    platform_number TEXT NOT NULL,
    sub_item_code TEXT NOT NULL,
    department TEXT NOT NULL,
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT
  ) STRICT;
  CREATE INDEX status_changes_kiosk ON status_changes (kiosk_id, cursor);

  CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    total_bytes INTEGER NOT NULL,
    received_bytes INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0,
    first_kiosk_id TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE certificates (
    holder_sha256 TEXT NOT NULL,
    type_code TEXT NOT NULL,
    number TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    valid_until TEXT,
    holder_name_masked TEXT NOT NULL,
    PRIMARY KEY (holder_sha256, type_code)
  ) STRICT;

  CREATE TABLE heartbeats (
    heartbeat_id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX heartbeats_kiosk ON heartbeats (kiosk_id, received_at);
  CREATE TABLE commands (
    command_id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    signature TEXT NOT NULL,
    acked_at TEXT,
    ack_ok INTEGER,
    ack_detail TEXT
  ) STRICT;
  CREATE INDEX commands_pending ON commands (kiosk_id) WHERE acked_at IS NULL;
  `,
  `
  -- The last refused request of each registered kiosk: a kiosk with a wrong
  -- clock or a replaced key looks offline unless someone says why.
  CREATE TABLE auth_failures (
    kiosk_id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  `,
  `
  -- Old heartbeats are pruned; the count of all ever received is kept here.
  CREATE TABLE heartbeat_counts (kiosk_id TEXT PRIMARY KEY, received INTEGER NOT NULL) STRICT;
  INSERT INTO heartbeat_counts (kiosk_id, received) SELECT kiosk_id, COUNT(*) FROM heartbeats GROUP BY kiosk_id;
  `,
  `
  -- Stream numbers a kiosk declared gone after salvaging a damaged store: gap detection stops waiting for them.
  CREATE TABLE gone_seqs (
    kiosk_id TEXT NOT NULL,
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL,
    declared_at TEXT NOT NULL,
    PRIMARY KEY (kiosk_id, stream, seq)
  ) STRICT;
  `,
  `
  -- e-ID QR codes issued by the simulated 三晋通 / CTID issuers: single use, short-lived.
  CREATE TABLE eid_codes (
    jti TEXT PRIMARY KEY,
    issuer TEXT NOT NULL,
    identity TEXT NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    used_at_ms INTEGER
  ) STRICT;
  `,
  `
  -- 预约: one row per booking; the slot calendar itself is computed from the halls and rules.
  CREATE TABLE appointments (
    appointment_number TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    holder_sha256 TEXT NOT NULL,
    holder_name_masked TEXT NOT NULL,
    hall_id TEXT NOT NULL,
    starts_at_ms INTEGER NOT NULL,
    item_code TEXT,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'attended')),
    booked_at TEXT NOT NULL,
    UNIQUE (kiosk_id, client_id)
  ) STRICT;
  CREATE INDEX appointments_slot ON appointments (hall_id, starts_at_ms) WHERE status <> 'cancelled';
  CREATE INDEX appointments_holder ON appointments (holder_sha256);
  -- Cases filed at a hall window (not through a kiosk): progress by card shows them too.
  CREATE TABLE window_filings (
    platform_number TEXT PRIMARY KEY,
    holder_sha256 TEXT NOT NULL,
    item_code TEXT NOT NULL,
    filed_at TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX window_filings_holder ON window_filings (holder_sha256);
  `,
];

/** Opens (creating) the simulator database in its data dir: WAL, fsync on every commit. */
export function openPlatformDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'platform.sqlite'));
  db.pragma('journal_mode = WAL');
  // An acknowledged intake must survive a power cut of the platform too.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_size_limit = 67108864');
  // The ledger is what makes dedupe permanent: refuse to serve from a damaged file.
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    db.close();
    throw new Error(`platform-sim: ${path.join(dataDir, 'platform.sqlite')} failed quick_check (${String(check)}); restore it from a backup`);
  }
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
