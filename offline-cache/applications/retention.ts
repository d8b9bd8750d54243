import type { AttachmentStore } from '../attachments/attachment-store';
import type { AuditChain } from '../audit/audit-chain';
import type { Store } from '../store/database';

export interface PurgeReport {
  readonly items: number;
  readonly attachments: number;
  readonly heartbeats: number;
}

/**
 * After the platform has accepted an item and the retention period has
 * passed, its sealed payload (name, ID number, address, form) and its
 * attachment files go; the metadata progress query needs stays. Quarantined
 * and undelivered items are never purged.
 */
export function purgeDelivered(store: Store, attachments: AttachmentStore, audit: AuditChain, retentionMs: number, now: number = Date.now()): PurgeReport {
  const cutoff = now - retentionMs;
  const result = store.durable((db) => {
    const ids = db
      .prepare(`SELECT client_id FROM outbox WHERE state = 'accepted' AND kind != 'heartbeat' AND purged_at IS NULL AND settled_at <= ?`)
      .pluck()
      .all(cutoff) as string[];
    const wipe = db.prepare('UPDATE outbox SET body = NULL, purged_at = ? WHERE client_id = ?');
    const unlink = db.prepare('DELETE FROM outbox_attachments WHERE client_id = ?');
    for (const id of ids) {
      wipe.run(now, id);
      unlink.run(id);
    }
    const heartbeats = db.prepare(`DELETE FROM outbox WHERE kind = 'heartbeat' AND state = 'accepted' AND settled_at <= ?`).run(cutoff).changes;
    const gone = attachments.purgeUnreferenced(db);
    if (ids.length || gone.length) audit.appendIn(db, 'purge', { items: ids.length, attachments: gone.length });
    return { items: ids.length, gone, heartbeats };
  });
  for (const address of result.gone) attachments.removeFile(address);
  return { items: result.items, attachments: result.gone.length, heartbeats: result.heartbeats };
}
