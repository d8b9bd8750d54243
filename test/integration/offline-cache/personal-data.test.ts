import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drain, fakeScan, openKiosk, RESIDENT, startSim, submitApplication } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Every file under the data dir (database, WAL, attachments, keys), as bytes. */
function allBytes(dir: string): Buffer[] {
  const out: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...allBytes(full));
    else out.push(readFileSync(full));
  }
  return out;
}

function containsAnywhere(dir: string, needle: string): boolean {
  const encodings = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return allBytes(dir).some((b) => encodings.some((e) => b.includes(e)));
}

describe('personal data at rest', () => {
  for (const cipher of ['aes-256-gcm', 'sm4-cbc-hmac-sm3'] as const) {
    it(`${cipher}: no file of the kiosk holds the name, ID number or address in clear; purge removes the sealed data and the scans`, async () => {
      const sim = await startSim();
      cleanup.push(() => sim.close());
      const kiosk = await openKiosk(sim.url, { cipher });
      cleanup.push(() => kiosk.close());
      const scan = fakeScan(50_000);
      const marker = Buffer.from('SCANNED-PAGE-MARKER-0123456789');
      marker.copy(scan, 1000);
      const app = submitApplication(kiosk, { attachment: scan });
      kiosk.audit.append('card-read', { cardType: 'resident' });

      for (const secret of [RESIDENT.name, RESIDENT.idNumber, RESIDENT.address, 'SCANNED-PAGE-MARKER']) {
        expect(containsAnywhere(kiosk.dataDir, secret)).toBe(false);
      }
      // The application is readable through the store (so the check above is not vacuous).
      const [claimed] = kiosk.outbox.claimBatch('application', { maxBytes: 1e6, maxItems: 1 });
      expect(claimed!.payloadJson).toContain(RESIDENT.idNumber);
      kiosk.outbox.release([claimed!.clientId], 'test');
      const address = kiosk.outbox.claimBatch('application', { maxBytes: 1e6, maxItems: 1 })[0]!.attachments[0]!.address;
      kiosk.outbox.release([claimed!.clientId], 'test');
      expect(kiosk.attachments.read(address).includes(marker)).toBe(true);

      await drain(kiosk);
      expect(kiosk.ledger.find(app.localNumber)!.delivery).toBe('accepted');
      // Not yet past retention: kept.
      expect(kiosk.purge(86_400_000)).toMatchObject({ items: 0, attachments: 0 });
      expect(kiosk.attachments.exists(address)).toBe(true);

      const report = kiosk.purge(0);
      expect(report).toMatchObject({ items: 1, attachments: 1 });
      expect(kiosk.attachments.exists(address)).toBe(false);
      const body = kiosk.store.read((db) => db.prepare('SELECT body FROM outbox WHERE client_id = ?').pluck().get(app.clientId));
      expect(body).toBeNull();
      // Progress query still works from the metadata.
      const kept = kiosk.ledger.listByIdNumber(RESIDENT.idNumber);
      expect(kept.map((a) => [a.localNumber, a.delivery, a.applicantMasked])).toEqual([[app.localNumber, 'accepted', '王*英 140…0027']]);
      kiosk.store.checkpoint();
      for (const secret of [RESIDENT.name, RESIDENT.idNumber, RESIDENT.address, 'SCANNED-PAGE-MARKER']) {
        expect(containsAnywhere(kiosk.dataDir, secret)).toBe(false);
      }
      const audit = kiosk.audit.verify();
      expect(audit.ok).toBe(true);
      expect(kiosk.store.read((db) => db.prepare(`SELECT kind FROM audit ORDER BY seq`).pluck().all())).toEqual(['submission', 'card-read', 'delivery', 'purge']);
    });
  }

  it('undelivered and quarantined items are never purged', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const kiosk = await openKiosk(sim.url);
    cleanup.push(() => kiosk.close());
    submitApplication(kiosk, { overrides: { itemCode: 'NO-SUCH-ITEM' } });
    await drain(kiosk);
    submitApplication(kiosk, { attachment: fakeScan(10_000) });
    expect(kiosk.outbox.summary()).toMatchObject({ quarantined: 1, queued: 1 });
    expect(kiosk.purge(0)).toMatchObject({ items: 0, attachments: 0 });
    const bodies = kiosk.store.read((db) => db.prepare('SELECT count(*) FROM outbox WHERE body IS NOT NULL').pluck().get());
    expect(bodies).toBe(2);
  });

  it('removes orphaned attachment files (written, never committed) after the grace period', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const kiosk = await openKiosk(sim.url);
    cleanup.push(() => kiosk.close());
    const orphan = kiosk.attachments.writeFile(fakeScan(5_000));
    const kept = submitApplication(kiosk, { attachment: fakeScan(6_000) });
    expect(kiosk.attachments.exists(orphan)).toBe(true);
    expect(kiosk.attachments.cleanOrphans(60_000)).toBe(0);
    expect(kiosk.attachments.cleanOrphans(-1)).toBe(1);
    expect(kiosk.attachments.exists(orphan)).toBe(false);
    const linked = kiosk.store.read((db) => db.prepare('SELECT address FROM outbox_attachments WHERE client_id = ?').pluck().get(kept.clientId) as string);
    expect(kiosk.attachments.exists(linked)).toBe(true);
  });
});
