import { afterEach, describe, expect, it } from 'vitest';
import { openKiosk, platformIntake, RecordingClock, setFaults, startSim, submitApplication } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const DAY = 86_400_000;

describe('a wall clock that jumps a day forward and back during sync and retention', () => {
  it('delivers everything exactly once, never waits a day for a retry planned before the jump, and purges nothing early', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const clock = new RecordingClock(Date.now());
    const kiosk = await openKiosk(sim.url, { clock, requestTimeoutMs: 2_000, idlePollMs: 5_000 });
    cleanup.push(() => kiosk.close());
    const ids = Array.from({ length: 20 }, () => submitApplication(kiosk).clientId);

    // Every attempt fails for a while: retries get planned in the future.
    await setFaults(sim.url, { errorRate: 1, seed: 3 });
    kiosk.engine.start();
    await expect.poll(() => kiosk.engine.status().consecutiveFailures, { timeout: 45_000, interval: 20 }).toBeGreaterThan(2);
    await kiosk.engine.stop();

    // The clock jumps back a day: the plans now lie a day ahead, and must not hold delivery back.
    clock.advance(-DAY);
    await setFaults(sim.url, {});
    const sleepsBefore = clock.sleeps.length;
    kiosk.engine.start();
    await expect.poll(() => kiosk.outbox.pendingCount(), { timeout: 45_000, interval: 20 }).toBe(0);
    await kiosk.engine.stop();
    expect(Math.max(0, ...clock.sleeps.slice(sleepsBefore))).toBeLessThanOrEqual(15 * 60_000);
    const intake = platformIntake(sim.dataDir).filter((p) => p.stream === 'applications');
    expect(intake.map((p) => p.clientId).sort()).toEqual([...ids].sort());
    expect(new Set(intake.map((p) => p.clientId)).size).toBe(ids.length);

    // Settled on the platform's clock (the kiosk's was a day behind). The clock jumps forward two days: with a
    // one-day retention a wall-clock-only purge would wipe them at once; the platform's clock says seconds passed.
    clock.advance(2 * DAY);
    expect(kiosk.purge(DAY)).toMatchObject({ items: 0 });
    // And back again two days: still nothing, and nothing breaks.
    clock.advance(-2 * DAY);
    expect(kiosk.purge(DAY)).toMatchObject({ items: 0 });
    const bodies = kiosk.store.read((db) => db.prepare(`SELECT count(*) FROM outbox WHERE kind = 'application' AND body IS NOT NULL`).pluck().get());
    expect(bodies).toBe(ids.length);
    // With the clock right again, a zero retention purges at once (the purge itself works under the guard).
    clock.advance(Date.now() - clock.now() + 5_000);
    expect(kiosk.purge(0).items).toBe(ids.length);
  }, 120_000);
});
