import { afterEach, describe, expect, it } from 'vitest';
import { drain, fakeScan, openKiosk, PLATFORM_ADAPTERS, setFaults, startSim, submitApplication } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe.each(PLATFORM_ADAPTERS)('resumable attachment upload through the $name', (adapter) => {
  it('a chunk whose answer was lost is not sent again: the upload resumes at the offset the platform holds', async () => {
    const sim = await startSim(adapter.sim);
    cleanup.push(() => sim.close());
    const kiosk = await openKiosk(sim.url, adapter.kiosk);
    cleanup.push(() => kiosk.close());
    const starts: number[] = [];
    const upload = kiosk.client.uploadChunk.bind(kiosk.client);
    kiosk.client.uploadChunk = (sha, chunk, start, total) => {
      starts.push(start);
      return upload(sha, chunk, start, total);
    };
    const scan = fakeScan(1_500_000);
    const app = submitApplication(kiosk, { attachment: scan });
    // The platform stores a chunk but the kiosk never hears so.
    await setFaults(sim.url, { dropAfterCommitRate: 1, dropOnlyNew: true, paths: [adapter.paths.attachments], count: 2 });
    await drain(kiosk);

    expect(kiosk.ledger.find(app.localNumber)!.delivery).toBe('accepted');
    const faults = (await (await fetch(`${sim.url}/admin/faults`)).json()) as { injected: { dropAfterCommit: number } };
    expect(faults.injected.dropAfterCommit).toBeGreaterThanOrEqual(1);
    const chunk = 256 * 1024;
    // Every offset once, in order: nothing re-sent, nothing restarted from 0.
    expect(starts).toEqual(Array.from({ length: Math.ceil(scan.length / chunk) }, (_, i) => i * chunk));
    const address = kiosk.store.read((db) => db.prepare('SELECT address FROM attachments').pluck().get() as string);
    const status = (await kiosk.client.attachmentStatus(address)) as { kind: string; value: { complete: boolean; receivedBytes: number } };
    expect(status.value).toMatchObject({ complete: true, receivedBytes: scan.length });
    expect(kiosk.attachments.uploadedBytes(address)).toBe(scan.length);
  });

  it('a local scan that no longer matches its address quarantines its application only', async () => {
    const sim = await startSim(adapter.sim);
    cleanup.push(() => sim.close());
    const kiosk = await openKiosk(sim.url, adapter.kiosk);
    cleanup.push(() => kiosk.close());
    const broken = submitApplication(kiosk, { attachment: fakeScan(20_000) });
    const fine = submitApplication(kiosk);
    const address = kiosk.store.read((db) => db.prepare('SELECT address FROM outbox_attachments WHERE client_id = ?').pluck().get(broken.clientId) as string);
    kiosk.attachments.removeFile(address);
    await drain(kiosk);
    expect(kiosk.outbox.quarantined().map((q) => [q.clientId, /unreadable/.test(q.reason)])).toEqual([[broken.clientId, true]]);
    expect(kiosk.ledger.find(fine.localNumber)!.delivery).toBe('accepted');
  });
});
