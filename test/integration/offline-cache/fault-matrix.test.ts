import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from '../../../offline-cache/outbox/backoff';
import { startPlatformSim } from '../../../platform-sim/server';
import { openKiosk, platformIntake, PLATFORM_ADAPTERS, RecordingClock, setFaults, startSim, submitApplication } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const SCENARIOS: readonly { readonly name: string; readonly faults: Record<string, unknown> }[] = [
  { name: '500s', faults: { errorRate: 0.5 } },
  { name: '429s with Retry-After', faults: { rateLimitRate: 0.5, retryAfterSeconds: 30 } },
  { name: 'timeouts (the platform never answers)', faults: { hangRate: 0.3 } },
  { name: 'connection resets', faults: { resetRate: 0.5 } },
  { name: 'slow platform', faults: { latencyMs: 300 } },
  { name: 'responses lost after commit', faults: { dropAfterCommitRate: 0.5 } },
  { name: 'everything at once', faults: { errorRate: 0.15, rateLimitRate: 0.15, retryAfterSeconds: 5, hangRate: 0.1, resetRate: 0.15, dropAfterCommitRate: 0.2, latencyMs: 50 } },
];

describe.each(PLATFORM_ADAPTERS)('fault matrix through the $name: every acknowledged submission is delivered exactly once, the poison item alone is quarantined', (adapter) => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const sim = await startSim(adapter.sim);
      cleanup.push(() => sim.close());
      const clock = new RecordingClock();
      const kiosk = await openKiosk(sim.url, { ...adapter.kiosk, clock, requestTimeoutMs: 400, idlePollMs: 5_000 });
      cleanup.push(() => kiosk.close());
      await setFaults(sim.url, { ...scenario.faults, seed: 7 });
      const acknowledged = Array.from({ length: 40 }, (_, i) => submitApplication(kiosk, { overrides: i === 17 ? { itemCode: 'NO-SUCH-ITEM' } : {} }).clientId);
      const poison = acknowledged[17]!;
      for (let i = 0; i < 5; i++) kiosk.outbox.enqueue('evaluation', { level: 'very-satisfied', reasons: [] });

      kiosk.engine.start();
      await expect.poll(() => kiosk.outbox.pendingCount(), { timeout: 60_000, interval: 50 }).toBe(0);
      await kiosk.engine.stop();

      const platform = platformIntake(sim.dataDir);
      const apps = platform.filter((p) => p.stream === 'applications');
      expect(apps.length).toBe(39);
      expect(new Set(apps.map((p) => p.clientId))).toEqual(new Set(acknowledged.filter((id) => id !== poison)));
      expect(platform.filter((p) => p.stream === 'evaluations').length).toBe(5);
      expect(kiosk.outbox.quarantined().map((q) => q.clientId)).toEqual([poison]);
      if (scenario.name.startsWith('429')) {
        // After a 429 the engine never came back sooner than the platform asked.
        const failuresWaits = clock.sleeps.filter((ms) => ms >= 30_000);
        expect(failuresWaits.length).toBeGreaterThan(0);
        expect(clock.sleeps.filter((ms) => ms > 0 && ms < 30_000 && ms !== 5_000).length).toBe(0);
      }
      await setFaults(sim.url, {});
    }, 90_000);
  }

  it('platform down for a day (virtual clock): backoff stays under its cap, everything arrives when it returns', async () => {
    const first = await startSim(adapter.sim);
    const port = Number(new URL(first.url).port);
    const clock = new RecordingClock();
    const kiosk = await openKiosk(first.url, { ...adapter.kiosk, clock, requestTimeoutMs: 400, idlePollMs: 60_000 });
    cleanup.push(() => kiosk.close());
    await first.close();

    const acknowledged = Array.from({ length: 25 }, () => submitApplication(kiosk).clientId);
    const downSince = clock.now();
    kiosk.engine.start();
    await expect.poll(() => clock.now() - downSince, { timeout: 60_000, interval: 20 }).toBeGreaterThan(86_400_000);
    const status = kiosk.engine.status();
    expect(status.online).toBe(false);
    expect(status.queueDepth).toBe(25);
    expect(status.consecutiveFailures).toBeGreaterThan(20);
    // Full jitter under a 15-minute cap: never a longer silence, and on average about half of it.
    const waits = clock.sleeps.slice(10);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
    expect(mean).toBeGreaterThan(DEFAULT_BACKOFF.capMs * 0.3);
    expect(mean).toBeLessThan(DEFAULT_BACKOFF.capMs * 0.7);

    const back = await startPlatformSim({ ...adapter.sim, port, dataDir: first.dataDir });
    cleanup.push(() => back.close());
    await expect.poll(() => kiosk.outbox.pendingCount(), { timeout: 60_000, interval: 50 }).toBe(0);
    await kiosk.engine.stop();
    expect(new Set(platformIntake(first.dataDir).map((p) => p.clientId))).toEqual(new Set(acknowledged));
    expect(kiosk.engine.status().online).toBe(true);
  }, 120_000);
});
