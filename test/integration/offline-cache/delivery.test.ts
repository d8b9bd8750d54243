import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineCache } from '../../../offline-cache/offline-cache';
import { advanceSimClock, drain, fakeScan, openKiosk, platformIntake, PLATFORM_ADAPTERS, platformRoutes, startSim, submitApplication } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe.each(PLATFORM_ADAPTERS)('delivery to the platform simulator through the $name', (adapter) => {
async function setup(overrides: Parameters<typeof openKiosk>[1] = {}) {
  const sim = await startSim({ statusStepMs: 60_000, returnRate: 0, ...adapter.sim });
  cleanup.push(() => sim.close());
  const kiosk = await openKiosk(sim.url, { ...adapter.kiosk, ...overrides });
  cleanup.push(() => kiosk.close());
  return { sim, kiosk };
}

function expectExactlyOnce(kiosk: OfflineCache, simDataDir: string) {
  const platform = platformIntake(simDataDir);
  const local = kiosk.outbox.clientIds('accepted');
  expect(new Set(platform.map((p) => p.clientId))).toEqual(new Set(local));
  expect(platform.length).toBe(local.length);
  for (const stream of ['applications', 'evaluations', 'feedback']) {
    const seqs = platform.filter((p) => p.stream === stream).map((p) => p.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  }
  return platform;
}

{
  it('delivers applications (with a resumable attachment), evaluations and feedback exactly once and records platform numbers', async () => {
    const { sim, kiosk } = await setup();
    const apps = Array.from({ length: 12 }, (_, i) => submitApplication(kiosk, i % 4 === 0 ? { attachment: fakeScan(600_000 + i) } : {}));
    kiosk.outbox.enqueue('evaluation', { level: 'satisfied', localNumber: apps[0]!.localNumber, reasons: [] });
    kiosk.outbox.enqueue('feedback', { category: 'other', description: '打印机纸张不够' });
    expect(kiosk.outbox.pendingCount()).toBe(14);

    await drain(kiosk);

    expect(kiosk.outbox.summary()).toMatchObject({ queued: 0, sending: 0, accepted: 14, quarantined: 0 });
    const platform = expectExactlyOnce(kiosk, sim.dataDir);
    const first = kiosk.ledger.find(apps[0]!.localNumber)!;
    expect(first.delivery).toBe('accepted');
    expect(platform.map((p) => p.platformNumber)).toContain(first.platformNumber);
    expect(kiosk.engine.status()).toMatchObject({ online: true, queueDepth: 0, consecutiveFailures: 0 });
    // Provisioning, batches, attachment status and chunks all went through this adapter's API, none through the other.
    const routes = [...(await platformRoutes(sim.url))];
    expect(routes.filter((r) => !r.startsWith(adapter.prefix))).toEqual([]);
    expect(routes.some((r) => r.startsWith(adapter.paths.attachments))).toBe(true);
  });

  it('pulls 受理/审批中/办结 per sub-item into progress query', async () => {
    const { sim, kiosk } = await setup();
    const app = submitApplication(kiosk);
    await drain(kiosk);
    await advanceSimClock(sim.url, 30 * 86_400_000);
    await kiosk.engine.syncNow();
    const found = kiosk.ledger.listByIdNumber('140105195803150027');
    expect(found.map((a) => a.localNumber)).toEqual([app.localNumber]);
    const states = found[0]!.subItems.map((s) => s.state);
    expect(states.every((s) => s === 'completed')).toBe(true);
    expect(kiosk.ledger.listByIdNumber('140105199001011238')).toEqual([]);
  });

  it('a poison item is quarantined while the others flow, and a technician can re-queue it', async () => {
    const { sim, kiosk } = await setup();
    const good1 = submitApplication(kiosk);
    const poison = submitApplication(kiosk, { overrides: { itemCode: 'NO-SUCH-ITEM' } });
    const good2 = submitApplication(kiosk);
    await drain(kiosk);
    expect(kiosk.ledger.find(good1.localNumber)!.delivery).toBe('accepted');
    expect(kiosk.ledger.find(good2.localNumber)!.delivery).toBe('accepted');
    const q = kiosk.outbox.quarantined();
    expect(q.map((i) => i.clientId)).toEqual([poison.clientId]);
    expect(q[0]!.reason).toMatch(/unknown-catalog-item|invalid-item/);
    expect(kiosk.engine.status().quarantined).toBe(1);
    // The item stays visible and re-queueable; still refused, it returns to quarantine and blocks nothing.
    expect(kiosk.outbox.requeue(poison.clientId)).toBe(true);
    const later = submitApplication(kiosk);
    await drain(kiosk);
    expect(kiosk.outbox.quarantined().map((i) => i.clientId)).toEqual([poison.clientId]);
    expect(kiosk.ledger.find(later.localNumber)!.delivery).toBe('accepted');
    expect(platformIntake(sim.dataDir).map((p) => p.clientId)).not.toContain(poison.clientId);
  });
}
});
