import type { Connectivity } from '../../contract';
import type { EventBus } from '../api/events';
import type { PlatformPort } from '../../offline-cache/sync/platform-port';
import type { Logger } from '../log';

export interface ConnectivityOptions {
  /** The platform behind its port: online is its health call answering ok (the v1 client: `GET /v1/health`). */
  readonly platform: Pick<PlatformPort, 'health'>;
  readonly intervalMs: number;
  /**
   * Hysteresis: how many probes in a row must disagree with the published
   * state before it flips (a flaky link must not make the pill flap). The
   * first probe after start is taken as it is. Default 2.
   */
  readonly confirmations?: number;
}

/**
 * Watches whether the provincial platform answers its health endpoint and
 * publishes changes. The outbox does not wait for it: it is what the resident
 * and the technician see ("网络暂时不可用，您的申请已安全保存在本机").
 */
export class ConnectivityMonitor {
  private state: Connectivity = { online: false, lastSuccessAt: null, lastCheckAt: null, latencyMs: null };
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  /** Probes in a row that disagreed with `state.online`. */
  private disagreeing = 0;

  constructor(
    private readonly options: ConnectivityOptions,
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  current(): Connectivity {
    return this.state;
  }

  /** One probe; concurrent callers share it. */
  check(): Promise<void> {
    this.inFlight ??= this.probe().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async probe(): Promise<void> {
    const started = performance.now();
    const at = new Date().toISOString();
    let online: boolean;
    try {
      online = (await this.options.platform.health()).kind === 'ok';
    } catch {
      online = false;
    }
    const latencyMs = online ? Math.round(performance.now() - started) : null;
    const first = this.state.lastCheckAt === null;
    this.disagreeing = online === this.state.online ? 0 : this.disagreeing + 1;
    const changed = online !== this.state.online && (first || this.disagreeing >= (this.options.confirmations ?? 2));
    if (changed) this.disagreeing = 0;
    const published = changed ? online : this.state.online;
    this.state = {
      online: published,
      lastCheckAt: at,
      lastSuccessAt: online ? at : this.state.lastSuccessAt,
      latencyMs: published ? (online ? latencyMs : this.state.latencyMs) : null,
    };
    if (changed) {
      this.logger.info({ online }, 'platform connectivity changed');
      this.bus.emit('system.connectivity', this.state);
    }
  }
}
