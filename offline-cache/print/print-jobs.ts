import type { RecordCipher } from '../crypto/record-cipher';
import type { Db, Store } from '../store/database';

export type PrintJobKind = 'receipt' | 'a4';
export type PrintJobState = 'waiting' | 'printing' | 'printed' | 'abandoned';

/** Why a job was not printed: shown on the maintenance dashboard. */
export type AbandonReason = 'session-ended' | 'interrupted' | 'render-failed' | 'printer-rejected';

export interface PrintJobRow {
  readonly jobId: string;
  readonly sessionId: string;
  readonly kind: PrintJobKind;
  /** application | appointment (receipts); application-form | commitment | acceptance-notice | appointment-slip (A4). */
  readonly document: string;
  readonly state: PrintJobState;
  readonly attempts: number;
  /** The printer problem that keeps it waiting (PAPER-END, media-empty, paused…), or null. */
  readonly problem: string | null;
  readonly reason: AbandonReason | null;
  /** The CUPS job id once the A4 queue accepted it. */
  readonly printerJob: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface PrintJobWithPayload extends PrintJobRow {
  /** The render payload (opened): what the paper shows. */
  readonly payload: unknown;
}

interface RawRow {
  job_id: string;
  session_id: string;
  kind: PrintJobKind;
  document: string;
  body: Buffer;
  state: PrintJobState;
  attempts: number;
  problem: string | null;
  reason: AbandonReason | null;
  printer_job: number | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'job_id, session_id, kind, document, state, attempts, problem, reason, printer_job, created_at, updated_at';

function rowOf(r: Omit<RawRow, 'body'>): PrintJobRow {
  return {
    jobId: r.job_id,
    sessionId: r.session_id,
    kind: r.kind,
    document: r.document,
    state: r.state,
    attempts: r.attempts,
    problem: r.problem,
    reason: r.reason,
    printerJob: r.printer_job,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * The durable print queue: one row a job in `print_jobs`, its payload
 * sealed with the store's data key. Every state change is a durable commit,
 * so a job survives a crash or a restart in the state it last reached:
 *
 *   waiting ──print──▶ printing ──ok──▶ printed
 *      ▲                  │
 *      └──printer fault───┘
 *   waiting / printing ──session ended / interrupted──▶ abandoned
 *
 * A job is only ever taken to `printing` for the session named on it; the
 * caller checks the session is the one at the kiosk.
 */
export class PrintJobStore {
  constructor(
    private readonly store: Store,
    private readonly cipher: RecordCipher,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new waiting job; `db` joins the transaction of what caused it (the application's commit), when given. */
  add(job: { readonly jobId: string; readonly sessionId: string; readonly kind: PrintJobKind; readonly document: string; readonly payload: unknown }, db?: Db): void {
    const body = this.cipher.seal(Buffer.from(JSON.stringify(job.payload), 'utf8'), job.jobId);
    const at = this.now();
    const write = (d: Db) =>
      d
        .prepare('INSERT INTO print_jobs (job_id, session_id, kind, document, body, state, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, \'waiting\', 0, ?, ?)')
        .run(job.jobId, job.sessionId, job.kind, job.document, body, at, at);
    if (db) write(db);
    else this.store.durable(write);
  }

  get(jobId: string): PrintJobWithPayload | null {
    const r = this.store.read((db) => db.prepare(`SELECT ${COLUMNS}, body FROM print_jobs WHERE job_id = ?`).get(jobId) as RawRow | undefined);
    if (!r) return null;
    return { ...rowOf(r), payload: JSON.parse(this.cipher.open(r.body, r.job_id).toString('utf8')) as unknown };
  }

  /** Jobs of a session not yet printed nor abandoned, oldest first. */
  open(sessionId: string, kind?: PrintJobKind): PrintJobRow[] {
    return this.store.read((db) =>
      (db
        .prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state IN ('waiting','printing') AND session_id = ? AND (? IS NULL OR kind = ?) ORDER BY created_at, rowid`)
        .all(sessionId, kind ?? null, kind ?? null) as RawRow[]).map(rowOf),
    );
  }

  /** Every job still waiting or printing, any session (boot reconciliation). */
  allOpen(): PrintJobRow[] {
    return this.store.read((db) => (db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state IN ('waiting','printing') ORDER BY created_at, rowid`).all() as RawRow[]).map(rowOf));
  }

  /** Taken for printing: the attempt is counted before the bytes leave (a crash after this is seen at the next boot). */
  markPrinting(jobId: string): boolean {
    return this.transition(jobId, ['waiting'], 'printing', { attempts: true });
  }

  /** The printer took it (ESC/POS write finished, or the CUPS queue accepted it with `printerJob`). */
  notePrinterJob(jobId: string, printerJob: number): void {
    this.store.durable((db) => db.prepare('UPDATE print_jobs SET printer_job = ?, updated_at = ? WHERE job_id = ?').run(printerJob, this.now(), jobId));
  }

  /** The printer problem a job CUPS holds is waiting on (or null when it cleared), without changing its state. */
  noteProblem(jobId: string, problem: string | null): void {
    this.store.durable((db) => db.prepare('UPDATE print_jobs SET problem = ?, updated_at = ? WHERE job_id = ?').run(problem, this.now(), jobId));
  }

  markPrinted(jobId: string): boolean {
    return this.transition(jobId, ['printing', 'waiting'], 'printed', { problem: null });
  }

  /** Back to waiting with the printer problem that stopped it. */
  markWaiting(jobId: string, problem: string): boolean {
    return this.transition(jobId, ['printing', 'waiting'], 'waiting', { problem });
  }

  abandon(jobId: string, reason: AbandonReason): boolean {
    return this.transition(jobId, ['printing', 'waiting'], 'abandoned', { reason });
  }

  /** The session ended: its open jobs will never print (the platform copy stands). Returns them. */
  abandonSession(sessionId: string, kind?: PrintJobKind): PrintJobRow[] {
    const open = this.open(sessionId, kind);
    if (open.length === 0) return [];
    this.store.durable((db) =>
      db
        .prepare(`UPDATE print_jobs SET state = 'abandoned', reason = 'session-ended', updated_at = ? WHERE session_id = ? AND state IN ('waiting','printing') AND (? IS NULL OR kind = ?)`)
        .run(this.now(), sessionId, kind ?? null, kind ?? null),
    );
    return open;
  }

  /** Not printed, newest first, for the maintenance dashboard (no payload: what and why only). */
  abandoned(limit = 50): PrintJobRow[] {
    return this.store.read((db) =>
      (db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state = 'abandoned' ORDER BY updated_at DESC, rowid DESC LIMIT ?`).all(limit) as RawRow[]).map(rowOf),
    );
  }

  counts(): Record<PrintJobState, number> {
    const out: Record<PrintJobState, number> = { waiting: 0, printing: 0, printed: 0, abandoned: 0 };
    const rows = this.store.read((db) => db.prepare('SELECT state, COUNT(*) AS n FROM print_jobs GROUP BY state').all() as { state: PrintJobState; n: number }[]);
    for (const r of rows) out[r.state] = r.n;
    return out;
  }

  private transition(jobId: string, from: readonly PrintJobState[], to: PrintJobState, set: { attempts?: boolean; problem?: string | null; reason?: AbandonReason }): boolean {
    const parts = ['state = ?', 'updated_at = ?'];
    const values: (string | number | null)[] = [to, this.now()];
    if (set.attempts) parts.push('attempts = attempts + 1');
    if (set.problem !== undefined) {
      parts.push('problem = ?');
      values.push(set.problem);
    }
    if (set.reason !== undefined) {
      parts.push('reason = ?');
      values.push(set.reason);
    }
    const placeholders = from.map(() => '?').join(',');
    const changed = this.store.durable((db) => db.prepare(`UPDATE print_jobs SET ${parts.join(', ')} WHERE job_id = ? AND state IN (${placeholders})`).run(...values, jobId, ...from).changes);
    return changed === 1;
  }
}
