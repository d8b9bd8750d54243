import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { z } from 'zod';
import type { Db, Store } from '../store/database';

// sm-crypto is CommonJS without named ESM exports.
const { sm3 } = smCrypto;

/** The data events a kiosk must be able to account for. Details never hold personal data. */
export const AuditKindSchema = z.enum(['card-read', 'submission', 'print', 'delivery', 'purge', 'maintenance-login', 'config-change', 'requeue', 'remote-command', 'salvage', 'salvage-acknowledged']);
export type AuditKind = z.infer<typeof AuditKindSchema>;

export type ChainHash = 'sha256' | 'sm3';

export interface AuditEntry {
  readonly seq: number;
  readonly at: number;
  readonly kind: AuditKind;
  readonly detail: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
  readonly algorithm: ChainHash;
}

export type VerifyResult =
  | { readonly ok: true; readonly entries: number; readonly head: ChainHead }
  | { readonly ok: false; readonly entries: number; readonly brokenAt: number; readonly problem: 'edited' | 'missing-or-reordered' | 'head-mismatch' };

const GENESIS = '0'.repeat(64);

/** Plain digest, or HMAC (HMAC-SHA-256 / HMAC-SM3) when keyed. */
function digest(algorithm: ChainHash, text: string, key: Buffer | null = null): string {
  if (algorithm === 'sm3') return key ? sm3(text, { key: key.toString('hex'), mode: 'hmac' }) : sm3(text);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(text, 'utf8').digest('hex');
}

function entryHash(algorithm: ChainHash, e: Omit<AuditEntry, 'hash'>, key: Buffer | null): string {
  // Length-prefixed fields: no two different entries serialise alike.
  const fields = [String(e.seq), String(e.at), e.kind, e.detail, e.prevHash];
  return digest(algorithm, fields.map((f) => `${f.length}:${f}`).join('|'), key);
}

const KEYED_FROM = 'audit.keyed-from';

/**
 * Append-only, hash-chained log: each entry commits to the previous one's
 * hash and its own sequence number, so an edit, a deletion or a reordering
 * breaks the chain. With a key (sealed on the kiosk like the data key) every
 * entry is MAC'd, so someone with the file but not the key cannot rewrite
 * the chain and recompute it: the kiosk itself detects that. Deleting the
 * tail is caught by comparing with the head last reported in a heartbeat.
 */
export class AuditChain {
  private head: ChainHead;
  /** Entries from this seq on are MAC'd (older kiosks' entries before the key existed are plain). */
  private readonly keyedFrom: number;
  private readonly keyedFromForged: boolean;

  constructor(
    private readonly store: Store,
    readonly algorithm: ChainHash = 'sha256',
    private readonly now: () => number = Date.now,
    private readonly key: Buffer | null = null,
  ) {
    const last = store.read((db) => db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined);
    this.head = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS, algorithm };
    let keyedFrom = Number.POSITIVE_INFINITY;
    let forged = false;
    if (key) {
      const mark = (from: number) => `${from}:${digest(algorithm, `keyed-from|${from}`, key)}`;
      const stored = store.getMeta(KEYED_FROM);
      if (stored === null) {
        keyedFrom = this.head.seq + 1;
        store.durable((db) => db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEYED_FROM, mark(keyedFrom)));
      } else {
        keyedFrom = Number(stored.split(':')[0]);
        const expected = Buffer.from(mark(keyedFrom));
        const got = Buffer.from(stored);
        forged = !Number.isSafeInteger(keyedFrom) || expected.length !== got.length || !timingSafeEqual(expected, got);
      }
    }
    this.keyedFrom = keyedFrom;
    this.keyedFromForged = forged;
  }

  private keyFor(seq: number): Buffer | null {
    return seq >= this.keyedFrom ? this.key : null;
  }

  /** Appends inside the caller's transaction. The in-memory head advances only once that commits. */
  appendIn(db: Db, kind: AuditKind, detail: Record<string, string | number | boolean | null> = {}): AuditEntry {
    const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const base = { seq: (last?.seq ?? 0) + 1, at: this.now(), kind, detail: JSON.stringify(detail), prevHash: last?.hash ?? GENESIS };
    const entry: AuditEntry = { ...base, hash: entryHash(this.algorithm, base, this.keyFor(base.seq)) };
    db.prepare('INSERT INTO audit (seq, at, kind, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(entry.seq, entry.at, entry.kind, entry.detail, entry.prevHash, entry.hash);
    this.head = { seq: entry.seq, hash: entry.hash, algorithm: this.algorithm };
    return entry;
  }

  append(kind: AuditKind, detail: Record<string, string | number | boolean | null> = {}): AuditEntry {
    return this.store.durable((db) => this.appendIn(db, kind, detail));
  }

  /**
   * For entries that follow from state already on disk (a delivery the
   * platform confirmed): committed without an fsync of its own. A power cut
   * may lose the newest such entry, never break the chain.
   */
  appendLight(kind: AuditKind, detail: Record<string, string | number | boolean | null> = {}): AuditEntry {
    return this.store.light((db) => this.appendIn(db, kind, detail));
  }

  currentHead(): ChainHead {
    return this.head;
  }

  /** Walks the whole chain in storage order. `expectedHead`: the last head the platform acknowledged. */
  verify(expectedHead?: { readonly seq: number; readonly hash: string }): VerifyResult {
    return this.store.read((db) => {
      let prev = GENESIS;
      let expectedSeq = 1;
      let count = 0;
      let lastSeq = 0;
      const byHash = new Map<string, number>();
      // Someone moved the point where MACs start (to pass off a recomputed plain chain).
      if (this.keyedFromForged) return { ok: false, entries: 0, brokenAt: 1, problem: 'edited' } as const;
      for (const row of db.prepare('SELECT seq, at, kind, detail, prev_hash AS prevHash, hash FROM audit ORDER BY rowid').iterate() as IterableIterator<AuditEntry>) {
        count++;
        if (row.seq !== expectedSeq || row.prevHash !== prev) return { ok: false, entries: count, brokenAt: row.seq, problem: 'missing-or-reordered' } as const;
        if (entryHash(this.algorithm, row, this.keyFor(row.seq)) !== row.hash) return { ok: false, entries: count, brokenAt: row.seq, problem: 'edited' } as const;
        byHash.set(row.hash, row.seq);
        prev = row.hash;
        lastSeq = row.seq;
        expectedSeq++;
      }
      if (expectedHead && expectedHead.seq > 0 && byHash.get(expectedHead.hash) !== expectedHead.seq) {
        return { ok: false, entries: count, brokenAt: Math.min(expectedHead.seq, lastSeq + 1), problem: 'head-mismatch' } as const;
      }
      return { ok: true, entries: count, head: { seq: lastSeq, hash: prev, algorithm: this.algorithm } } as const;
    });
  }
}
