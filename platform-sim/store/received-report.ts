import type { ReceivedKiosk, ReceivedReport } from '../../contract/platform';
import type { Db } from './database';
import { goneSeqs } from './gone-seqs';
import type { Stream } from './intake-ledger';

const STREAMS: readonly Stream[] = ['applications', 'evaluations', 'feedback'];

/** Seqs absent below the highest seen: items a kiosk numbered but the platform never got (and the kiosk did not declare gone). */
function missingSeqs(seqs: readonly number[], gone: readonly number[], limit = 50): number[] {
  const have = new Set([...seqs, ...gone]);
  const max = seqs.length ? Math.max(...seqs) : 0;
  const out: number[] = [];
  for (let s = 1; s <= max && out.length < limit; s++) if (!have.has(s)) out.push(s);
  return out;
}

/** What the platform received, per kiosk and stream, with duplicate counts and seq gaps. No personal data. */
export function receivedReport(db: Db, recentPerKiosk = 20): ReceivedReport {
  const kioskIds = new Set<string>([
    ...(db.prepare('SELECT kiosk_id FROM kiosks').pluck().all() as string[]),
    ...(db.prepare('SELECT DISTINCT kiosk_id FROM intake').pluck().all() as string[]),
  ]);
  const servicePoints = new Map((db.prepare('SELECT kiosk_id, service_point FROM kiosks').all() as { kiosk_id: string; service_point: string }[]).map((r) => [r.kiosk_id, r.service_point]));
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  const kiosks: ReceivedKiosk[] = [...kioskIds].sort().map((kioskId) => {
    const perStream = Object.fromEntries(
      STREAMS.map((stream) => {
        const agg = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(duplicate_count), 0) AS d, COALESCE(MAX(seq), 0) AS m FROM intake WHERE kiosk_id = ? AND stream = ?').get(kioskId, stream) as { n: number; d: number; m: number };
        const rejected = (db.prepare('SELECT COUNT(*) AS n FROM rejections WHERE kiosk_id = ? AND stream = ?').get(kioskId, stream) as { n: number }).n;
        const seqs = db.prepare('SELECT seq FROM intake WHERE kiosk_id = ? AND stream = ?').pluck().all(kioskId, stream) as number[];
        const gone = goneSeqs(db, kioskId, stream);
        totals.accepted += agg.n;
        totals.duplicates += agg.d;
        totals.rejected += rejected;
        return [stream, { accepted: agg.n, duplicates: agg.d, rejected, maxSeq: agg.m, missingSeqs: missingSeqs(seqs, gone.filter((s) => s <= agg.m)), ...(gone.length ? { goneSeqs: gone.slice(0, 1000) } : {}) }];
      }),
    ) as Record<Stream, ReceivedKiosk['applications']>;
    const recent = (
      db
        .prepare('SELECT stream, client_id, seq, platform_number, item_code, received_at, duplicate_count FROM intake WHERE kiosk_id = ? ORDER BY received_at DESC, seq DESC LIMIT ?')
        .all(kioskId, recentPerKiosk) as { stream: Stream; client_id: string; seq: number; platform_number: string; item_code: string | null; received_at: string; duplicate_count: number }[]
    ).map((r) => ({ stream: r.stream, clientId: r.client_id, seq: r.seq, platformNumber: r.platform_number, itemCode: r.item_code, receivedAt: r.received_at, duplicateCount: r.duplicate_count }));
    return {
      kioskId,
      servicePoint: servicePoints.get(kioskId) ?? '',
      applications: perStream.applications,
      evaluations: perStream.evaluations,
      feedback: perStream.feedback,
      heartbeats: (db.prepare('SELECT received FROM heartbeat_counts WHERE kiosk_id = ?').pluck().get(kioskId) as number | undefined) ?? 0,
      attachments: (db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE first_kiosk_id = ? AND complete = 1').get(kioskId) as { n: number }).n,
      recent,
    };
  });
  return { generatedAt: new Date().toISOString(), totals, kiosks };
}
