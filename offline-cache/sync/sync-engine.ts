import { MAX_BATCH_ITEMS, MAX_BODY_BYTES, type ItemResult } from '../../contract/platform';
import { DEFAULT_BACKOFF, type BackoffPolicy, type Random } from '../outbox/backoff';
import type { ItemOutcome, OutboxItem, OutboxKind } from '../outbox/items';
import type { Outbox } from '../outbox/outbox';
import { asStoreUnavailable } from '../store/store-errors';
import type { AttachmentUploader } from './attachment-uploader';
import { systemClock, type Clock } from './clock';
import type { BatchStream, CallOutcome, PlatformPort } from './platform-port';
import { DEFAULT_PACING, waitAfterFailure, waitAfterReturn, waitWhenIdle, type PacingPolicy } from './pacing';
import type { StatusPuller } from './status-puller';

export interface SyncStatus {
  /** The platform answered the last request (any answer but a transport failure or 5xx). */
  readonly online: boolean;
  readonly lastSuccessAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly lastError: string | null;
  readonly queueDepth: number;
  readonly quarantined: number;
  readonly oldestPendingAt: number | null;
  /** When the engine will try next (null = idle, waiting for work). */
  readonly nextAttemptAt: number | null;
  readonly consecutiveFailures: number;
}

export interface SyncEngineOptions {
  readonly outbox: Outbox;
  /** The platform, behind its port (the v1 client or a province adapter). */
  readonly client: PlatformPort;
  readonly uploader: AttachmentUploader;
  readonly statusPuller?: StatusPuller | null;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly backoff?: BackoffPolicy;
  /** Spread of the first attempt after boot (a power cut ends for a whole town at once). */
  readonly bootJitterMs?: number;
  /** How often to look for status changes when nothing is queued. */
  readonly idlePollMs?: number;
  /** Minimum spread of the return after an outage the whole fleet noticed (see pacing.ts). */
  readonly reconnectSpreadMs?: number;
  /** Spread of the retry once the health probe sees the platform again after an outage (see pacing.ts). */
  readonly returnSpreadMs?: number;
  readonly maxBatchBytes?: number;
  readonly onStatus?: (status: SyncStatus) => void;
  readonly onHeartbeatReply?: (reply: unknown) => void;
  /** After each batch the platform answered: how many items it now has and how many it refused for good. */
  readonly onSettled?: (kind: OutboxKind, accepted: number, quarantined: number) => void;
}

type Cycle = { readonly failed: false } | { readonly failed: true; readonly reason: string; readonly retryAfterMs: number | null };

const STREAMS: Readonly<Record<Exclude<OutboxKind, 'heartbeat'>, BatchStream>> = {
  application: 'applications',
  evaluation: 'evaluations',
  feedback: 'feedback',
};
const ORDER: readonly OutboxKind[] = ['application', 'evaluation', 'feedback', 'heartbeat'];
/** Envelope overhead per item beyond its payload (clientId, seq, createdAt, keys). */
const ITEM_OVERHEAD = 160;

/**
 * Delivers the outbox and pulls status changes. One cycle pushes every due
 * item stream by stream in batches; a cycle that cannot reach the platform
 * ends early and the next one waits a full-jitter backoff (which also jitters
 * the first attempt after the network returns). New work wakes an idle
 * engine, never one that is backing off.
 */
export class SyncEngine {
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly pacing: PacingPolicy;
  private readonly maxBatchBytes: number;
  private batchBytes: number;
  private batchItems = MAX_BATCH_ITEMS;
  private failures = 0;
  private online = false;
  private lastSuccessAt: number | null = null;
  private lastAttemptAt: number | null = null;
  private lastError: string | null = null;
  private nextAttemptAt: number | null = null;
  private running: Promise<void> | null = null;
  private stopping = new AbortController();
  private wake = new AbortController();
  private cycleInFlight: Promise<Cycle> | null = null;
  private lastPullAt: number | null = null;
  private kicked = false;
  /** Set by `platformReturned`: the backoff wait in progress ends at this time instead. */
  private returnAt: number | null = null;

  constructor(private readonly options: SyncEngineOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    const backoff: BackoffPolicy = options.backoff ?? DEFAULT_BACKOFF;
    this.pacing = {
      backoff,
      idlePollMs: options.idlePollMs ?? DEFAULT_PACING.idlePollMs,
      reconnectSpreadMs: Math.min(options.reconnectSpreadMs ?? DEFAULT_PACING.reconnectSpreadMs, backoff.capMs),
      herdAfterFailures: DEFAULT_PACING.herdAfterFailures,
      returnSpreadMs: options.returnSpreadMs ?? DEFAULT_PACING.returnSpreadMs,
    };
    this.maxBatchBytes = Math.min(options.maxBatchBytes ?? MAX_BODY_BYTES - 64 * 1024, MAX_BODY_BYTES - 64 * 1024);
    this.batchBytes = Math.min(256 * 1024, this.maxBatchBytes);
  }

  start(): void {
    if (this.running) return;
    this.stopping = new AbortController();
    this.running = this.loop();
  }

  /** Stops after the request in flight; never abandons a half-settled batch. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake.abort();
    await this.running;
    this.running = null;
  }

  /** New work: wake an idle engine. An engine in backoff keeps its pace. */
  kick(): void {
    if (this.failures !== 0) return;
    // Remembered, so a kick that lands mid-cycle is not lost when the next wait begins.
    this.kicked = true;
    this.wake.abort();
  }

  /**
   * The platform answers its health check again after an outage. A long outage leaves the backoff window at
   * minutes (up to its cap); without this the queue would wait out the rest of it with the platform back.
   * The wait in progress is cut to a uniform draw over the return spread (never lengthened), so a fleet
   * that sees the platform return together still comes back spread out (`reconnect-herd` measures it).
   */
  platformReturned(): void {
    if (this.failures === 0 || this.nextAttemptAt === null) return;
    const at = this.clock.now() + waitAfterReturn(this.pacing, this.random);
    if (at >= this.nextAttemptAt) return;
    this.returnAt = at;
    this.wake.abort();
  }

  /** Technician's "sync now": one cycle at once, backoff or not. */
  async syncNow(): Promise<SyncStatus> {
    const r = await this.runCycle(true);
    if (!r.failed) this.kick();
    return this.status();
  }

  /** Something else just reached the platform (key registration, a health check at start). */
  noteReachable(): void {
    if (this.failures > 0) return;
    this.markReached();
    this.publish();
  }

  status(): SyncStatus {
    const s = this.options.outbox.summary();
    return {
      online: this.online,
      lastSuccessAt: this.lastSuccessAt,
      lastAttemptAt: this.lastAttemptAt,
      lastError: this.lastError,
      queueDepth: s.queued + s.sending,
      quarantined: s.quarantined,
      oldestPendingAt: s.oldestPendingAt,
      nextAttemptAt: this.nextAttemptAt,
      consecutiveFailures: this.failures,
    };
  }

  private async loop(): Promise<void> {
    const bootJitter = Math.floor(this.random() * (this.options.bootJitterMs ?? 0));
    if (bootJitter > 0) await this.waitFor(bootJitter);
    while (!this.stopping.signal.aborted) {
      const r = await this.runCycle();
      if (this.stopping.signal.aborted) break;
      const due = this.options.outbox.nextDueAt();
      const wait = r.failed
        ? waitAfterFailure(this.failures, r.retryAfterMs, this.pacing, this.random)
        : waitWhenIdle(due === null ? null : due - this.clock.now(), this.pacing);
      await this.waitFor(wait);
    }
  }

  private async waitFor(ms: number): Promise<void> {
    if (this.kicked && this.failures === 0) {
      this.kicked = false;
      return;
    }
    this.kicked = false;
    this.returnAt = null;
    let until = this.clock.now() + ms;
    const stopping = this.stopping.signal;
    for (;;) {
      this.nextAttemptAt = until;
      this.publish();
      const wake = new AbortController();
      this.wake = wake;
      // Stopping wakes this wait through a listener removed afterwards, not AbortSignal.any: on Node 20
      // every any() leaves a WeakRef in the long-lived stop signal's dependants set, one per wait, for
      // the life of the process (the soak's heap diff showed it growing with every sync cycle).
      const stop = () => wake.abort();
      if (stopping.aborted) wake.abort();
      else stopping.addEventListener('abort', stop, { once: true });
      try {
        await this.clock.sleep(Math.max(0, until - this.clock.now()), wake.signal);
      } finally {
        stopping.removeEventListener('abort', stop);
      }
      // Woken by the platform's return: the rest of the wait is the shorter, spread one.
      if (this.returnAt === null || stopping.aborted) break;
      until = this.returnAt;
      this.returnAt = null;
    }
    this.nextAttemptAt = null;
  }

  private runCycle(forcePull = false): Promise<Cycle> {
    this.cycleInFlight ??= this.cycle(forcePull).finally(() => {
      this.cycleInFlight = null;
    });
    return this.cycleInFlight;
  }

  private async cycle(forcePull: boolean): Promise<Cycle> {
    this.lastAttemptAt = this.clock.now();
    let pulled: Cycle;
    try {
      // Items a failed write left marked "sending" go back to the queue (the platform dedupes a resend).
      if (this.storeFailed) this.options.outbox.requeueSending();
      this.storeFailed = false;
      const result = await this.pushAll();
      // Status changes are pulled at most once per idle interval: a kick for each new submission does not add a pull.
      const pullDue = forcePull || this.lastPullAt === null || this.clock.now() - this.lastPullAt >= this.pacing.idlePollMs;
      pulled = result.failed || !pullDue ? result : await this.pull();
    } catch (e) {
      // A full disk or a failing card: this cycle failed, delivery backs off and tries again; the kiosk stays up.
      const broken = asStoreUnavailable(e);
      if (!broken) throw e;
      this.storeFailed = true;
      pulled = { failed: true, reason: `store: ${broken.reason}`, retryAfterMs: null };
    }
    if (pulled.failed) {
      this.failures++;
      this.lastError = pulled.reason;
      this.online = false;
    } else {
      this.failures = 0;
      this.lastError = null;
    }
    this.publish();
    return pulled;
  }

  private storeFailed = false;

  private async pull(): Promise<Cycle> {
    if (!this.options.statusPuller) return { failed: false };
    const r = await this.options.statusPuller.pullAll();
    if (r.kind === 'ok') {
      this.markReached();
      this.lastPullAt = this.clock.now();
      return { failed: false };
    }
    return { failed: true, reason: r.reason, retryAfterMs: r.retryAfterMs };
  }

  private async pushAll(): Promise<Cycle> {
    for (const kind of ORDER) {
      for (;;) {
        if (this.stopping.signal.aborted) return { failed: false };
        const batch = this.claim(kind);
        if (batch.length === 0) break;
        if (kind === 'heartbeat') {
          const r = await this.pushHeartbeats(batch);
          if (r.failed) return r;
          continue;
        }
        // Pipelined: the next batch is claimed and opened while this one is at the platform.
        let current: OutboxItem[] = batch;
        while (current.length) {
          let next: OutboxItem[] = [];
          const r = await this.pushBatch(kind, current, () => {
            if (!this.stopping.signal.aborted) next = this.claim(kind);
          });
          if (r.failed) {
            if (next.length) this.options.outbox.release(next.map((i) => i.clientId), r.reason);
            return r;
          }
          current = next;
        }
      }
    }
    return { failed: false };
  }

  private claim(kind: OutboxKind): OutboxItem[] {
    return this.options.outbox.claimBatch(kind, { maxBytes: this.batchBytes, maxItems: this.batchItems });
  }

  private markReached(): void {
    this.online = true;
    this.lastSuccessAt = this.clock.now();
  }

  private async pushHeartbeats(batch: readonly OutboxItem[]): Promise<Cycle> {
    for (const [i, item] of batch.entries()) {
      const payload = { ...(JSON.parse(item.payloadJson) as Record<string, unknown>), heartbeatId: item.clientId };
      const r = await this.options.client.heartbeat(JSON.stringify(payload));
      if (r.kind === 'ok') {
        this.markReached();
        this.options.outbox.settle([{ clientId: item.clientId, outcome: 'accepted', platformRef: r.value.receivedAt }]);
        this.options.onHeartbeatReply?.(r.value);
      } else if (r.kind === 'refused') {
        this.markReached();
        this.options.outbox.settle([{ clientId: item.clientId, outcome: 'rejected', reason: `${r.code}: ${r.reason}` }]);
      } else {
        this.options.outbox.release(batch.slice(i).map((b) => b.clientId), describe(r));
        return failure(r);
      }
    }
    return { failed: false };
  }

  private async pushBatch(kind: Exclude<OutboxKind, 'heartbeat'>, claimed: readonly OutboxItem[], whileInFlight: () => void = () => {}): Promise<Cycle> {
    const outbox = this.options.outbox;
    const ready: OutboxItem[] = [];
    for (const [i, item] of claimed.entries()) {
      if (item.attachments.length === 0) {
        ready.push(item);
        continue;
      }
      const upload = await this.uploadAttachments(item);
      if (upload.kind === 'broken') {
        outbox.settle([{ clientId: item.clientId, outcome: 'rejected', reason: upload.reason }]);
        continue;
      }
      if (upload.kind === 'transient') {
        outbox.release(claimed.slice(i).map((c) => c.clientId), upload.reason);
        if (ready.length) outbox.release(ready.map((c) => c.clientId), upload.reason);
        return { failed: true, reason: upload.reason, retryAfterMs: upload.retryAfterMs };
      }
      ready.push(item);
    }
    if (ready.length === 0) return { failed: false };
    const { body, sent, leftover } = this.encode(ready);
    if (leftover.length) outbox.release(leftover.map((i) => i.clientId), 'batch split to fit 1 MiB');
    const sending = this.options.client.pushBatch(STREAMS[kind], body);
    // Let the request reach the socket before the synchronous claim of the next batch.
    await new Promise((resolve) => setImmediate(resolve));
    whileInFlight();
    const r = await sending;
    const ids = sent.map((i) => i.clientId);
    switch (r.kind) {
      case 'ok':
        this.markReached();
        {
          const outcomes = this.outcomes(sent, r.value);
          outbox.settle(outcomes);
          const accepted = outcomes.filter((o) => o.outcome === 'accepted' || o.outcome === 'duplicate').length;
          const refused = outcomes.filter((o) => o.outcome === 'rejected').length;
          if (accepted || refused) this.options.onSettled?.(kind, accepted, refused);
        }
        this.batchBytes = Math.min(this.maxBatchBytes, this.batchBytes * 2);
        this.batchItems = Math.min(MAX_BATCH_ITEMS, this.batchItems * 2);
        return { failed: false };
      case 'too-large':
        this.markReached();
        outbox.release(ids, r.reason);
        this.batchBytes = Math.max(4 * 1024, Math.floor(this.batchBytes / 2));
        this.batchItems = Math.max(1, Math.ceil(sent.length / 2));
        return { failed: false };
      case 'refused':
        this.markReached();
        if (r.status === 400 || r.status === 422) {
          // The envelope as a whole was refused: find the poison by halving; alone, it is quarantined.
          if (sent.length === 1) outbox.settle([{ clientId: sent[0]!.clientId, outcome: 'rejected', reason: `${r.code}: ${r.reason}` }]);
          else {
            outbox.release(ids, r.reason);
            this.batchItems = Math.max(1, Math.floor(sent.length / 2));
          }
          return { failed: false };
        }
        outbox.release(ids, r.reason);
        return { failed: true, reason: `platform refused the kiosk (${r.status} ${r.code}): ${r.reason}`, retryAfterMs: null };
      default:
        outbox.release(ids, describe(r));
        if (r.kind === 'unreachable' && /Timeout|abort/i.test(r.reason)) {
          this.batchBytes = Math.max(4 * 1024, Math.floor(this.batchBytes / 2));
        }
        return failure(r);
    }
  }

  private async uploadAttachments(item: OutboxItem) {
    for (const a of item.attachments) {
      const r = await this.options.uploader.ensureUploaded(a.address);
      if (r.kind !== 'complete') return r;
    }
    return { kind: 'complete' as const };
  }

  private encode(items: readonly OutboxItem[]): { body: string; sent: OutboxItem[]; leftover: OutboxItem[] } {
    const sent = [...items];
    const leftover: OutboxItem[] = [];
    for (;;) {
      // The sealed payload was stored as JSON text: splice it in rather than parse and re-serialise it.
      const body = `{"items":[${sent
        .map((i) => `{"clientId":${JSON.stringify(i.clientId)},"seq":${i.streamSeq},"createdAt":"${new Date(i.createdAt).toISOString()}","payload":${i.payloadJson}}`)
        .join(',')}]}`;
      if (sent.length === 1 || Buffer.byteLength(body) + ITEM_OVERHEAD <= MAX_BODY_BYTES) return { body, sent, leftover };
      leftover.unshift(sent.pop()!);
    }
  }

  private outcomes(sent: readonly OutboxItem[], results: readonly ItemResult[]): ItemOutcome[] {
    const byId = new Map(results.map((r) => [r.clientId, r]));
    return sent.map((item): ItemOutcome => {
      const r = byId.get(item.clientId);
      if (!r) return { clientId: item.clientId, outcome: 'retry', reason: 'no result for this item' };
      if (r.outcome === 'accepted' || r.outcome === 'duplicate') return { clientId: item.clientId, outcome: r.outcome, platformRef: r.platformNumber };
      if (r.permanent) return { clientId: item.clientId, outcome: 'rejected', reason: `${r.code}: ${r.reason}` };
      return { clientId: item.clientId, outcome: 'retry', reason: `${r.code}: ${r.reason}` };
    });
  }

  private publish(): void {
    this.options.onStatus?.(this.status());
  }
}

function describe(r: CallOutcome<unknown>): string {
  return 'reason' in r ? r.reason : r.kind;
}

function failure(r: CallOutcome<unknown>): Cycle {
  return { failed: true, reason: describe(r), retryAfterMs: r.kind === 'retry' ? r.retryAfterMs : null };
}
