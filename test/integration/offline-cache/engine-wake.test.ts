import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../offline-cache/sync/clock';
import { openKiosk, startSim } from '../../support/offline-kiosk';

/** A clock whose sleeps end only when the engine is woken (or stopped): time never passes on its own. */
class WokenOnlyClock implements Clock {
  readonly sleeps: number[] = [];
  now = () => Date.UTC(2026, 10, 26, 8);
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  }
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('SyncEngine wake-ups', () => {
  it('a new submission wakes an idle engine at once', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const kiosk = await openKiosk(sim.url, { clock: new WokenOnlyClock() });
    cleanup.push(() => kiosk.close());
    kiosk.engine.start();
    await expect.poll(() => kiosk.engine.status().nextAttemptAt).not.toBeNull();
    const id = kiosk.outbox.enqueue('feedback', { category: 'other', description: '排队太久' }).clientId;
    kiosk.engine.kick();
    await expect.poll(() => kiosk.outbox.clientIds('accepted')).toEqual([id]);
  });

  it('a kick while backing off does not cut the backoff short', async () => {
    const sim = await startSim();
    const kiosk = await openKiosk(sim.url, { clock: new WokenOnlyClock() });
    cleanup.push(() => kiosk.close());
    await sim.close();
    let attempts = 0;
    const push = kiosk.client.pushBatch.bind(kiosk.client);
    kiosk.client.pushBatch = (stream, body) => {
      attempts++;
      return push(stream, body);
    };
    kiosk.outbox.enqueue('feedback', { category: 'other', description: 'a' });
    kiosk.engine.start();
    await expect.poll(() => kiosk.engine.status()).toMatchObject({ consecutiveFailures: 1, online: false });
    await expect.poll(() => kiosk.engine.status().nextAttemptAt).not.toBeNull();
    kiosk.outbox.enqueue('feedback', { category: 'other', description: 'b' });
    kiosk.engine.kick();
    kiosk.engine.kick();
    await new Promise((resolve) => setImmediate(resolve));
    expect(attempts).toBe(1);
    expect(kiosk.engine.status()).toMatchObject({ consecutiveFailures: 1, queueDepth: 2 });
  });
});
