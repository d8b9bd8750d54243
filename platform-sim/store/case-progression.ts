import { FINAL_CASE_STATES, type CaseState, type StatusChange, type StatusPage } from '../../contract/platform';
import { sha256Hex } from '../canonical-json';
import { checkResult } from './check-results';
import type { Db } from './database';

export interface ProgressionOptions {
  /** Simulated time of one step (受理 → 审批中 → 办结/退回) for the fastest department, ms. */
  readonly stepMs: number;
  /** Share of department cases that end 退回. */
  readonly returnRate: number;
}

const RETURN_NOTE = '材料不齐全，请按要求补充后重新提交（模拟退回）';

/** Deterministic per case, so a rerun with the same numbers shows the same story. */
function dice(...parts: string[]): number {
  return parseInt(sha256Hex(parts.join('|')).slice(0, 8), 16) / 0x1_0000_0000;
}

/**
 * Moves each department's part of an application through 受理 → 审批中 →
 * 办结 (or 退回) as the case clock passes. Departments work at different
 * speeds (1–3 steps). Changes are written when due, each with the time it
 * would have happened, and numbered by a cursor kiosks pull from.
 */
export class CaseProgression {
  private readonly sql;

  constructor(
    private readonly db: Db,
    private readonly options: ProgressionOptions,
  ) {
    this.sql = {
      track: db.prepare(
        `INSERT INTO case_tracks (platform_number, kiosk_id, client_id, sub_item_code, department, state, next_at_ms, ends_returned)
         VALUES (?, ?, ?, ?, ?, 'received', ?, ?)`,
      ),
      due: db.prepare('SELECT * FROM case_tracks WHERE next_at_ms IS NOT NULL AND next_at_ms <= ? ORDER BY next_at_ms LIMIT 5000'),
      update: db.prepare('UPDATE case_tracks SET state = ?, next_at_ms = ? WHERE platform_number = ? AND sub_item_code = ? AND department = ?'),
      change: db.prepare('INSERT INTO status_changes (kiosk_id, client_id, platform_number, sub_item_code, department, state, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      page: db.prepare('SELECT * FROM status_changes WHERE kiosk_id = ? AND cursor > ? ORDER BY cursor LIMIT ?'),
    };
  }

  /** Opens one track per sub-item and department; call inside the intake transaction. */
  open(c: { platformNumber: string; kioskId: string; clientId: string; routes: readonly { subItemCode: string; departments: readonly string[] }[]; nowMs: number }): void {
    const track = this.sql.track;
    for (const route of c.routes) {
      for (const department of route.departments) {
        const pace = 1 + Math.floor(dice(c.platformNumber, route.subItemCode, department, 'pace') * 3);
        const endsReturned = dice(c.platformNumber, route.subItemCode, department, 'return') < this.options.returnRate ? 1 : 0;
        track.run(c.platformNumber, c.kioskId, c.clientId, route.subItemCode, department, c.nowMs + pace * this.options.stepMs, endsReturned);
        this.record(c.kioskId, c.clientId, c.platformNumber, route.subItemCode, department, 'received', c.nowMs, null);
      }
    }
  }

  /** Writes every change due by `nowMs`. Returns how many were written. */
  tick(nowMs: number): number {
    type Due = { platform_number: string; kiosk_id: string; client_id: string; sub_item_code: string; department: string; state: CaseState; next_at_ms: number; ends_returned: number };
    const { due, update } = this.sql;
    let written = 0;
    this.db.transaction(() => {
      for (;;) {
        const rows = due.all(nowMs) as Due[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const next: CaseState = row.state === 'received' ? 'in-review' : row.ends_returned ? 'returned' : 'completed';
          const pace = 1 + Math.floor(dice(row.platform_number, row.sub_item_code, row.department, 'pace') * 3);
          const nextAt = FINAL_CASE_STATES.has(next) ? null : row.next_at_ms + pace * this.options.stepMs;
          update.run(next, nextAt, row.platform_number, row.sub_item_code, row.department);
          // A check service's 办结 carries the department's finding; it is stored in the same column as a 退回 note.
          const note = next === 'returned' ? RETURN_NOTE : next === 'completed' ? checkResult(row.platform_number, row.sub_item_code) : null;
          this.record(row.kiosk_id, row.client_id, row.platform_number, row.sub_item_code, row.department, next, row.next_at_ms, note);
          written++;
        }
      }
    })();
    return written;
  }

  /** The calling kiosk's changes after `cursor`, oldest first. */
  page(kioskId: string, cursor: string, limit: number, nowMs: number): StatusPage {
    this.tick(nowMs);
    const rows = this.sql.page
      .all(kioskId, Number(cursor), limit + 1) as { cursor: number; client_id: string; platform_number: string; sub_item_code: string; department: string; state: CaseState; at: string; note: string | null }[];
    const hasMore = rows.length > limit;
    const changes: StatusChange[] = rows.slice(0, limit).map((r) => ({
      cursor: String(r.cursor),
      clientId: r.client_id,
      platformNumber: r.platform_number,
      subItemCode: r.sub_item_code,
      department: r.department,
      state: r.state,
      at: r.at,
      ...(r.note ? (r.state === 'completed' ? { result: r.note } : { note: r.note }) : {}),
    }));
    return { changes, nextCursor: changes.length ? changes[changes.length - 1]!.cursor : cursor, hasMore };
  }

  private record(kioskId: string, clientId: string, platformNumber: string, subItemCode: string, department: string, state: CaseState, atMs: number, note: string | null): void {
    this.sql.change.run(kioskId, clientId, platformNumber, subItemCode, department, state, new Date(atMs).toISOString(), note);
  }
}
