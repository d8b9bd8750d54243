import type { HighestSeqs, StoreLoss } from '../../contract/platform';
import type { Db } from './database';
import type { Stream } from './intake-ledger';

const STREAMS: readonly Stream[] = ['applications', 'evaluations', 'feedback'];
/** A notice may name at most this many numbers per stream (ranges are expanded). */
const MAX_PER_STREAM = 100_000;

/** A kiosk's salvage notice: numbers it handed out whose items are gone. Repeating it changes nothing. */
export function recordStoreLoss(db: Db, kioskId: string, loss: StoreLoss, at: string): number {
  const insert = db.prepare('INSERT OR IGNORE INTO gone_seqs (kiosk_id, stream, seq, declared_at) VALUES (?, ?, ?, ?)');
  let added = 0;
  db.transaction(() => {
    for (const stream of STREAMS) {
      let n = 0;
      for (const [from, to] of loss[stream]) {
        for (let s = from; s <= to && n < MAX_PER_STREAM; s++, n++) added += insert.run(kioskId, stream, s, at).changes;
      }
    }
  })();
  return added;
}

export function goneSeqs(db: Db, kioskId: string, stream: Stream): number[] {
  return db.prepare('SELECT seq FROM gone_seqs WHERE kiosk_id = ? AND stream = ? ORDER BY seq').pluck().all(kioskId, stream) as number[];
}

/** Where a kiosk continues numbering: past everything received from it and everything it declared gone. */
export function highestSeqs(db: Db, kioskId: string): HighestSeqs {
  const top = (stream: Stream) =>
    Math.max(
      (db.prepare('SELECT COALESCE(MAX(seq), 0) FROM intake WHERE kiosk_id = ? AND stream = ?').pluck().get(kioskId, stream) as number) ?? 0,
      (db.prepare('SELECT COALESCE(MAX(seq), 0) FROM gone_seqs WHERE kiosk_id = ? AND stream = ?').pluck().get(kioskId, stream) as number) ?? 0,
    );
  return { applications: top('applications'), evaluations: top('evaluations'), feedback: top('feedback') };
}
