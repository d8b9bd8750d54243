import type { Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { RecordCipher } from '../crypto/record-cipher';
import type { Db, Store } from '../store/database';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy, type Random } from './backoff';
import type { AttachmentRef, ItemOutcome, OutboxItem, OutboxKind, OutboxSummary, QuarantinedItem } from './items';

export interface OutboxOptions {
  readonly now?: () => number;
  /** When an answer was settled, for retention: the platform's clock when known (a jumped wall clock must not age a record). */
  readonly settledNow?: () => number;
  readonly random?: Random;
  readonly backoff?: BackoffPolicy;
}

export interface Enqueued {
  readonly clientId: string;
  readonly seq: number;
  readonly streamSeq: number;
}

/** No backoff (15 min cap) or Retry-After the engine honours plans this far ahead; beyond it, the clock jumped back. */
const FAR_FUTURE_MS = 6 * 3_600_000;

interface Row {
  seq: number;
  stream_seq: number;
  client_id: string;
  kind: OutboxKind;
  body: Buffer;
  body_bytes: number;
  attempts: number;
  created_at: number;
}

/**
 * The durable queue between a resident's "已提交" and the platform.
 *
 * An item's client id (UUIDv7) is its idempotency key for ever; its `seq` is
 * the kiosk's gap-free-by-construction sequence number. Items go
 * queued → sending → accepted | quarantined, and a technician can put a
 * quarantined item back to queued. Bodies are sealed per record.
 */
export class Outbox {
  private readonly now: () => number;
  private readonly settledNow: () => number;
  private readonly random: Random;
  private readonly backoff: BackoffPolicy;
  private readonly insertStmt: Statement;
  private readonly linkStmt: Statement;
  private readonly lastStreamSeqStmt: Statement;
  /** Last committed stream number per kind (read from the file once per kind). */
  private readonly committedStream = new Map<OutboxKind, number>();
  /** Numbers handed out in the open transaction; adopted on commit, forgotten on rollback. */
  private pendingStream: Map<OutboxKind, number> | null = null;

  constructor(
    private readonly store: Store,
    private readonly cipher: RecordCipher,
    options: OutboxOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.settledNow = options.settledNow ?? this.now;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.insertStmt = store.read((db) =>
      db.prepare(
        `INSERT INTO outbox (client_id, kind, stream_seq, state, body, body_bytes, next_attempt_at, created_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)`,
      ),
    );
    // The floor: the highest number a salvaged file, its audit chain or the platform showed (never hand out one again).
    this.lastStreamSeqStmt = store.read((db) =>
      db.prepare(`SELECT max(coalesce((SELECT max(stream_seq) FROM outbox WHERE kind = ?), 0), coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'stream-floor.' || ?), 0))`).pluck(),
    );
    this.linkStmt = store.read((db) => db.prepare('INSERT INTO outbox_attachments (client_id, address, role) VALUES (?, ?, ?)'));
    // Anything left "sending" by a crash goes back to the queue; the platform dedupes the resend.
    this.requeueSending();
  }

  /** Items marked sending whose answer was never recorded (a crash, a failed write) go back to the queue. */
  requeueSending(): number {
    return this.store.light((db) => db.prepare(`UPDATE outbox SET state = 'queued' WHERE state = 'sending'`).run().changes);
  }

  /**
   * Writes one item inside the caller's transaction (so an application, its
   * attachments and its outbox row commit together). The caller chooses the
   * durability of the surrounding transaction.
   */
  enqueueIn(db: Db, kind: OutboxKind, payload: unknown, attachments: readonly AttachmentRef[] = [], clientId: string = uuidv7()): Enqueued {
    void db;
    const plain = Buffer.from(JSON.stringify(payload), 'utf8');
    const sealed = this.cipher.seal(plain, clientId);
    const at = this.now();
    const streamSeq = this.takeStreamSeq(kind);
    const info = this.insertStmt.run(clientId, kind, streamSeq, sealed, plain.length, at, at);
    for (const a of attachments) this.linkStmt.run(clientId, a.address, a.role);
    return { clientId, seq: Number(info.lastInsertRowid), streamSeq };
  }

  /** The stream number the next item of `kind` will get (inside the caller's transaction). */
  peekStreamSeq(kind: OutboxKind): number {
    return (this.pendingStream?.get(kind) ?? this.committedStreamSeq(kind)) + 1;
  }

  /** Numbering continues past `seq` for `kind` (a salvage or the platform said it was used); inside the caller's transaction. */
  raiseStreamFloorIn(db: Db, kind: OutboxKind, seq: number): boolean {
    if (!Number.isSafeInteger(seq) || seq <= this.committedStreamSeq(kind)) return false;
    db.prepare(`INSERT INTO meta (key, value) VALUES ('stream-floor.' || ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(kind, String(seq));
    this.store.afterTransaction(
      () => this.committedStream.set(kind, Math.max(this.committedStream.get(kind) ?? 0, seq)),
      () => undefined,
    );
    return true;
  }

  private committedStreamSeq(kind: OutboxKind): number {
    let last = this.committedStream.get(kind);
    if (last === undefined) {
      last = this.lastStreamSeqStmt.get(kind, kind) as number;
      this.committedStream.set(kind, last);
    }
    return last;
  }

  private takeStreamSeq(kind: OutboxKind): number {
    if (!this.pendingStream) {
      const pending = new Map<OutboxKind, number>();
      this.pendingStream = pending;
      this.store.afterTransaction(
        () => {
          for (const [k, v] of pending) this.committedStream.set(k, v);
          this.pendingStream = null;
        },
        () => {
          this.pendingStream = null;
        },
      );
    }
    const next = this.peekStreamSeq(kind);
    this.pendingStream.set(kind, next);
    return next;
  }

  /** A durable enqueue on its own (evaluation, feedback). */
  enqueue(kind: OutboxKind, payload: unknown, attachments: readonly AttachmentRef[] = []): Enqueued {
    return this.store.durable((db) => this.enqueueIn(db, kind, payload, attachments));
  }

  /**
   * Heartbeats are state, not history: a newer one replaces any still queued,
   * so a kiosk offline for a week sends one heartbeat, not ten thousand.
   */
  enqueueHeartbeat(payload: unknown): Enqueued {
    return this.store.light((db) => {
      db.prepare(`DELETE FROM outbox WHERE kind = 'heartbeat' AND state = 'queued'`).run();
      return this.enqueueIn(db, 'heartbeat', payload);
    });
  }

  /**
   * Claims due items in sequence order up to `maxBytes` of payload (at least
   * one item), marks them sending and returns them opened. Memory is bounded
   * by the batch, never by the queue.
   */
  claimBatch(kind: OutboxKind, limits: { readonly maxBytes: number; readonly maxItems: number }): OutboxItem[] {
    const now = this.now();
    return this.store.light((db) => {
      const rows = db
        .prepare(
          `SELECT seq, stream_seq, client_id, kind, body, body_bytes, attempts, created_at FROM outbox
           WHERE state = 'queued' AND kind = ? AND (next_attempt_at <= ? OR next_attempt_at > ?) ORDER BY seq LIMIT ?`,
        )
        .all(kind, now, now + FAR_FUTURE_MS, limits.maxItems) as Row[];
      const picked: Row[] = [];
      let bytes = 0;
      for (const r of rows) {
        if (picked.length > 0 && bytes + r.body_bytes > limits.maxBytes) break;
        picked.push(r);
        bytes += r.body_bytes;
      }
      if (picked.length === 0) return [];
      // One statement each for the whole batch: a batch is up to a thousand items.
      const seqs = JSON.stringify(picked.map((r) => r.seq));
      db.prepare(`UPDATE outbox SET state = 'sending' WHERE seq IN (SELECT value FROM json_each(?))`).run(seqs);
      const links = new Map<string, AttachmentRef[]>();
      for (const l of db
        .prepare(`SELECT client_id, address, role FROM outbox_attachments WHERE client_id IN (SELECT o.client_id FROM outbox o WHERE o.seq IN (SELECT value FROM json_each(?))) ORDER BY address`)
        .all(seqs) as { client_id: string; address: string; role: string }[]) {
        const list = links.get(l.client_id) ?? [];
        list.push({ address: l.address, role: l.role });
        links.set(l.client_id, list);
      }
      return picked.map((r) => {
        return {
          seq: r.seq,
          streamSeq: r.stream_seq,
          clientId: r.client_id,
          kind: r.kind,
          payloadJson: this.cipher.open(r.body, r.client_id).toString('utf8'),
          bodyBytes: r.body_bytes,
          attempts: r.attempts,
          createdAt: r.created_at,
          attachments: links.get(r.client_id) ?? [],
        };
      });
    });
  }

  /**
   * Records the platform's per-item answers. Accepted and duplicate both mean
   * "the platform has it" and record its reference; rejected quarantines;
   * retry puts the item back with its own backoff.
   */
  settle(outcomes: readonly ItemOutcome[]): void {
    const now = this.now();
    const settledAt = this.settledNow();
    this.store.light((db) => {
      const accept = db.prepare(`UPDATE outbox SET state = 'accepted', platform_ref = ?, settled_at = ?, last_error = NULL, attempts = attempts + 1 WHERE client_id = ? AND state = 'sending'`);
      const reject = db.prepare(`UPDATE outbox SET state = 'quarantined', last_error = ?, settled_at = ?, attempts = attempts + 1 WHERE client_id = ? AND state = 'sending'`);
      const retry = db.prepare(`UPDATE outbox SET state = 'queued', last_error = ?, attempts = attempts + 1, next_attempt_at = ? WHERE client_id = ? AND state = 'sending'`);
      const attemptsOf = db.prepare('SELECT attempts FROM outbox WHERE client_id = ?').pluck();
      for (const o of outcomes) {
        if (o.outcome === 'accepted' || o.outcome === 'duplicate') accept.run(o.platformRef, settledAt, o.clientId);
        else if (o.outcome === 'rejected') reject.run(o.reason.slice(0, 500), settledAt, o.clientId);
        else if (o.outcome === 'retry') {
          const attempts = ((attemptsOf.get(o.clientId) as number | undefined) ?? 0) + 1;
          const wait = Math.max(o.retryAfterMs ?? 0, backoffDelay(attempts, this.backoff, this.random));
          retry.run(o.reason.slice(0, 500), now + wait, o.clientId);
        }
      }
    });
  }

  /** A whole batch did not get an answer (network, 5xx, timeout): back to the queue, due at once; the engine's backoff paces the next try. */
  release(clientIds: readonly string[], reason: string): void {
    this.store.light((db) => {
      const back = db.prepare(`UPDATE outbox SET state = 'queued', last_error = ? WHERE client_id = ? AND state = 'sending'`);
      for (const id of clientIds) back.run(reason.slice(0, 500), id);
    });
  }

  /** Technician action: a quarantined item goes back to the queue, due now. */
  requeue(clientId: string): boolean {
    const info = this.store.durable((db) =>
      db.prepare(`UPDATE outbox SET state = 'queued', next_attempt_at = ?, settled_at = NULL WHERE client_id = ? AND state = 'quarantined'`).run(this.now(), clientId),
    );
    return info.changes === 1;
  }

  summary(): OutboxSummary {
    return this.store.read((db) => {
      const counts = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[];
      const by = (s: string) => counts.find((c) => c.state === s)?.n ?? 0;
      const oldest = db.prepare(`SELECT min(created_at) FROM outbox WHERE state IN ('queued','sending')`).pluck().get() as number | null;
      const lastSeq = (db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;
      return { queued: by('queued'), sending: by('sending'), accepted: by('accepted'), quarantined: by('quarantined'), oldestPendingAt: oldest, lastSeq };
    });
  }

  /** Queued + sending: what the platform does not have yet. */
  pendingCount(): number {
    return this.store.read((db) => db.prepare(`SELECT count(*) FROM outbox WHERE state IN ('queued','sending')`).pluck().get() as number);
  }

  /** Epoch ms of the earliest queued item, or null when nothing waits. */
  nextDueAt(): number | null {
    const now = this.now();
    // A retry planned further ahead than any backoff or Retry-After goes is a clock that jumped back: due now.
    return this.store.read(
      (db) => db.prepare(`SELECT min(CASE WHEN next_attempt_at > ? THEN ? ELSE next_attempt_at END) FROM outbox WHERE state = 'queued'`).pluck().get(now + FAR_FUTURE_MS, now) as number | null,
    );
  }

  quarantined(limit = 100): QuarantinedItem[] {
    return this.store.read((db) =>
      (
        db
          .prepare(`SELECT seq, client_id, kind, last_error, attempts, created_at, settled_at FROM outbox WHERE state = 'quarantined' ORDER BY seq LIMIT ?`)
          .all(limit) as { seq: number; client_id: string; kind: OutboxKind; last_error: string | null; attempts: number; created_at: number; settled_at: number | null }[]
      ).map((r) => ({ seq: r.seq, clientId: r.client_id, kind: r.kind, reason: r.last_error ?? '', attempts: r.attempts, createdAt: r.created_at, settledAt: r.settled_at })),
    );
  }

  /** Every client id in one state (tests and reconciliation). */
  clientIds(state: 'queued' | 'sending' | 'accepted' | 'quarantined'): string[] {
    return this.store.read((db) => db.prepare('SELECT client_id FROM outbox WHERE state = ? ORDER BY seq').pluck().all(state) as string[]);
  }
}
