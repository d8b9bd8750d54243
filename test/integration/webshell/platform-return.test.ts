import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../contract';
import { EventBus } from '../../../host/api/events';
import { ConnectivityMonitor } from '../../../host/platform/connectivity';
import { SyncService } from '../../../host/platform/sync';
import { HeldWaitsClock } from '../../support/engine-clocks';
import { openKiosk, setFaults, startSim } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('the platform comes back: delivery does not wait out a long backoff', () => {
  it('the health probe seeing the platform again (two answers in a row) starts delivery within the reconnect spread', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const clock = new HeldWaitsClock(30_000);
    // After the outage the engine's backoff is 0.9 × 10 min; a wait that long never ends by itself here.
    const kiosk = await openKiosk(sim.url, { clock, random: () => 0.9, backoff: { baseMs: 600_000, capMs: 900_000 }, returnSpreadMs: 30_000 });
    cleanup.push(() => kiosk.close());
    const bus = new EventBus();
    const logger = pino({ level: 'silent' });
    const monitor = new ConnectivityMonitor({ platform: kiosk.client, intervalMs: 60_000 }, bus, logger);
    const sync = new SyncService(kiosk, bus, logger, { servicePoint: '测试便民服务中心', provisioningToken: null, retentionMs: 86_400_000, catalogRefreshMs: 3_600_000, bootJitterMs: 0 });
    cleanup.push(() => sync.stop());
    const connectivity: boolean[] = [];
    bus.subscribe((m: EventMessage) => m.event === 'system.connectivity' && connectivity.push((m.payload as { online: boolean }).online));

    // The platform answers 500 to everything: the probe says offline, the application waits in the queue.
    await setFaults(sim.url, { errorRate: 1 });
    await monitor.check();
    const id = kiosk.outbox.enqueue('feedback', { category: 'other', description: '网络断了' }).clientId;
    sync.start();
    await expect.poll(() => kiosk.engine.status().consecutiveFailures, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => kiosk.engine.status().nextAttemptAt).not.toBeNull();
    expect(clock.sleeps.at(-1)).toBeGreaterThan(500_000);
    expect(kiosk.outbox.clientIds('accepted')).toEqual([]);

    // The platform is back. One good probe is not yet "online" (hysteresis), so the backoff holds.
    await setFaults(sim.url, {});
    await monitor.check();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connectivity).toEqual([]);
    expect(kiosk.outbox.clientIds('accepted')).toEqual([]);
    // The second confirms it: the engine's wait is cut to 27 s (0.9 × the 30 s spread) and the queue goes.
    await monitor.check();
    expect(connectivity).toEqual([true]);
    await expect.poll(() => kiosk.outbox.clientIds('accepted'), { timeout: 10_000 }).toEqual([id]);
    expect(clock.sleeps).toContain(27_000);
  });
});
