import { afterEach, describe, expect, it } from 'vitest';
import { openKiosk, platformIntake, PLATFORM_ADAPTERS, RecordingClock, setFaults, startSim, submitApplication } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe.each(PLATFORM_ADAPTERS)('lost responses through the $name', (adapter) => {
  it('every first response dropped after the platform committed: 1,000 submissions arrive once each, none lost', async () => {
    const sim = await startSim({ faults: { dropAfterCommitRate: 1, dropOnlyNew: true }, ...adapter.sim });
    cleanup.push(() => sim.close());
    const clock = new RecordingClock();
    const kiosk = await openKiosk(sim.url, { ...adapter.kiosk, clock, idlePollMs: 5_000 });
    cleanup.push(() => kiosk.close());

    const acknowledged: string[] = [];
    kiosk.engine.start();
    // Residents keep submitting while delivery runs and loses every first answer.
    for (let i = 0; i < 1000; i++) {
      acknowledged.push(submitApplication(kiosk).clientId);
      if (i % 100 === 99) kiosk.engine.kick();
    }
    await expect.poll(() => kiosk.outbox.pendingCount(), { timeout: 120_000, interval: 100 }).toBe(0);
    await kiosk.engine.stop();

    const platform = platformIntake(sim.dataDir);
    expect(platform.length).toBe(1000);
    expect(new Set(platform.map((p) => p.clientId))).toEqual(new Set(acknowledged));
    expect(platform.map((p) => p.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    // Each application's first answer was lost: the platform saw every one again and answered "duplicate".
    expect(platform.every((p) => p.duplicates >= 1)).toBe(true);
    const faults = (await (await fetch(`${sim.url}/admin/faults`)).json()) as { injected: { dropAfterCommit: number } };
    expect(faults.injected.dropAfterCommit).toBeGreaterThan(0);
    // The platform numbers the kiosk recorded are the ones the platform issued.
    const byId = new Map(platform.map((p) => [p.clientId, p.platformNumber]));
    const sample = kiosk.ledger.find(kiosk.ledger.listByIdNumber('140105195803150027')[0]!.localNumber)!;
    expect(sample.platformNumber).toBe(byId.get(sample.clientId));
    await setFaults(sim.url, {});
  }, 180_000);
});
