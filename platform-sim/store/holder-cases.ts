import { CATALOG } from '../../contract/catalog';
import type { CaseState, HolderCase } from '../../contract/platform';
import { sha256Hex } from '../canonical-json';
import type { CaseClock } from '../clock';
import type { CaseProgression } from './case-progression';
import type { Db } from './database';
import { readMeta, writeMeta } from './database';
import type { IntakeLedger } from './intake-ledger';

/** 张小三 (the demo card) once went to the hall window for his social security card. */
const WINDOW_FIXTURES = [
  { holderIdNumber: '140105199003071234', itemCode: '20', subItemCodes: ['20-01'], filedAt: '太原市小店区政务服务中心 5号窗口', daysAgo: 3 },
] as const;

const STATE_ORDER: Readonly<Record<CaseState, number>> = { received: 0, 'in-review': 1, returned: 2, completed: 3 };

/**
 * Everything the platform holds for one ID number, whichever channel it came
 * through: applications from any kiosk and cases filed at a hall window,
 * with the current state of each sub-item (the worst department wins).
 */
export class HolderCases {
  private readonly sql;

  constructor(
    private readonly db: Db,
    private readonly clock: CaseClock,
    private readonly progression: CaseProgression,
    private readonly ledger: IntakeLedger,
  ) {
    this.sql = {
      kiosk: db.prepare(
        "SELECT platform_number, kiosk_id, item_code, received_at FROM intake WHERE stream = 'applications' AND json_extract(payload, '$.applicant.idNumber') = ? ORDER BY received_at DESC",
      ),
      window: db.prepare('SELECT platform_number, item_code, filed_at, received_at FROM window_filings WHERE holder_sha256 = ? ORDER BY received_at DESC'),
      tracks: db.prepare('SELECT sub_item_code, department, state FROM case_tracks WHERE platform_number = ? ORDER BY sub_item_code, department'),
      result: db.prepare("SELECT note FROM status_changes WHERE platform_number = ? AND sub_item_code = ? AND state = 'completed' AND note IS NOT NULL LIMIT 1").pluck(),
    };
  }

  /** Seeds the demo window filings once per database. */
  seedFixtures(): void {
    if (readMeta(this.db, 'windowFixtures.seeded')) return;
    const now = this.clock.nowMs();
    for (const f of WINDOW_FIXTURES) this.ledger.fileAtWindow({ ...f, receivedAtMs: now - f.daysAgo * 24 * 3600_000 });
    writeMeta(this.db, 'windowFixtures.seeded', new Date(now).toISOString());
  }

  forHolder(holderIdNumber: string): HolderCase[] {
    this.progression.tick(this.clock.nowMs());
    type K = { platform_number: string; kiosk_id: string; item_code: string | null; received_at: string };
    type W = { platform_number: string; item_code: string; filed_at: string; received_at: string };
    const kiosk = (this.sql.kiosk.all(holderIdNumber) as K[]).map((r) => this.view(r.platform_number, r.item_code, 'kiosk', r.kiosk_id, r.received_at));
    const window = (this.sql.window.all(sha256Hex(holderIdNumber)) as W[]).map((r) => this.view(r.platform_number, r.item_code, 'window', r.filed_at, r.received_at));
    return [...kiosk, ...window].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  private view(platformNumber: string, itemCode: string | null, channel: 'kiosk' | 'window', filedAt: string, receivedAt: string): HolderCase {
    const thing = CATALOG.oneThings.find((t) => t.code === itemCode);
    const bySub = new Map<string, { department: string; state: CaseState }>();
    for (const t of this.sql.tracks.all(platformNumber) as { sub_item_code: string; department: string; state: CaseState }[]) {
      const seen = bySub.get(t.sub_item_code);
      // The sub-item is as far as its slowest department.
      if (!seen || STATE_ORDER[t.state] < STATE_ORDER[seen.state]) bySub.set(t.sub_item_code, { department: seen ? `${seen.department}、${t.department}` : t.department, state: t.state });
      else bySub.set(t.sub_item_code, { ...seen, department: `${seen.department}、${t.department}` });
    }
    return {
      platformNumber,
      itemCode,
      thingName: thing?.name ?? '（未知事项）',
      channel,
      filedAt: filedAt.slice(0, 80),
      receivedAt,
      subItems: [...bySub].map(([code, s]) => {
        const result = s.state === 'completed' ? (this.sql.result.get(platformNumber, code) as string | undefined) : undefined;
        return { code, name: thing?.subItems.find((x) => x.code === code)?.name ?? code, department: s.department, state: s.state, ...(result ? { result } : {}) };
      }),
    };
  }
}
