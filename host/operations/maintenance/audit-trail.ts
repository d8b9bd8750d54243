import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where maintenance actions are recorded: PIN attempts, config changes,
 * remote commands, re-queues. The offline-cache audit chain implements this
 * interface once it is composed in; until then (and in tests) the hash-chained
 * JSON-lines file below does, with the same verify-now contract.
 */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

export interface AuditVerification {
  readonly intact: boolean;
  readonly length: number;
  readonly head: string | null;
  readonly brokenAt: number | null;
}

export interface AuditTrail {
  append(type: string, detail: AuditDetail): void;
  head(): { hash: string | null; length: number };
  verify(): AuditVerification;
}

interface Line {
  readonly seq: number;
  readonly at: string;
  readonly type: string;
  readonly detail: AuditDetail;
  readonly prev: string;
  readonly hash: string;
}

const GENESIS = '0'.repeat(64);

function hashOf(l: Omit<Line, 'hash'>): string {
  return createHash('sha256').update(JSON.stringify([l.seq, l.at, l.type, l.detail, l.prev])).digest('hex');
}

export class JsonlAuditTrail implements AuditTrail {
  private last: { hash: string; seq: number } | null = null;

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    const lines = this.read();
    const tail = lines[lines.length - 1];
    if (tail) this.last = { hash: tail.hash, seq: tail.seq };
  }

  append(type: string, detail: AuditDetail): void {
    const body = { seq: (this.last?.seq ?? -1) + 1, at: this.now().toISOString(), type, detail, prev: this.last?.hash ?? GENESIS };
    const line: Line = { ...body, hash: hashOf(body) };
    appendFileSync(this.file, JSON.stringify(line) + '\n', { mode: 0o600 });
    this.last = { hash: line.hash, seq: line.seq };
  }

  head(): { hash: string | null; length: number } {
    return { hash: this.last?.hash ?? null, length: this.last ? this.last.seq + 1 : 0 };
  }

  verify(): AuditVerification {
    const lines = this.read();
    let prev = GENESIS;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const { hash, ...body } = l;
      if (l.seq !== i || l.prev !== prev || hashOf(body) !== hash) {
        return { intact: false, length: lines.length, head: lines[lines.length - 1]?.hash ?? null, brokenAt: i };
      }
      prev = hash;
    }
    return { intact: true, length: lines.length, head: lines.length ? prev : null, brokenAt: null };
  }

  /** Records in order; an unparsable line becomes a record that cannot chain, so verify reports it. */
  private read(): Line[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((t) => t.trim())
      .map((t, i) => {
        try {
          return JSON.parse(t) as Line;
        } catch {
          return { seq: i, at: '', type: 'unparsable', detail: {}, prev: '', hash: '' };
        }
      });
  }
}
