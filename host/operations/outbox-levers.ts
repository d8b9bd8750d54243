import type { OutboxHealth, QuarantinedItem, StoreSalvage } from '../../contract';
import { AuditKindSchema, type AuditKind } from '../../offline-cache/audit/audit-chain';
import type { OfflineCache } from '../../offline-cache/offline-cache';
import { NO_LOSS } from '../../offline-cache/store/recovery';
import type { AuditTrail } from './maintenance/audit-trail';
import type { OutboxMaintenance } from './outbox-maintenance';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * The technician's levers on delivery (maintenance handlers check the token
 * first): health for the dashboard, sync now, re-queue a quarantined item.
 * Re-queues are audited in the SQLite chain.
 */
export function outboxMaintenance(cache: OfflineCache): OutboxMaintenance {
  const quarantined = (): QuarantinedItem[] =>
    cache.outbox.quarantined(500).map((q) => ({ id: q.clientId, kind: q.kind, reason: q.reason, at: new Date(q.settledAt ?? q.createdAt).toISOString(), attempts: q.attempts }));
  return {
    health(): OutboxHealth {
      const s = cache.engine.status();
      const salvaged = storeSalvages(cache);
      const salvageAcknowledged = storeSalvages(cache, 'acknowledged');
      return {
        depth: s.queueDepth,
        oldestPendingAt: iso(s.oldestPendingAt),
        lastSyncAt: iso(s.lastSuccessAt),
        quarantined: quarantined(),
        ...(salvaged.length ? { salvaged } : {}),
        ...(salvageAcknowledged.length ? { salvageAcknowledged } : {}),
      };
    },
    requeue(id) {
      const requeued = cache.outbox.requeue(id);
      if (requeued) {
        cache.audit.append('requeue', { clientId: id });
        cache.engine.kick();
      }
      return requeued;
    },
    acknowledgeSalvage: (by) => cache.acknowledgeSalvage(by),
    async syncNow() {
      await cache.engine.syncNow();
    },
    quarantined,
  };
}

/** Consecutive numbers as inclusive ranges, at most `max` of them (the rest folded into the last). */
export function toRanges(seqs: readonly number[], max = 100): [number, number][] {
  const out: [number, number][] = [];
  for (const s of [...seqs].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && (s === last[1] + 1 || out.length >= max)) last[1] = Math.max(last[1], s);
    else if (!last || s > last[1]) out.push([s, s]);
  }
  return out;
}

/** Salvage reports kept in the store, as the dashboard, doctor and heartbeat show them (newest last, at most 5). */
export function storeSalvages(cache: OfflineCache, which: 'pending' | 'acknowledged' = 'pending'): StoreSalvage[] {
  return (which === 'pending' ? cache.store.salvageReports() : cache.store.acknowledgedSalvages())
    .slice(-5)
    .map((r) => ({
      at: new Date(r.at).toISOString(),
      // Reports written before print jobs were counted lack the field.
      lost: { ...NO_LOSS, ...r.lost },
      atLeast: r.tailUnknown || r.incomplete || r.uncounted === true,
      damagedCopy: r.damagedCopy,
      gone: { applications: toRanges(r.gone.application), evaluations: toRanges(r.gone.evaluation), feedback: toRanges(r.gone.feedback) },
    }));
}

/** Maintenance's `AuditTrail`, backed by the SQLite hash chain (one chain for the whole kiosk). */
export function sqliteAuditTrail(cache: OfflineCache): AuditTrail {
  const audit = cache.audit;
  return {
    append(type, detail) {
      const known = AuditKindSchema.safeParse(type);
      const kind: AuditKind = known.success ? known.data : type.startsWith('config') ? 'config-change' : type.startsWith('command') || type.startsWith('remote') ? 'remote-command' : 'maintenance-login';
      audit.append(kind, known.success ? { ...detail } : { ...detail, action: type });
    },
    head() {
      const h = audit.currentHead();
      return { hash: h.seq === 0 ? null : h.hash, length: h.seq };
    },
    verify() {
      const v = audit.verify();
      if (v.ok) return { intact: true, length: v.entries, head: v.head.seq === 0 ? null : v.head.hash, brokenAt: null };
      return { intact: false, length: v.entries, head: audit.currentHead().hash, brokenAt: v.brokenAt };
    },
  };
}
