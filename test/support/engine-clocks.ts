import type { Clock } from '../../offline-cache/sync/clock';

/**
 * A sync-engine clock for tests of its waits: a wait of up to `shortMs` passes at once (time moves on by it);
 * a longer one ends only when the engine is woken (or stopped). `sleeps` lists every wait asked for.
 * With the default, no wait passes by itself and time stands still.
 */
export class HeldWaitsClock implements Clock {
  readonly sleeps: number[] = [];
  private t = Date.UTC(2026, 10, 26, 8);
  constructor(private readonly shortMs = -1) {}
  now = () => this.t;
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (ms <= this.shortMs) {
      this.t += ms;
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  }
}
