import { CATALOG } from '../contract/catalog';
import { err, ok, type EventPayload, type PlatformAdapterHealth, type Result } from '../contract';
import type { Heartbeat, HeartbeatResponse } from '../contract/platform';
import { plainFileSealer, type SecretSealer } from '../offline-cache/crypto/key-vault';
import type { FetchLike } from '../offline-cache/sync/platform-fetch';
import { openOfflineCache, type OfflineCache } from '../offline-cache/offline-cache';
import type { EventBus } from './api/events';
import type { HandlerTable } from './api/dispatch';
import { outboxHandlers } from './platform/handlers/outbox';
import { keyFingerprints } from './operations/maintenance/key-fingerprints';
import { ConfigError, type KioskConfig } from './config';
import { checkCodeMap, choosePlatformAdapter, platformAdapterHealth } from './platform/adapter';
import type { CatalogHealth } from './operations/diagnostics/findings';
import { fingerprint, readImportedPlatformKey, sm2Fingerprint } from './provisioning';
import { isUnsealed } from './key-sealing';
import type { Logger } from './log';
import { ApplicationsService } from './platform/applications';
import { outboxMaintenance, sqliteAuditTrail } from './operations/outbox-levers';
import { SyncService } from './platform/sync';
import { ActiveCatalog } from './platform/active-catalog';

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
  /** The catalog in use: the verified platform one or the built-in one, swapped between residents. */
  readonly catalog: ActiveCatalog;
  readonly sync: SyncService;
  readonly applications: ApplicationsService;
  /** The adapter and its code map, checked against the catalog active now (dashboard, doctor). */
  readonly platformAdapter: () => PlatformAdapterHealth;
  readonly handlers: Pick<HandlerTable, 'sync.status' | 'outbox.summary' | 'outbox.quarantined' | 'audit.head' | 'maintenance.keys' | 'catalog.current'>;
  close(): Promise<void>;
}

/** Opens the store (integrity check, migrations), then wires delivery and the services other parts call. */
export function composeOffline(d: OfflineDeps): Offline {
  const { config, logger } = d;
  let sync: SyncService | null = null;
  const adapter = choosePlatformAdapter(config);
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
    returnSpreadMs: config.offline.returnSpreadMs,
    damagedCopies: { keep: 3, maxAgeMs: config.offline.retentionDays * 86_400_000 },
    ...(adapter.factory ? { platform: adapter.factory } : {}),
    onSyncStatus: (s) => sync?.publish(s),
    ...(d.onHeartbeatReply ? { onHeartbeatReply: (r: unknown) => d.onHeartbeatReply!(r as HeartbeatResponse) } : {}),
  });
  // A platform key imported by provisioning (docs/provisioning.md) is the one pinned.
  const imported = readImportedPlatformKey(config.dataDir);
  if (imported && cache.store.getMeta('platform_public_key') !== imported.platformPublicKey) {
    cache.pinPlatformKey(imported.platformPublicKey);
    logger.info({ fingerprint: fingerprint(Buffer.from(imported.platformPublicKey, 'base64')) }, 'pinned the imported platform key');
  }
  if (imported?.platformSm2PublicKey && cache.store.getMeta('platform_sm2_public_key') !== imported.platformSm2PublicKey) {
    cache.pinPlatformSm2Key(imported.platformSm2PublicKey);
    logger.info({ fingerprint: sm2Fingerprint(imported.platformSm2PublicKey) }, 'pinned the imported platform SM2 key: catalogs must carry a valid SM2 signature (国密)');
  }
  const catalogState = cache.catalog.state();
  if (catalogState.storedUnusable) logger.error({ problem: catalogState.storedUnusable, using: catalogState.version }, 'the stored catalog could not be used: running on the built-in catalog (CATALOG-STORED-UNUSABLE on the dashboard)');
  const catalog = new ActiveCatalog(
    { catalog: cache.catalog.catalog, version: cache.catalog.version, source: catalogState.source },
    { bus: d.bus, sessionInProgress: () => d.currentSessionId() !== null, logger },
  );
  cache.catalog.onChange((c) => catalog.offer({ catalog: c, version: c.version, source: 'platform' }));
  if (adapter.codeMap && config.platform.codeMapFile) {
    // Every code the active catalog could send must have the province's: production refuses to start without.
    const problem = checkCodeMap(adapter.codeMap, config.platform.codeMapFile, cache.catalog.catalog);
    if (problem && config.mode === 'production') {
      cache.store.close();
      throw new ConfigError('platform.codeMapFile', problem, config.platform.codeMapFile);
    }
    if (problem) logger.warn({ adapter: cache.client.adapter }, problem);
    else logger.info({ adapter: cache.client.adapter, province: adapter.codeMap.province }, 'platform adapter and code map checked against the catalog');
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
  const codeMap = adapter.codeMap && config.platform.codeMapFile ? { map: adapter.codeMap, file: config.platform.codeMapFile } : null;
  return {
    cache,
    catalog,
    sync: s,
    applications,
    platformAdapter: () => platformAdapterHealth(cache.client.adapter, codeMap, catalog.current().catalog),
    handlers: {
      ...outboxHandlers(cache),
      'catalog.current': () => {
        const c = catalog.current();
        return ok({ version: c.version, source: c.source, oneThings: [...c.catalog.oneThings], eCertificates: [...c.catalog.eCertificates] });
      },
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
  useCatalog(version: () => string, refresh: () => Promise<Result<string>>, health?: () => CatalogHealth): void;
  usePlatformAdapter(health: () => PlatformAdapterHealth, port?: Pick<OfflineCache['client'], 'health' | 'platformNow'>): void;
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
    () => offline.catalog.version,
    async () => {
      const r = await cache.catalog.refresh(cache.client);
      if (r.kind === 'updated') return ok(offline.catalog.waiting === r.version ? `已校验事项目录 ${r.version}，当前群众办完后启用` : `已更新事项目录 ${r.version}`);
      if (r.kind === 'unchanged') return ok(`事项目录已是最新 ${cache.catalog.version}`);
      if (r.refusal === 'fetch') return err('platform-unreachable', '暂时取不到事项目录，继续使用原目录。', { detail: r.reason });
      return err('platform-rejected', '事项目录更新未通过校验，继续使用原目录。', { detail: `${r.refusal}: ${r.reason}` });
    },
    () => cache.catalog.state(),
  );
  operations.usePlatformAdapter(offline.platformAdapter, cache.client);
}
