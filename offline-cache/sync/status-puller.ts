import type { StatusChange } from '../../contract/platform';
import type { Store } from '../store/database';
import type { PlatformPort } from './platform-port';

export type PullOutcome = { readonly kind: 'ok'; readonly changes: number } | { readonly kind: 'failed'; readonly reason: string; readonly retryAfterMs: number | null };

const CURSOR_KEY = 'status_cursor';

/**
 * Pulls 受理/审批中/办结/退回 changes for this kiosk's applications and
 * records them per sub-item. The cursor is stored with the changes it
 * covers, in one transaction, so a crash re-pulls rather than skips.
 */
export class StatusPuller {
  constructor(
    private readonly store: Store,
    private readonly client: Pick<PlatformPort, 'pullStatus'>,
    private readonly onChanges: (changes: readonly StatusChange[]) => void = () => {},
    private readonly maxPages = 20,
  ) {}

  async pullAll(): Promise<PullOutcome> {
    let total = 0;
    for (let page = 0; page < this.maxPages; page++) {
      const cursor = this.store.getMeta(CURSOR_KEY) ?? '0';
      const r = await this.client.pullStatus(cursor, 1000);
      if (r.kind !== 'ok') {
        return { kind: 'failed', reason: 'reason' in r ? `status pull: ${r.reason}` : r.kind, retryAfterMs: r.kind === 'retry' ? r.retryAfterMs : null };
      }
      this.apply(r.value.changes, r.value.nextCursor);
      total += r.value.changes.length;
      if (r.value.changes.length) this.onChanges(r.value.changes);
      if (!r.value.hasMore) break;
    }
    return { kind: 'ok', changes: total };
  }

  private apply(changes: readonly StatusChange[], nextCursor: string): void {
    this.store.light((db) => {
      const update = db.prepare(
        `UPDATE application_sub_items SET state = ?, note = ?, state_at = ?
         WHERE code = ? AND local_number = (SELECT local_number FROM applications WHERE client_id = ?)
           AND (state_at IS NULL OR state_at <= ?)`,
      );
      for (const c of changes) {
        const at = Date.parse(c.at);
        // One column holds what the department says: why it was returned, or a check service's finding.
        update.run(c.state, c.result ?? c.note ?? null, at, c.subItemCode, c.clientId, at);
      }
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(CURSOR_KEY, nextCursor);
    });
  }
}
