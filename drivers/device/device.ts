import type { DeviceError, DeviceKind, DeviceState, DeviceStatus, PowerState } from '../../contract';
import { TypedEmitter } from './emitter';
import { done, failed, fault, withDeadline, type DeviceResult } from './result';
import { Reconnector, type BackoffPolicy } from './reconnect';

export type HealthLevel = 'internal' | 'external';

export interface HealthReport {
  readonly level: HealthLevel;
  readonly healthy: boolean;
  /** Technician-facing one-liner, e.g. `SAM 05.01-20240101-1234567890`. */
  readonly detail: string;
}

export interface DeviceDescriptor {
  readonly id: string;
  readonly kind: DeviceKind;
  /** Shown on the technician dashboard, e.g. 身份证阅读器. */
  readonly name: string;
  readonly source: DeviceStatus['source'];
  readonly path: string | null;
}

export interface DeviceEvents<Data> extends Record<string, unknown> {
  data: Data;
  statusUpdate: DeviceStatus;
  error: DeviceError;
}

export interface DeviceTimings {
  /** Deadline for one call (open, a command, a health check). */
  readonly callMs: number;
  readonly backoff: BackoffPolicy;
}

export const DEFAULT_TIMINGS: DeviceTimings = {
  callMs: 3000,
  backoff: { initialMs: 50, maxMs: 800, factor: 2 },
};

/**
 * One peripheral, after UnifiedPOS: open → claim → enable → (data events) →
 * disable → release → close. A subclass supplies the transport (`connect`,
 * `disconnect`), the health probe and what to run while enabled; the base
 * keeps the state machine, the status record, the deadlines, the one-call-at-
 * a-time rule and the reconnection with backoff. The subclass reports a
 * vanished port with `portLost()`; the base does the rest.
 */
export abstract class Device<Data> extends TypedEmitter<DeviceEvents<Data>> {
  private state: DeviceState = 'closed';
  private power: PowerState = 'unknown';
  private claimed = false;
  private enabled = false;
  private lastError: DeviceError | null = null;
  private lastSeenAt: string | null = null;
  private readonly conditions: Record<string, string | number | boolean> = {};
  private readonly counters: Record<string, number> = {};
  private queue: Promise<unknown> = Promise.resolve();
  private path: string | null;
  private pending = 0;
  private readonly reconnector: Reconnector;
  protected readonly timings: DeviceTimings;

  protected constructor(
    readonly descriptor: DeviceDescriptor,
    timings: Partial<DeviceTimings> = {},
  ) {
    super();
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
    this.path = descriptor.path;
    this.reconnector = new Reconnector(this.timings.backoff, () => this.tryReconnect());
  }

  get id(): string {
    return this.descriptor.id;
  }

  // ---- for subclasses -------------------------------------------------------

  /** Open the transport and confirm something that speaks our protocol answers. */
  protected abstract connect(): Promise<DeviceResult<void>>;
  /** Close the transport; must not fail. */
  protected abstract disconnect(): Promise<void>;
  /** internal = a status query; external = exercise the device (find a card, print a test slip). */
  protected abstract probe(level: HealthLevel, signal: AbortSignal): Promise<DeviceResult<HealthReport>>;
  /** Enabled and online: start polling / listening. Called again after a reconnect. */
  protected onActive(): void {}
  /** Disabled or offline: stop polling. */
  protected onInactive(): void {}

  /** The transport vanished (unplugged, pty closed, read error): go offline and start re-probing. */
  protected portLost(extended: string): void {
    if (this.state === 'closed' || this.power === 'offline') return;
    this.onInactive();
    this.power = 'offline';
    this.state = 'error';
    this.report(fault('offline', extended));
    void this.disconnect().then(() => this.reconnector.start());
  }

  /** The device answered: it is alive. */
  protected seen(): void {
    this.lastSeenAt = new Date().toISOString();
  }

  /** The port actually in use, when the driver found it itself (auto-probe). */
  protected updatePath(path: string | null): void {
    if (this.path === path) return;
    this.path = path;
    this.publish();
  }

  protected setCondition(key: string, value: string | number | boolean): void {
    if (this.conditions[key] === value) return;
    this.conditions[key] = value;
    this.publish();
  }

  protected count(counter: string, by = 1): void {
    this.counters[counter] = (this.counters[counter] ?? 0) + by;
  }

  protected publishData(data: Data): void {
    this.emit('data', data);
  }

  /**
   * Runs one device operation: one at a time (later callers wait their turn),
   * within `deadlineMs` counted from the call (waiting included), state busy
   * while it runs. A failure is recorded as lastError and emitted as `error`.
   * `background` (a polling loop's probe) does not show as busy, so an idle
   * reader polling four times a second does not flood status listeners.
   */
  protected exclusive<T>(
    what: string,
    work: (signal: AbortSignal) => Promise<DeviceResult<T>>,
    deadlineMs = this.timings.callMs,
    options: { readonly background?: boolean } = {},
  ): Promise<DeviceResult<T>> {
    if (this.state === 'closed') return Promise.resolve(failed('failure', 'NOT-OPEN'));
    if (this.power === 'offline') return Promise.resolve(failed('offline', 'PORT-GONE'));
    const abort = new AbortController();
    this.pending++;
    const run = this.queue.then(async () => {
      if (abort.signal.aborted) return failed<T>('timeout', `TIMEOUT-${what}`);
      if (this.power === 'offline') return failed<T>('offline', 'PORT-GONE');
      if (!options.background) this.setState('busy');
      return work(abort.signal);
    });
    const bounded = withDeadline(run, deadlineMs, what, () => abort.abort()).then((r) => {
      this.pending--;
      if (r.ok) {
        this.seen();
        if (this.state === 'busy' || this.state === 'error') this.setState(this.pending > 0 ? 'busy' : 'idle');
      } else {
        this.report(r.error);
      }
      return r;
    });
    // The deadline ends this call's turn; the aborted work must drop whatever
    // answer arrives late (the signal tells it), so the next call starts clean.
    this.queue = bounded;
    return bounded;
  }

  /** Records a failure: lastError, state error (unless offline already says it), `error` event. */
  protected report(error: DeviceError): void {
    this.lastError = error;
    if (this.state !== 'closed') this.state = 'error';
    this.emit('error', error);
    this.publish();
  }

  // ---- the UnifiedPOS life cycle -------------------------------------------

  async open(): Promise<DeviceResult<void>> {
    if (this.state !== 'closed') return done(undefined);
    this.state = 'idle';
    const r = await withDeadline(this.connect(), this.timings.callMs, 'OPEN');
    if (r.ok) {
      this.power = 'online';
      this.seen();
      this.publish();
      return r;
    }
    // A reader that is not there yet may be plugged in later: stay open, offline, and keep probing.
    this.power = 'offline';
    this.report(r.error);
    this.reconnector.start();
    return done(undefined);
  }

  claim(): DeviceResult<void> {
    if (this.state === 'closed') return failed('failure', 'NOT-OPEN');
    if (this.claimed) return failed('busy', 'CLAIMED');
    this.claimed = true;
    this.publish();
    return done(undefined);
  }

  enable(): DeviceResult<void> {
    if (!this.claimed) return failed('failure', 'NOT-CLAIMED');
    if (this.enabled) return done(undefined);
    this.enabled = true;
    this.publish();
    if (this.power === 'online') this.onActive();
    return done(undefined);
  }

  disable(): DeviceResult<void> {
    if (!this.enabled) return done(undefined);
    this.enabled = false;
    this.onInactive();
    this.publish();
    return done(undefined);
  }

  release(): DeviceResult<void> {
    this.disable();
    if (!this.claimed) return done(undefined);
    this.claimed = false;
    this.publish();
    return done(undefined);
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.release();
    this.reconnector.stop();
    await this.disconnect();
    this.state = 'closed';
    this.power = 'unknown';
    this.publish();
  }

  checkHealth(level: HealthLevel): Promise<DeviceResult<HealthReport>> {
    return this.exclusive(`HEALTH-${level.toUpperCase()}`, (signal) => this.probe(level, signal));
  }

  status(): DeviceStatus {
    const d = this.descriptor;
    return {
      id: d.id,
      kind: d.kind,
      name: d.name,
      source: d.source,
      path: this.path,
      state: this.state,
      power: this.power,
      claimed: this.claimed,
      enabled: this.enabled,
      lastError: this.lastError,
      conditions: { ...this.conditions },
      counters: { ...this.counters },
      lastSeenAt: this.lastSeenAt,
    };
  }

  get isOnline(): boolean {
    return this.power === 'online';
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  // ---- internals -----------------------------------------------------------

  private setState(state: DeviceState): void {
    if (this.state === state) return;
    this.state = state;
    this.publish();
  }

  private publish(): void {
    this.emit('statusUpdate', this.status());
  }

  private async tryReconnect(): Promise<boolean> {
    if (this.state === 'closed') return true;
    const r = await withDeadline(this.connect(), this.timings.callMs, 'RECONNECT');
    if (!r.ok) {
      this.count('reconnectAttempts');
      return false;
    }
    this.count('reconnects');
    // Back: the offline error is history now, not a condition to show.
    this.lastError = null;
    this.power = 'online';
    this.state = 'idle';
    this.seen();
    this.publish();
    if (this.enabled) this.onActive();
    return true;
  }
}
