import { afterEach, describe, expect, it } from 'vitest';
import { HeldWaitsClock } from '../../support/engine-clocks';
import { openKiosk, startSim } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('SyncEngine wake-ups', () => {
  it('a new submission wakes an idle engine at once', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const kiosk = await openKiosk(sim.url, { clock: new HeldWaitsClock() });
    cleanup.push(() => kiosk.close());
    kiosk.engine.start();
    await expect.poll(() => kiosk.engine.status().nextAttemptAt).not.toBeNull();
    const id = kiosk.outbox.enqueue('feedback', { category: 'other', description: '排队太久' }).clientId;
    kiosk.engine.kick();
    await expect.poll(() => kiosk.outbox.clientIds('accepted')).toEqual([id]);
  });

  it('a kick while backing off does not cut the backoff short', async () => {
    const sim = await startSim();
    const kiosk = await openKiosk(sim.url, { clock: new HeldWaitsClock() });
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

  it('the platform answering again cuts a long backoff to a draw over the reconnect spread; a kiosk not backing off is left alone', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const clock = new HeldWaitsClock(30_000);
    // random() = 0.9: the backoff after the outage is 0.9 × 10 min, the return 0.9 × 30 s.
    const kiosk = await openKiosk(sim.url, { clock, random: () => 0.9, backoff: { baseMs: 600_000, capMs: 900_000 }, returnSpreadMs: 30_000 });
    cleanup.push(() => kiosk.close());
    // Not backing off (never failed): nothing to cut, no cycle started.
    kiosk.engine.platformReturned();
    expect(kiosk.engine.status().consecutiveFailures).toBe(0);

    let down = true;
    let attempts = 0;
    const push = kiosk.client.pushBatch.bind(kiosk.client);
    kiosk.client.pushBatch = (stream, body) => {
      attempts++;
      return down ? Promise.resolve({ kind: 'unreachable', reason: 'network unplugged' }) : push(stream, body);
    };
    const id = kiosk.outbox.enqueue('feedback', { category: 'other', description: '排队太久' }).clientId;
    kiosk.engine.start();
    await expect.poll(() => kiosk.engine.status()).toMatchObject({ consecutiveFailures: 1, online: false });
    await expect.poll(() => kiosk.engine.status().nextAttemptAt).not.toBeNull();
    expect(clock.sleeps.at(-1)).toBe(540_000);
    expect(attempts).toBe(1);

    down = false;
    kiosk.engine.platformReturned();
    await expect.poll(() => kiosk.outbox.clientIds('accepted')).toEqual([id]);
    // The rest of the 9-minute wait was replaced by 27 s (0.9 × the 30 s spread), then one attempt delivered.
    expect(clock.sleeps).toContain(27_000);
    expect(attempts).toBe(2);
    expect(kiosk.engine.status()).toMatchObject({ consecutiveFailures: 0, queueDepth: 0 });
  });
});
