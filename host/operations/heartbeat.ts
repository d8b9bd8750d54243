import { v7 as uuidv7 } from 'uuid';
import type { Diagnostics } from '../../contract';
import { HeartbeatSchema, type Heartbeat, type HeartbeatResponse, type StoreLoss } from '../../contract/platform';
import type { Logger } from '../log';
import type { RemoteCommandRunner } from './remote-commands';

/** Where a heartbeat goes: the outbox (kind heartbeat, newest replaces queued) and on to `POST /v1/heartbeats`. */
export interface HeartbeatChannel {
  deliver(heartbeat: Heartbeat): void;
}

export interface HeartbeatContext {
  readonly mode: 'demo' | 'production';
  readonly catalogVersion: string;
  readonly acks: Heartbeat['acks'];
  readonly update?: Heartbeat['update'] | null;
}

/** The health report, from the same snapshot the dashboard shows. No personal data: states, codes, counts, ages. Pure. */
export function heartbeatFrom(d: Diagnostics, ctx: HeartbeatContext, heartbeatId: string = uuidv7()): Heartbeat {
  const now = Date.parse(d.generatedAt);
  const o = d.outbox;
  return HeartbeatSchema.parse({
    heartbeatId,
    sentAt: d.generatedAt,
    version: d.versions.app,
    mode: ctx.mode,
    uptimeSeconds: Math.round(d.system.uptimeSec),
    devices: d.devices.slice(0, 32).map(({ status, finding }) => ({
      id: status.id,
      kind: status.kind,
      state: status.state,
      power: status.power,
      errorCode: finding?.code ?? status.lastError?.extended ?? status.lastError?.code ?? null,
      conditions: status.conditions,
    })),
    outbox: {
      queued: o?.depth ?? 0,
      quarantined: o?.quarantined.length ?? 0,
      oldestPendingSeconds: o?.oldestPendingAt ? Math.max(0, Math.round((now - Date.parse(o.oldestPendingAt)) / 1000)) : null,
    },
    disk: { freeBytes: Math.max(0, Math.round(d.system.disk?.freeBytes ?? 0)), totalBytes: Math.max(1, Math.round(d.system.disk?.totalBytes ?? 1)) },
    catalogVersion: ctx.catalogVersion,
    auditHead: d.audit.head && d.audit.length ? { seq: d.audit.length, hash: d.audit.head } : null,
    acks: ctx.acks.slice(0, 100),
    ...(o?.salvaged?.length || o?.salvageAcknowledged?.length ? { storeLoss: storeLossOf([...(o.salvageAcknowledged ?? []), ...(o.salvaged ?? [])]) } : {}),
    ...(ctx.update ? { update: ctx.update } : {}),
  });
}

/** Every salvage's gone numbers, acknowledged or not, merged per stream (the platform stops waiting for them). */
function storeLossOf(salvaged: NonNullable<NonNullable<Diagnostics['outbox']>['salvaged']>): StoreLoss {
  const merge = (pick: (x: (typeof salvaged)[number]) => readonly (readonly [number, number])[]) => {
    const all = salvaged.flatMap((x) => pick(x).map(([a, b]) => [a, b] as [number, number])).sort((x, y) => x[0] - y[0]);
    const out: [number, number][] = [];
    for (const r of all) {
      const last = out.at(-1);
      if (last && (r[0] <= last[1] + 1 || out.length >= 100)) last[1] = Math.max(last[1], r[1]);
      else out.push(r);
    }
    return out;
  };
  return { applications: merge((x) => x.gone.applications), evaluations: merge((x) => x.gone.evaluations), feedback: merge((x) => x.gone.feedback), atLeast: salvaged.some((x) => x.atLeast) };
}

/** What counts as a status change worth an early heartbeat: levels and codes, not counters or timestamps. */
export function statusSignature(d: Diagnostics): string {
  return JSON.stringify([d.overall, d.findings.map((f) => f.code).sort(), d.devices.map((x) => [x.status.id, x.status.state, x.status.power, x.status.conditions['paper'] ?? null])]);
}

export interface HeartbeatServiceOptions {
  readonly collect: () => Promise<Diagnostics>;
  readonly channel: HeartbeatChannel;
  readonly commands: RemoteCommandRunner;
  readonly intervalMs: () => number;
  readonly mode: 'demo' | 'production';
  readonly catalogVersion: () => string;
  /** The updater's state, when there is one. */
  readonly update?: () => Heartbeat['update'] | null;
  readonly logger: Logger;
  /** Changes arriving together (a printer reporting cover and paper) make one heartbeat. */
  readonly debounceMs?: number;
}

/**
 * Reports kiosk health every few minutes and soon after any status change;
 * runs the commands replies carry and acknowledges them in the next report.
 */
export class HeartbeatService {
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private lastSignature: string | null = null;
  private lastSent: Heartbeat | null = null;
  private lastSkewMs: number | null = null;
  private running = false;

  constructor(private readonly o: HeartbeatServiceOptions) {}

  start(): void {
    this.running = true;
    void this.beat('boot');
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    this.timer = this.debounce = null;
  }

  /** Something changed (device event, outbox settle): report soon if the status really differs. */
  noteChange(): void {
    if (!this.running || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.beat('change');
    }, this.o.debounceMs ?? 1000);
    this.debounce.unref();
  }

  get last(): Heartbeat | null {
    return this.lastSent;
  }

  /** Platform clock minus ours, from the last reply (null before the first). */
  get clockSkewMs(): number | null {
    return this.lastSkewMs;
  }

  async beat(reason: 'boot' | 'interval' | 'change' | 'acks'): Promise<Heartbeat | null> {
    try {
      const d = await this.o.collect();
      const signature = statusSignature(d);
      const acks = this.o.commands.acks();
      if (reason === 'change' && signature === this.lastSignature && acks.length === 0) return null;
      const hb = heartbeatFrom(d, { mode: this.o.mode, catalogVersion: this.o.catalogVersion(), acks, update: this.o.update?.() ?? null });
      // Stopped while the status was being collected: the store is closing, and the next start reports anyway.
      if (!this.running) return null;
      this.o.channel.deliver(hb);
      this.lastSignature = signature;
      this.lastSent = hb;
      return hb;
    } catch (e) {
      this.o.logger.error({ err: e, reason }, 'heartbeat could not be built');
      return null;
    } finally {
      this.schedule();
    }
  }

  /** Called with each heartbeat reply (by the sync engine, or the direct channel). */
  async handleReply(reply: HeartbeatResponse): Promise<void> {
    const serverTime = Date.parse(reply.serverTime);
    if (Number.isFinite(serverTime)) this.lastSkewMs = serverTime - Date.now();
    const fresh = await this.o.commands.handle(reply.commands);
    if (fresh > 0 && this.running) void this.beat('acks');
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.beat('interval'), this.o.intervalMs());
    this.timer.unref();
  }
}
