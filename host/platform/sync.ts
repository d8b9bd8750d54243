import type { EventPayload, SyncStatusView } from '../../contract';
import { backoffDelay } from '../../offline-cache/outbox/backoff';
import type { OfflineCache } from '../../offline-cache/offline-cache';
import type { SyncStatus } from '../../offline-cache/sync/sync-engine';
import type { EventBus } from '../api/events';
import type { Logger } from '../log';

export interface SyncServiceOptions {
  readonly servicePoint: string;
  /** Demo/dev platforms register a kiosk key with this token; null = the key is provisioned out of band. */
  readonly provisioningToken: string | null;
  readonly retentionMs: number;
  readonly catalogRefreshMs: number;
  readonly bootJitterMs: number;
}

export function toSyncStatusView(s: SyncStatus, now: number = Date.now()): SyncStatusView {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    online: s.online,
    lastSuccessAt: iso(s.lastSuccessAt),
    lastAttemptAt: iso(s.lastAttemptAt),
    lastError: s.lastError,
    queueDepth: s.queueDepth,
    quarantined: s.quarantined,
    oldestPendingAt: iso(s.oldestPendingAt),
    oldestPendingAgeSec: s.oldestPendingAt === null ? null : Math.max(0, Math.floor((now - s.oldestPendingAt) / 1000)),
    nextAttemptAt: iso(s.nextAttemptAt),
    consecutiveFailures: s.consecutiveFailures,
  };
}

/**
 * Runs delivery for the host: registers the kiosk key with a demo platform
 * (retrying with backoff while it is unreachable), pins the platform key,
 * starts the sync engine, refreshes the signed catalog and purges delivered
 * personal data after the retention period.
 */
export class SyncService {
  private timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe: (() => void)[] = [];
  private stopped = false;
  private lastPublished = '';

  constructor(
    private readonly cache: OfflineCache,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly options: SyncServiceOptions,
  ) {}

  start(): void {
    this.publish(this.cache.engine.status());
    // The connectivity monitor saw the platform answer again: the engine need not wait out a long backoff.
    const unsubscribe = this.bus.subscribe((m) => {
      if (m.event === 'system.connectivity' && (m.payload as EventPayload<'system.connectivity'>).online) this.cache.engine.platformReturned();
    });
    this.unsubscribe.push(unsubscribe);
    void this.provisionThenRun(1);
    const purge = setInterval(() => this.purge(), Math.max(60_000, Math.min(this.options.retentionMs, 3_600_000)));
    purge.unref();
    this.timers.push(purge);
    this.cache.attachments.cleanOrphans();
  }

  /** Called by the engine's onStatus hook; publishes only real changes. */
  publish(status: SyncStatus): void {
    const view = toSyncStatusView(status);
    const key = JSON.stringify({ ...view, oldestPendingAgeSec: null });
    if (key === this.lastPublished) return;
    this.lastPublished = key;
    this.bus.emit('sync.status', view);
  }

  purge(): void {
    const r = this.cache.purge(this.options.retentionMs);
    if (r.items || r.attachments) this.logger.info(r, 'purged personal data of delivered items');
  }

  async refreshCatalog(): Promise<void> {
    const r = await this.cache.catalog.refresh(this.cache.client);
    if (r.kind === 'updated') this.logger.info({ version: r.version }, 'catalog updated from the platform');
    else if (r.kind === 'rejected' && r.refusal !== 'fetch') this.logger.error({ refusal: r.refusal, reason: r.reason }, 'catalog update refused; previous catalog kept (CATALOG-REFUSED on the dashboard)');
    else if (r.kind === 'rejected') this.logger.warn({ reason: r.reason }, 'catalog not fetched; previous catalog kept');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const u of this.unsubscribe.splice(0)) u();
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    await this.cache.engine.stop();
  }

  private async provisionThenRun(attempt: number): Promise<void> {
    if (this.stopped) return;
    const pinned = this.cache.store.getMeta('platform_public_key');
    if (!pinned && this.options.provisioningToken) {
      const r = await this.cache.client.provision(this.options.provisioningToken, this.options.servicePoint);
      // Stopped while the platform was answering: the store may be closed already. The registration is
      // made again at the next start (the platform takes the same key again), never half-written now.
      if (this.stopped) return;
      if (r.kind === 'ok') {
        this.cache.pinPlatformKey(r.value.platformPublicKey);
        if (r.value.platformSm2PublicKey) this.cache.pinPlatformSm2Key(r.value.platformSm2PublicKey);
        if (this.cache.continueNumbering(r.value.highestSeqs)) this.logger.warn({ highest: r.value.highestSeqs }, 'the platform holds higher numbers from this kiosk than its store: numbering continues after them');
        this.logger.info({ keyId: r.value.platformKeyId }, 'kiosk key registered with the platform');
      } else if (r.kind === 'refused') {
        this.logger.error({ code: r.code, reason: r.reason }, 'platform refused to register the kiosk key; delivery continues and will be refused until a technician fixes it');
      } else {
        const wait = backoffDelay(attempt);
        this.logger.warn({ reason: 'reason' in r ? r.reason : r.kind, retryInMs: wait }, 'platform not reachable for key registration');
        const t = setTimeout(() => void this.provisionThenRun(attempt + 1), wait);
        t.unref();
        this.timers.push(t);
        // The queue keeps filling offline; delivery starts once registration succeeds.
        return;
      }
    }
    if (this.stopped) return;
    // Delivery starts after the boot jitter; the UI should not say "offline" meanwhile if the platform answers.
    const health = await this.cache.client.health();
    // Stopped while the platform was answering: noteReachable publishes the engine's status from the store,
    // which may be closed already (a SIGTERM in the first second crashed the kiosk on it).
    if (this.stopped) return;
    if (health.kind === 'ok') this.cache.engine.noteReachable();
    this.cache.engine.start();
    // Jittered like the engine's first attempt: a fleet booting together does not fetch the catalog together.
    const first = setTimeout(() => {
      void this.refreshCatalog();
      const refresh = setInterval(() => void this.refreshCatalog(), this.options.catalogRefreshMs);
      refresh.unref();
      this.timers.push(refresh);
    }, Math.floor(Math.random() * this.options.bootJitterMs));
    first.unref();
    this.timers.push(first);
  }
}
