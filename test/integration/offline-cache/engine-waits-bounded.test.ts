import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../offline-cache/sync/clock';
import { openKiosk, startSim } from '../../support/offline-kiosk';

/** Sleeps end only when the engine is woken or stopped; each new sleep is announced. */
class WakeCountingClock implements Clock {
  readonly signals: AbortSignal[] = [];
  private announce: (() => void) | null = null;
  now = () => Date.UTC(2026, 10, 26, 8);
  sleep(_ms: number, signal: AbortSignal): Promise<void> {
    this.signals.push(signal);
    this.announce?.();
    return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  }
  /** Resolves when the engine has begun its `n`th wait. */
  waitsBegun(n: number): Promise<void> {
    if (this.signals.length >= n) return Promise.resolve();
    return new Promise((resolve) => {
      this.announce = () => {
        if (this.signals.length >= n) {
          this.announce = null;
          resolve();
        }
      };
    });
  }
}

/** What a signal keeps on behalf of others: its abort listeners and (Node 20) the signals AbortSignal.any made from it. */
function heldBy(signal: AbortSignal): { listeners: number; dependants: number } {
  const key = Object.getOwnPropertySymbols(signal).find((s) => s.description === 'kDependantSignals');
  const dependants = key ? ((signal as unknown as Record<symbol, Set<unknown> | undefined>)[key]?.size ?? 0) : 0;
  return { listeners: getEventListeners(signal, 'abort').length, dependants };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('SyncEngine waits over a long life', () => {
  it('after 1,000 waits the stop signal holds no more than the current wait', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const clock = new WakeCountingClock();
    const kiosk = await openKiosk(sim.url, { clock });
    cleanup.push(() => kiosk.close());
    kiosk.engine.start();
    await clock.waitsBegun(1);
    // The engine's own stop signal lives as long as the process; the wait is what must not pile up on it.
    const stopping = (kiosk.engine as unknown as { stopping: AbortController }).stopping.signal;
    for (let n = 2; n <= 1000; n++) {
      kiosk.engine.kick();
      await clock.waitsBegun(n);
    }
    expect(clock.signals).toHaveLength(1000);
    const held = heldBy(stopping);
    expect(held.dependants).toBe(0);
    expect(held.listeners).toBeLessThanOrEqual(1);
    // Stopping still ends the wait in progress.
    await kiosk.engine.stop();
    expect(clock.signals.at(-1)!.aborted).toBe(true);
    expect(heldBy(stopping).listeners).toBe(0);
  });
});
