import type { UiHealth } from '../../contract';
import type { EventBus } from '../api/events';
import type { Logger } from '../log';
import { decideRecovery, uiIsStale, type RecoveryAction, type RecoveryRecord } from './watchdog-policy';

/** What a shell can do to a stuck UI. Electron: webContents.reload / app.relaunch; web shell: event + restart Chromium. */
export interface UiRecoverer {
  reload(): void;
  relaunch(): void;
}

export interface WatchdogOptions {
  readonly bus: EventBus;
  readonly logger: Logger;
  /** Silence longer than this is a hang. With the 500 ms check, recovery starts within staleMs + 0.5 s (5 s by default). */
  readonly staleMs?: number;
  readonly checkMs?: number;
  readonly now?: () => number;
  readonly onRecovery?: (action: RecoveryAction) => void;
}

/**
 * Watches the renderer's `ui.heartbeat`. A UI that falls silent is reloaded;
 * one that stays silent after a reload is recovered again, and repeated
 * reloads escalate to a relaunch (decideRecovery).
 */
export class UiWatchdog {
  private lastBeatAt: number | null = null;
  /** Start of the silence being judged: the last beat, or the last recovery. */
  private judgedFrom: number | null = null;
  private readonly history: RecoveryRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private recoverer: UiRecoverer;
  readonly staleMs: number;
  private readonly now: () => number;

  constructor(private readonly o: WatchdogOptions) {
    this.staleMs = o.staleMs ?? 4_500;
    this.now = o.now ?? (() => Date.now());
    // Until a shell registers its own, a reload is asked of the UI itself (it helps when the page is stuck but its script still runs).
    this.recoverer = {
      reload: () => o.bus.emit('ui.reload', { reason: 'watchdog' }),
      relaunch: () => o.bus.emit('ui.reload', { reason: 'watchdog' }),
    };
  }

  /** The composition root of each shell supplies its way to reload and relaunch. */
  useRecoverer(recoverer: UiRecoverer): void {
    this.recoverer = recoverer;
  }

  beat(): void {
    this.lastBeatAt = this.now();
    this.judgedFrom = this.lastBeatAt;
  }

  start(): void {
    this.timer ??= setInterval(() => this.check(), this.o.checkMs ?? 500);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look; exposed so tests can drive it with their own clock. */
  check(): RecoveryAction | null {
    const now = this.now();
    if (!uiIsStale(this.judgedFrom, now, this.staleMs)) return null;
    return this.recover(now, 'silent');
  }

  /**
   * The shell saw the renderer crash or hang (Electron's render-process-gone,
   * unresponsive): recover now, counted together with the watchdog's own
   * recoveries so repeated failures of any kind escalate to a relaunch.
   */
  failed(reason: string): RecoveryAction {
    return this.recover(this.now(), reason);
  }

  private recover(now: number, reason: string): RecoveryAction {
    const action = decideRecovery(this.history, now);
    this.history.push({ at: now, action });
    if (this.history.length > 50) this.history.shift();
    // Give the reloaded UI a full stale period to beat again before judging it.
    this.judgedFrom = now;
    this.o.logger.warn({ action, reason, silentMs: this.staleMs }, 'UI stopped answering; recovering');
    if (action === 'reload') this.recoverer.reload();
    else this.recoverer.relaunch();
    this.o.onRecovery?.(action);
    return action;
  }

  health(): UiHealth {
    const last = this.history[this.history.length - 1];
    return {
      lastHeartbeatAt: this.lastBeatAt === null ? null : new Date(this.lastBeatAt).toISOString(),
      recoveries: this.history.length,
      lastRecovery: last?.action ?? null,
    };
  }
}
