import { CATALOG } from '../contract/catalog';
import { err, ok, type EventPayload, type Result } from '../contract';
import type { Heartbeat, HeartbeatResponse } from '../contract/platform';
import { plainFileSealer, type SecretSealer } from '../offline-cache/crypto/key-vault';
import type { FetchLike } from '../offline-cache/sync/platform-fetch';
import { openOfflineCache, type OfflineCache } from '../offline-cache/offline-cache';
import type { EventBus } from './api/events';
import type { HandlerTable } from './api/dispatch';
import { outboxHandlers } from './platform/handlers/outbox';
import { keyFingerprints } from './operations/maintenance/key-fingerprints';
import type { KioskConfig } from './config';
import { fingerprint, readImportedPlatformKey } from './provisioning';
import { isUnsealed } from './key-sealing';
import type { Logger } from './log';
import { ApplicationsService } from './platform/applications';
import { outboxMaintenance, sqliteAuditTrail } from './operations/outbox-levers';
import { SyncService } from './platform/sync';

export interface OfflineDeps {
  readonly config: KioskConfig;
  readonly platformUrl: string;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly currentSessionId: () => string | null;
  /** How the keys are sealed (host/key-sealing.ts in the web shell, safeStorage in Electron); default the plain 0600 file. */
  readonly sealer?: SecretSealer;
  /** How headerless key files from before sealing are read; they are sealed on open. */
  readonly legacySealers?: readonly SecretSealer[];
  /** Transport to the platform (CA bundle, client certificate). */
  readonly fetch?: FetchLike;
  readonly onHeartbeatReply?: (reply: HeartbeatResponse) => void;
}

export interface Offline {
  readonly cache: OfflineCache;
  readonly sync: SyncService;
  readonly applications: ApplicationsService;
  readonly handlers: Pick<HandlerTable, 'sync.status' | 'outbox.summary' | 'outbox.quarantined' | 'audit.head' | 'maintenance.keys'>;
  close(): Promise<void>;
}

/** Opens the store (integrity check, migrations), then wires delivery and the services other parts call. */
export function composeOffline(d: OfflineDeps): Offline {
  const { config, logger } = d;
  let sync: SyncService | null = null;
  const cache = openOfflineCache({
    dataDir: config.dataDir,
    kioskId: config.kioskId,
    platformUrl: d.platformUrl,
    requestTimeoutMs: config.platform.timeoutMs,
    ...(d.fetch ? { fetch: d.fetch } : {}),
    sealer: d.sealer ?? plainFileSealer,
    ...(d.legacySealers ? { legacySealers: d.legacySealers } : {}),
    builtInCatalog: CATALOG,
    cipher: config.offline.cipher === 'sm4' ? 'sm4-cbc-hmac-sm3' : 'aes-256-gcm',
    auditHash: config.offline.auditHash,
    bootJitterMs: config.offline.bootJitterMs,
    damagedCopies: { keep: 3, maxAgeMs: config.offline.retentionDays * 86_400_000 },
    onSyncStatus: (s) => sync?.publish(s),
    ...(d.onHeartbeatReply ? { onHeartbeatReply: (r: unknown) => d.onHeartbeatReply!(r as HeartbeatResponse) } : {}),
  });
  // A platform key imported by provisioning (docs/provisioning.md) is the one pinned.
  const imported = readImportedPlatformKey(config.dataDir);
  if (imported && cache.store.getMeta('platform_public_key') !== imported.platformPublicKey) {
    cache.pinPlatformKey(imported.platformPublicKey);
    logger.info({ fingerprint: fingerprint(Buffer.from(imported.platformPublicKey, 'base64')) }, 'pinned the imported platform key');
  }
  const integrity = cache.integrity;
  if (!integrity.ok) {
    logger.error(
      {
        messages: integrity.messages.slice(0, 10),
        recovered: integrity.recovered,
        lost: integrity.lost,
        atLeast: integrity.tailUnknown || integrity.incomplete || integrity.uncounted,
        unreadable: Object.fromEntries(Object.entries(integrity.unreadable).map(([t, ids]) => [t, ids.length])),
        kept: integrity.quarantinedFile,
        elapsedMs: integrity.elapsedMs,
      },
      integrity.quarantinedFile ? 'database was damaged: salvaged what could be read into a fresh file (DB-SALVAGED on the dashboard)' : 'database failed its integrity check at boot; repaired',
    );
  }
  if (cache.keyWarning) logger.warn({ warning: cache.keyWarning }, 'key files');
  if (cache.keySealing.migrated.length > 0) logger.info({ sealing: cache.keySealing.kind, keys: cache.keySealing.migrated }, 'sealed plain key files in place; the plain copies were overwritten and removed');
  if (isUnsealed(cache.keySealing.kind) && config.mode === 'production') {
    logger.error({ sealing: cache.keySealing.kind }, 'KEYS-UNSEALED: production kiosk with plain key files; a copy of the data folder reads every record (docs/provisioning.md, "Key sealing")');
  }
  sync = new SyncService(cache, d.bus, logger, {
    servicePoint: config.servicePoint,
    provisioningToken: config.mode === 'demo' ? config.offline.provisioningToken : null,
    retentionMs: config.offline.retentionDays * 86_400_000,
    catalogRefreshMs: 3_600_000,
    bootJitterMs: config.offline.bootJitterMs,
  });
  const applications = new ApplicationsService(cache, d.currentSessionId, logger, () => cache.engine.kick(), { diskFloorBytes: config.offline.diskFloorMb * 1024 * 1024 });
  auditDataEvents(d.bus, cache);
  const s = sync;
  return {
    cache,
    sync: s,
    applications,
    handlers: {
      ...outboxHandlers(cache),
      'maintenance.keys': () =>
        ok(
          keyFingerprints({
            kioskId: config.kioskId,
            devicePublicKeyBase64: cache.signer.publicKeyBase64,
            pinnedPlatformKey: cache.store.getMeta('platform_public_key'),
            imported: readImportedPlatformKey(config.dataDir),
            keySealing: cache.keySealing.kind,
          }),
        ),
    },
    async close() {
      await s.stop();
      await cache.close();
    },
  };
}

/**
 * Card reads and printed receipts go into the audit chain as they happen
 * (submissions, deliveries and purges are written by the store itself).
 * Details are ids and card types only, never personal data.
 */
function auditDataEvents(bus: EventBus, cache: OfflineCache): void {
  let identifiedSession: string | null = null;
  bus.subscribe((m) => {
    if (m.event === 'session.changed') {
      const s = m.payload as EventPayload<'session.changed'>;
      if (s?.identity && s.id !== identifiedSession) {
        identifiedSession = s.id;
        cache.audit.append('card-read', { sessionId: s.id, cardType: s.identity.cardType });
      }
      if (!s) identifiedSession = null;
    } else if (m.event === 'receipts.job') {
      const job = m.payload as EventPayload<'receipts.job'>;
      if (job.status === 'printed') cache.audit.append('print', { jobId: job.jobId, sessionId: job.sessionId });
    }
  });
}

/** What maintenance, diagnostics and the heartbeat need from the offline store (see host/operations.ts). */
export interface OperationsPlugs {
  useOutbox(outbox: ReturnType<typeof outboxMaintenance>): void;
  useAuditTrail(audit: ReturnType<typeof sqliteAuditTrail>): void;
  useHeartbeatChannel(channel: { deliver(heartbeat: Heartbeat): void }): void;
  usePlatformKey(key: () => string | null): void;
  useKeySealing(sealing: { readonly kind: string; readonly migrated: readonly string[] }): void;
  useCatalog(version: () => string, refresh: () => Promise<Result<string>>): void;
}

/** Plugs the outbox, the audit chain, heartbeat delivery, the pinned platform key and the catalog into operations. */
export function plugOfflineIntoOperations(offline: Offline, operations: OperationsPlugs): void {
  const { cache } = offline;
  operations.useOutbox(outboxMaintenance(cache));
  operations.useAuditTrail(sqliteAuditTrail(cache));
  operations.useHeartbeatChannel({
    deliver(heartbeat) {
      // The newest heartbeat replaces a queued one: a week offline sends one, not thousands.
      cache.outbox.enqueueHeartbeat(heartbeat);
      cache.engine.kick();
    },
  });
  operations.usePlatformKey(() => cache.store.getMeta('platform_public_key'));
  operations.useKeySealing(cache.keySealing);
  operations.useCatalog(
    () => cache.catalog.version,
    async () => {
      const r = await cache.catalog.refresh(cache.client);
      if (r.kind === 'updated') return ok(`已更新事项目录 ${r.version}`);
      if (r.kind === 'unchanged') return ok(`事项目录已是最新 ${cache.catalog.version}`);
      return err('platform-rejected', '事项目录更新未通过校验，继续使用原目录。', { detail: r.reason });
    },
  );
}
