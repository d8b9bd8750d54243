import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKiosk, payloadFor } from '../../support/offline-kiosk';
import { startPlatformProcess, type PlatformProcess } from '../../support/processes';

const QUEUED = 100_000;
let platform: PlatformProcess;
beforeAll(async () => {
  // The platform in its own process, so this process's memory is the kiosk's alone.
  platform = await startPlatformProcess();
});
afterAll(async () => {
  await platform?.stop();
});

describe(`${QUEUED.toLocaleString('en')} queued items`, () => {
  it('enqueue stays on indexes, the drain completes, memory stays bounded by the batch', async () => {
    const kiosk = await openKiosk(platform.url, { idlePollMs: 600_000, requestTimeoutMs: 30_000 });
    try {
      const payload = payloadFor('X');
      for (let filled = 0; filled < QUEUED; filled += 5_000) {
        kiosk.store.light((db) => {
          for (let i = 0; i < 5_000; i++) kiosk.outbox.enqueueIn(db, 'application', { ...payload, localNumber: `SX-TY-XD-0001-20261126-${String(filled + i).padStart(6, '0')}` });
        });
      }
      expect(kiosk.outbox.summary()).toMatchObject({ queued: QUEUED, lastSeq: QUEUED });

      // "Stays fast" is structural: every statement of an enqueue and a claim searches an index, none scans the queue.
      const plans = kiosk.store.read((db) =>
        [
          `SELECT seq FROM outbox WHERE state = 'queued' AND kind = 'application' AND next_attempt_at <= 0 ORDER BY seq LIMIT 1000`,
          `SELECT stream_seq FROM outbox WHERE client_id = 'x'`,
        ].flatMap((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail)),
      );
      expect(plans.filter((d) => /^SCAN outbox/.test(d))).toEqual([]);
      expect(plans.some((d) => /USING (COVERING )?INDEX outbox_due/.test(d))).toBe(true);
      expect(plans.some((d) => /USING INDEX sqlite_autoindex_outbox_1/.test(d))).toBe(true);

      // Retained memory, not garbage waiting for a collection: sample the heap right after a full GC.
      v8.setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      const sampler = setInterval(() => {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 100);
      kiosk.engine.start();
      await expect.poll(() => kiosk.outbox.pendingCount(), { timeout: 240_000, interval: 250 }).toBe(0);
      clearInterval(sampler);
      await kiosk.engine.stop();

      expect(kiosk.outbox.summary()).toMatchObject({ accepted: QUEUED, quarantined: 0 });
      const received = (await (await fetch(`${platform.url}/admin/received.json`)).json()) as { kiosks: { kioskId: string; applications: { accepted: number; missingSeqs: number[]; maxSeq: number } }[] };
      const mine = received.kiosks.find((k) => k.kioskId === 'SX-TY-XD-0001')!;
      expect(mine.applications).toMatchObject({ accepted: QUEUED, maxSeq: QUEUED, missingSeqs: [] });
      // The queue's payloads alone are ~60 MB as JS strings; a batch is ~1 MB (two in flight when pipelined).
      expect(peak - baseline).toBeLessThan(24 * 1024 * 1024);
    } finally {
      await kiosk.close();
    }
  }, 300_000);
});
