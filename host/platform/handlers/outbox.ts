import { ok } from '../../../contract';
import type { OfflineCache } from '../../../offline-cache/offline-cache';
import { toSyncStatusView } from '../sync';
import type { HandlerTable } from '../../api/dispatch';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function outboxHandlers(cache: OfflineCache): Pick<HandlerTable, 'sync.status' | 'outbox.summary' | 'outbox.quarantined' | 'audit.head'> {
  return {
    'sync.status': () => ok(toSyncStatusView(cache.engine.status())),
    'outbox.summary': () => {
      const s = cache.outbox.summary();
      return ok({ ...s, oldestPendingAt: iso(s.oldestPendingAt) });
    },
    'outbox.quarantined': ({ limit }) =>
      ok({
        items: cache.outbox.quarantined(limit).map((q) => ({ ...q, createdAt: new Date(q.createdAt).toISOString(), settledAt: iso(q.settledAt) })),
      }),
    'audit.head': () => ok(cache.audit.currentHead()),
  };
}
