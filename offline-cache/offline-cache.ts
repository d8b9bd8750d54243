import path from 'node:path';
import type { Catalog } from '../contract/catalog/schema';
import { ApplicationLedger } from './applications/ledger';
import { purgeDelivered, type PurgeReport } from './applications/retention';
import { AttachmentStore } from './attachments/attachment-store';
import { AuditChain, type ChainHash } from './audit/audit-chain';
import { catalogFitsJourneys } from '../contract/journeys/catalog-fit';
import { CatalogCache } from './catalog/catalog-cache';
import { loadOrCreateDataKey, type SecretSealer } from './crypto/key-vault';
import { createRecordCipher, deriveKeys, type CipherAlgorithm } from './crypto/record-cipher';
import type { BackoffPolicy, Random } from './outbox/backoff';
import { Outbox } from './outbox/outbox';
import { PrintJobStore } from './print/print-jobs';
import { Store } from './store/database';
import type { IntegrityReport, SalvageSummary } from './store/recovery';
import { AttachmentUploader } from './sync/attachment-uploader';
import type { Clock } from './sync/clock';
import { loadOrCreateDeviceSigner, type DeviceSigner } from './sync/device-identity';
import { PlatformClient } from './sync/platform-client';
import type { PlatformPort } from './sync/platform-port';
import type { FetchLike } from './sync/platform-fetch';
import { StatusPuller } from './sync/status-puller';
import { SyncEngine, type SyncStatus } from './sync/sync-engine';

export interface OfflineCacheOptions {
  readonly dataDir: string;
  readonly kioskId: string;
  readonly platformUrl: string;
  readonly requestTimeoutMs: number;
  /** Transport to the platform (CA bundle, client certificate); the global fetch when absent. */
  readonly fetch?: FetchLike;
  /**
   * The platform adapter (docs/platform-api.md): builds the `PlatformPort`
   * from the kiosk's signer; the v1 HTTP client when absent.
   */
  readonly platform?: PlatformFactory;
  /** How the data and device keys are sealed: a 0600 file (web shell) or Electron safeStorage. */
  readonly sealer: SecretSealer;
  /** How headerless key files from before sealing are read (default: the plain 0600 file); they are sealed on open. */
  readonly legacySealers?: readonly SecretSealer[];
  readonly builtInCatalog: Catalog;
  /** What the journeys cannot run with in a catalog update; default `catalogFitsJourneys` against the built-in one. */
  readonly catalogFits?: (catalog: Catalog) => string[];
  readonly cipher?: CipherAlgorithm;
  readonly auditHash?: ChainHash;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly backoff?: BackoffPolicy;
  readonly bootJitterMs?: number;
  /** Damaged copies of a salvaged store: how many, and for how long (the retention period). */
  readonly damagedCopies?: { readonly keep: number; readonly maxAgeMs: number };
  readonly idlePollMs?: number;
  readonly reconnectSpreadMs?: number;
  /** Spread of the retry once the health probe sees the platform again after an outage (pacing.ts). */
  readonly returnSpreadMs?: number;
  readonly onSyncStatus?: (status: SyncStatus) => void;
  readonly onHeartbeatReply?: (reply: unknown) => void;
}

/** What an adapter is built from: where the platform is, the kiosk's signer, the request timeout and the TLS transport. */
export interface PlatformDeps {
  readonly baseUrl: string;
  readonly signer: DeviceSigner;
  readonly timeoutMs: number;
  readonly fetch?: FetchLike;
}

export type PlatformFactory = (deps: PlatformDeps) => PlatformPort;

export interface OfflineCache {
  readonly store: Store;
  readonly integrity: IntegrityReport;
  readonly outbox: Outbox;
  readonly ledger: ApplicationLedger;
  readonly attachments: AttachmentStore;
  readonly audit: AuditChain;
  readonly catalog: CatalogCache;
  /** The platform behind its port: the v1 client or the configured province adapter. */
  readonly client: PlatformPort;
  readonly engine: SyncEngine;
  readonly signer: DeviceSigner;
  /** Receipts and A4 documents waiting for paper or a printer (durable). */
  readonly printJobs: PrintJobStore;
  /** The platform key pinned at provisioning (catalog and command signatures). */
  pinPlatformKey(publicKeyBase64: string): void;
  /** The platform's SM2 key (`04` + 128 hex): with it pinned, 国密 is on and catalogs must carry a valid SM2 signature. */
  pinPlatformSm2Key(publicKeyHex: string): void;
  /** Purges personal data of items delivered longer than `retentionMs` ago (never ahead of the platform's clock). */
  purge(retentionMs: number): PurgeReport;
  /** Technician action: the salvage reports stop being a finding (audited; the platform keeps being told the gone numbers). Returns how many. */
  acknowledgeSalvage(by: string): number;
  /** The platform's highest numbers from this kiosk (provisioning, heartbeat replies): local numbering continues after them. */
  continueNumbering(highest: { readonly applications?: number; readonly evaluations?: number; readonly feedback?: number } | undefined): boolean;
  close(): Promise<void>;
  readonly keyWarning: string | null;
  /** How the keys are sealed on disk, and which were sealed in place at this start (from a plain file). */
  readonly keySealing: { readonly kind: string; readonly migrated: readonly string[] };
}

/**
 * Opens the kiosk's offline store and everything built on it. One call at a
 * composition root; `close()` stops sync (after the request in flight) and
 * checkpoints the file.
 */
export function openOfflineCache(o: OfflineCacheOptions): OfflineCache {
  const clock = o.clock;
  const now = clock ? () => clock.now() : Date.now;
  const store = Store.open({ dataDir: o.dataDir, ...(o.damagedCopies ? { damagedCopies: o.damagedCopies } : {}) });
  const dataKey = loadOrCreateDataKey(path.join(o.dataDir, 'keys', 'data.key'), o.sealer, o.legacySealers);
  const signer = loadOrCreateDeviceSigner(path.join(o.dataDir, 'keys', 'device.key'), o.kioskId, o.sealer, o.legacySealers);
  const cipher = createRecordCipher(dataKey.key, o.cipher ?? 'aes-256-gcm');
  const keys = deriveKeys(dataKey.key);
  const deps: PlatformDeps = { baseUrl: o.platformUrl, signer, timeoutMs: o.requestTimeoutMs, ...(o.fetch ? { fetch: o.fetch } : {}) };
  const client = o.platform ? o.platform(deps) : new PlatformClient(deps);
  const outbox = new Outbox(store, cipher, {
    now,
    settledNow: () => client.platformNow() ?? now(),
    ...(o.random ? { random: o.random } : {}),
    ...(o.backoff ? { backoff: o.backoff } : {}),
  });
  const attachments = new AttachmentStore(store, cipher, now);
  // The audit MAC key is sealed like the data key: a rewrite of the chain is detected on the kiosk itself.
  const auditKey = loadOrCreateDataKey(path.join(o.dataDir, 'keys', 'audit.key'), o.sealer, o.legacySealers);
  const migrated = [
    ...(dataKey.migratedFrom ? ['data.key'] : []),
    ...(signer.sealing.migratedFrom ? ['device.key'] : []),
    ...(auditKey.migratedFrom ? ['audit.key'] : []),
  ];
  const keyWarnings = [dataKey.warning, signer.sealing.warnings.join('; ') || null, auditKey.warning].filter((w): w is string => !!w);
  const audit = new AuditChain(store, o.auditHash ?? 'sha256', now, auditKey.key);
  auditSalvages(store, audit);
  const ledger = new ApplicationLedger(store, outbox, attachments, audit, { kioskId: o.kioskId, lookupKey: keys.lookup, now });
  let platformKey: Uint8Array | null = null;
  const pinned = store.getMeta('platform_public_key');
  if (pinned) platformKey = Buffer.from(pinned, 'base64');
  const continueNumbering: OfflineCache['continueNumbering'] = (highest) => {
    if (!highest) return false;
    const pairs = [['application', highest.applications], ['evaluation', highest.evaluations], ['feedback', highest.feedback]] as const;
    return store.durable((db) => pairs.map(([kind, seq]) => (typeof seq === 'number' ? outbox.raiseStreamFloorIn(db, kind, seq) : false)).some(Boolean));
  };
  let platformSm2Key: string | null = store.getMeta('platform_sm2_public_key');
  const catalog = new CatalogCache(store, o.builtInCatalog, () => ({ ed25519: platformKey, sm2: platformSm2Key }), { now, fits: o.catalogFits ?? ((c) => catalogFitsJourneys(c, o.builtInCatalog)) });
  const engine = new SyncEngine({
    outbox,
    client,
    uploader: new AttachmentUploader(client, attachments),
    statusPuller: new StatusPuller(store, client),
    ...(clock ? { clock } : {}),
    ...(o.random ? { random: o.random } : {}),
    ...(o.backoff ? { backoff: o.backoff } : {}),
    ...(o.bootJitterMs !== undefined ? { bootJitterMs: o.bootJitterMs } : {}),
    ...(o.idlePollMs !== undefined ? { idlePollMs: o.idlePollMs } : {}),
    ...(o.reconnectSpreadMs !== undefined ? { reconnectSpreadMs: o.reconnectSpreadMs } : {}),
    ...(o.returnSpreadMs !== undefined ? { returnSpreadMs: o.returnSpreadMs } : {}),
    ...(o.onSyncStatus ? { onStatus: o.onSyncStatus } : {}),
    onHeartbeatReply: (reply: unknown) => {
      continueNumbering((reply as { highestSeqs?: Parameters<OfflineCache['continueNumbering']>[0] } | null)?.highestSeqs);
      o.onHeartbeatReply?.(reply);
    },
    // One audit entry per answered batch, not per item: the chain records that data left the kiosk.
    onSettled: (kind, accepted, quarantined) => audit.appendLight('delivery', { kind, accepted, quarantined }),
  });
  return {
    store,
    integrity: store.integrity,
    outbox,
    ledger,
    attachments,
    audit,
    catalog,
    client,
    engine,
    signer,
    printJobs: new PrintJobStore(store, cipher, now),
    keyWarning: keyWarnings.length > 0 ? keyWarnings.join('; ') : null,
    keySealing: { kind: o.sealer.kind, migrated },
    pinPlatformKey(publicKeyBase64) {
      const bytes = Buffer.from(publicKeyBase64, 'base64');
      if (bytes.length !== 32) throw new Error('platform key must be 32 bytes');
      store.durable((db) =>
        db.prepare(`INSERT INTO meta (key, value) VALUES ('platform_public_key', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(publicKeyBase64),
      );
      platformKey = bytes;
    },
    pinPlatformSm2Key(publicKeyHex) {
      if (!/^04[0-9a-f]{128}$/.test(publicKeyHex)) throw new Error('platform SM2 key must be 04 + 128 lower-case hex digits');
      store.durable((db) =>
        db.prepare(`INSERT INTO meta (key, value) VALUES ('platform_sm2_public_key', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(publicKeyHex),
      );
      platformSm2Key = publicKeyHex;
    },
    continueNumbering,
    acknowledgeSalvage: (by) =>
      store.acknowledgeSalvage((db, reports) => {
        for (const r of reports) audit.appendIn(db, 'salvage-acknowledged', { salvagedAt: r.at, by, ...lostDetail(r) });
      }, now()).length,
    purge: (retentionMs) => {
      // A wall clock that jumped a day ahead must not purge a day early: the cutoff never runs ahead of the
      // platform's clock (carried on the monotonic clock); before any platform answer nothing is purged.
      const platform = client.platformNow();
      if (platform === null) return { items: 0, attachments: 0, heartbeats: 0 };
      return purgeDelivered(store, attachments, audit, retentionMs, Math.min(now(), platform + 1_000));
    },
    async close() {
      await engine.stop();
      store.close();
    },
  };
}

const SALVAGE_AUDITED_KEY = 'salvage.audited-through';

function lostDetail(r: SalvageSummary): Record<string, number | boolean | string | null> {
  return { ...r.lost, atLeast: r.tailUnknown || r.incomplete || r.uncounted === true, damagedCopy: r.damagedCopy };
}

/** A salvage goes into the audit chain once, at the boot after it (what was lost, where the damaged copy is). */
function auditSalvages(store: Store, audit: AuditChain): void {
  const through = Number(store.getMeta(SALVAGE_AUDITED_KEY) ?? 0);
  const fresh = store.salvageReports().filter((r) => r.at > through);
  if (fresh.length === 0) return;
  store.durable((db) => {
    for (const r of fresh) audit.appendIn(db, 'salvage', { salvagedAt: r.at, ...lostDetail(r), gone: r.gone.application.length + r.gone.evaluation.length + r.gone.feedback.length });
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SALVAGE_AUDITED_KEY, String(Math.max(...fresh.map((r) => r.at))));
  });
}
