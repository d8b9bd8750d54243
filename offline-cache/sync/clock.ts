/**
 * Time as the sync engine sees it. The real clock waits; a virtual clock
 * (tests, the reconnect-herd benchmark) jumps, so "down for a day" takes
 * milliseconds and still runs the real backoff code.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early (without error) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

/** A clock whose sleeps return at once and move time forward by the amount slept. */
export class VirtualClock implements Clock {
  constructor(private current: number = Date.UTC(2026, 10, 26, 8)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (!signal.aborted) this.current += Math.max(0, ms);
    return new Promise((resolve) => setImmediate(resolve));
  }
}
