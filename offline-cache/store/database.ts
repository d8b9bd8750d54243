import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { asStoreUnavailable, freeBytes } from './store-errors';
import { checkAndRecover, pruneDamagedCopies, SALVAGE_ACKNOWLEDGED_KEY, SALVAGE_META_KEY, type IntegrityReport, type SalvageSummary } from './recovery';

export interface StoreOptions {
  readonly dataDir: string;
  readonly fileName?: string;
  /** WAL is truncated to this size after a checkpoint. */
  readonly journalSizeLimitBytes?: number;
  /** A passive checkpoint runs after this long without writes. */
  readonly idleCheckpointMs?: number;
  /** Damaged copies kept at most (default 3), and for at most this long (the retention period; default 30 days). */
  readonly damagedCopies?: { readonly keep: number; readonly maxAgeMs: number };
  /** A salvage stops reading after this long (default 60 s). */
  readonly salvageBudgetMs?: number;
  /** The schema (default: this version's migrations). */
  readonly migrations?: readonly Migration[];
}

/**
 * The kiosk's one SQLite file and its one writer connection.
 *
 * Durability is chosen per transaction: `durable` (synchronous=FULL) for
 * anything a resident has been told about; `light` (synchronous=NORMAL, still
 * crash-safe in WAL, may lose the last commits on power loss) for
 * bookkeeping that is safe to redo, such as marking an item accepted (a
 * resend is answered "duplicate" by the platform).
 *
 * The host runs in its own process (Electron main / utilityProcess or the web
 * shell), never in the renderer, so synchronous SQL never blocks the UI; the
 * statements here are single-row or bounded by a batch.
 */
export class Store {
  readonly file: string;
  readonly dir: string;
  readonly integrity: IntegrityReport;
  private readonly db: Db;
  private sync: 'FULL' | 'NORMAL' = 'FULL';
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly tx: { readonly begin: Statement; readonly commit: Statement; readonly rollback: Statement };
  private onCommit: (() => void)[] = [];
  /** A commit failed on a write or fsync: its frames may sit in the WAL; the next good commit resets the WAL. */
  private walSuspect = false;
  private onRollback: (() => void)[] = [];

  private constructor(file: string, db: Db, integrity: IntegrityReport, private readonly idleCheckpointMs: number) {
    this.file = file;
    this.dir = path.dirname(file);
    this.db = db;
    this.integrity = integrity;
    this.tx = { begin: db.prepare('BEGIN IMMEDIATE'), commit: db.prepare('COMMIT'), rollback: db.prepare('ROLLBACK') };
  }

  static open(options: StoreOptions): Store {
    mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, options.fileName ?? 'kiosk.db');
    const integrity = checkAndRecover(file, {
      ...(options.salvageBudgetMs !== undefined ? { budgetMs: options.salvageBudgetMs } : {}),
      ...(options.migrations ? { migrations: options.migrations } : {}),
    });
    pruneDamagedCopies(file, options.damagedCopies?.keep ?? 3, options.damagedCopies?.maxAgeMs ?? 30 * 86_400_000);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Freed pages are zeroed: a purged record leaves no sealed bytes behind.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`journal_size_limit = ${options.journalSizeLimitBytes ?? 8 * 1024 * 1024}`);
    // SQLite's own checkpoint every 1000 pages stays on (a longer WAL made every commit slower in the
    // enqueue benchmark); the idle checkpoint below truncates the WAL to journal_size_limit.
    db.pragma('wal_autocheckpoint = 1000');
    migrate(db, options.migrations ?? MIGRATIONS);
    return new Store(file, db, integrity, options.idleCheckpointMs ?? 5_000);
  }

  /** Runs `fn` in one IMMEDIATE transaction committed with synchronous=FULL. */
  durable<T>(fn: (db: Db) => T): T {
    return this.run('FULL', fn);
  }

  /** Runs `fn` in one transaction committed with synchronous=NORMAL (safe to redo after a crash). */
  light<T>(fn: (db: Db) => T): T {
    return this.run('NORMAL', fn);
  }

  /** Read-only access for queries. */
  read<T>(fn: (db: Db) => T): T {
    return fn(this.db);
  }

  private run<T>(mode: 'FULL' | 'NORMAL', fn: (db: Db) => T): T {
    if (this.closed) throw new Error('store is closed');
    if (this.sync !== mode) {
      this.db.pragma(`synchronous = ${mode}`);
      this.sync = mode;
    }
    if (this.db.inTransaction) throw new Error('store transactions do not nest');
    // Prepared BEGIN/COMMIT rather than db.transaction(fn): this is the hot path of every enqueue.
    this.tx.begin.run();
    let result: T;
    try {
      result = fn(this.db);
      this.tx.commit.run();
    } catch (e) {
      // A failed write or fsync: SQLite may already have rolled back; a rollback that fails too leaves the
      // transaction to SQLite's own recovery (the WAL frames of an unfinished commit are never used).
      try {
        if (this.db.inTransaction) this.tx.rollback.run();
      } catch {
        // The original error is the one that matters.
      }
      const undo = this.onRollback;
      this.onCommit = [];
      this.onRollback = [];
      for (const f of undo) f();
      const broken = asStoreUnavailable(e);
      if (broken) this.walSuspect = true;
      throw broken ?? e;
    }
    const done = this.onCommit;
    this.onCommit = [];
    this.onRollback = [];
    for (const f of done) f();
    if (this.walSuspect) {
      // Frames of the failed commit must never be read back as committed (a crash now would let recovery find them).
      try {
        this.checkpoint();
        this.walSuspect = false;
      } catch {
        // Still failing: try again after the next commit.
      }
    }
    this.scheduleIdleCheckpoint();
    return result;
  }

  /** Inside a transaction: run `committed` once it commits, `rolledBack` if it does not (in-memory state kept in step with the file). */
  afterTransaction(committed: () => void, rolledBack: () => void): void {
    if (!this.db.inTransaction) throw new Error('afterTransaction outside a transaction');
    this.onCommit.push(committed);
    this.onRollback.push(rolledBack);
  }

  private scheduleIdleCheckpoint(): void {
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        this.checkpoint();
      }, this.idleCheckpointMs);
      this.idleTimer.unref();
    }
  }

  /** Moves the WAL into the database and truncates it to `journal_size_limit`. */
  checkpoint(): { readonly busy: number; readonly log: number; readonly checkpointed: number } {
    if (this.closed) return { busy: 0, log: 0, checkpointed: 0 };
    const [row] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    return row ?? { busy: 0, log: 0, checkpointed: 0 };
  }

  integrityOk(): boolean {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0]!.integrity_check === 'ok';
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** Free bytes on the filesystem holding the store (null when it cannot be asked). */
  freeBytes(): number | null {
    return freeBytes(this.dir);
  }

  /** Salvages this kiosk's file has been through and a technician has not yet acknowledged (newest last). */
  salvageReports(): SalvageSummary[] {
    try {
      return JSON.parse(this.getMeta(SALVAGE_META_KEY) ?? '[]') as SalvageSummary[];
    } catch {
      return [];
    }
  }

  /** Salvages a technician has acknowledged (newest last, at most 10): no longer a finding, still told to the platform. */
  acknowledgedSalvages(): (SalvageSummary & { readonly acknowledgedAt: number })[] {
    try {
      return JSON.parse(this.getMeta(SALVAGE_ACKNOWLEDGED_KEY) ?? '[]') as (SalvageSummary & { acknowledgedAt: number })[];
    } catch {
      return [];
    }
  }

  /**
   * Technician action: the losses have been seen. The reports move to the acknowledged list (the damaged copy
   * stays until pruned); `alsoIn` runs in the same transaction (the audit entry). Returns the reports moved.
   */
  acknowledgeSalvage(alsoIn: (db: Db, reports: readonly SalvageSummary[]) => void = () => undefined, now: number = Date.now()): SalvageSummary[] {
    return this.durable((db) => {
      const pending = this.salvageReports();
      if (pending.length === 0) return [];
      const moved = [...this.acknowledgedSalvages(), ...pending.map((r) => ({ ...r, acknowledgedAt: now }))].slice(-10);
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SALVAGE_ACKNOWLEDGED_KEY, JSON.stringify(moved));
      db.prepare('DELETE FROM meta WHERE key = ?').run(SALVAGE_META_KEY);
      alsoIn(db, pending);
      return pending;
    });
  }

  close(): void {
    if (this.closed) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.checkpoint();
    this.closed = true;
    this.db.close();
  }
}

export type { Db };
