import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordCipher } from '../../../offline-cache/crypto/record-cipher';
import { Outbox } from '../../../offline-cache/outbox/outbox';
import { Store } from '../../../offline-cache/store/database';
import { tempDir } from '../../support/processes';

const opened: Store[] = [];
function setup(now = { t: 1_000_000 }) {
  const store = Store.open({ dataDir: tempDir('outbox') });
  opened.push(store);
  const outbox = new Outbox(store, createRecordCipher(randomBytes(32)), { now: () => now.t, random: () => 0.5 });
  return { store, outbox, now };
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

describe('Outbox', () => {
  it('numbers items per stream from 1 without gaps and gives each a UUIDv7 client id', () => {
    const { outbox } = setup();
    const a1 = outbox.enqueue('application', { n: 1 });
    const e1 = outbox.enqueue('evaluation', { n: 2 });
    const a2 = outbox.enqueue('application', { n: 3 });
    expect([a1.streamSeq, e1.streamSeq, a2.streamSeq]).toEqual([1, 1, 2]);
    expect(a1.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a2.seq).toBeGreaterThan(a1.seq);
  });

  it('a rolled-back transaction does not use up a stream number; a reopened outbox continues after the last one', () => {
    const { store, outbox } = setup();
    outbox.enqueue('application', { n: 1 });
    expect(() =>
      store.durable((db) => {
        outbox.enqueueIn(db, 'application', { n: 2 });
        throw new Error('resident cancelled');
      }),
    ).toThrow('resident cancelled');
    expect(outbox.enqueue('application', { n: 3 }).streamSeq).toBe(2);
    const again = new Outbox(store, createRecordCipher(randomBytes(32)));
    expect(again.peekStreamSeq('application')).toBe(3);
    expect(again.peekStreamSeq('feedback')).toBe(1);
  });

  it('claims in order within the byte budget (at least one item), and settles per item', () => {
    const { outbox } = setup();
    const ids = [0, 1, 2, 3].map((i) => outbox.enqueue('application', { pad: 'x'.repeat(400), i }).clientId);
    const batch = outbox.claimBatch('application', { maxBytes: 900, maxItems: 100 });
    expect(batch.map((b) => b.clientId)).toEqual(ids.slice(0, 2));
    expect(JSON.parse(batch[0]!.payloadJson)).toEqual({ pad: 'x'.repeat(400), i: 0 });
    expect(outbox.claimBatch('application', { maxBytes: 1, maxItems: 100 }).map((b) => b.clientId)).toEqual([ids[2]]);
    outbox.settle([
      { clientId: ids[0]!, outcome: 'accepted', platformRef: 'SX0000000000000001' },
      { clientId: ids[1]!, outcome: 'rejected', reason: 'invalid-item: bad' },
      { clientId: ids[2]!, outcome: 'retry', reason: 'later' },
    ]);
    const s = outbox.summary();
    expect(s).toMatchObject({ accepted: 1, quarantined: 1, queued: 2, sending: 0 });
    expect(outbox.quarantined().map((q) => q.clientId)).toEqual([ids[1]]);
  });

  it('a poison item does not block the rest, and a technician can re-queue it', () => {
    const { outbox } = setup();
    const poison = outbox.enqueue('application', { poison: true }).clientId;
    const good = outbox.enqueue('application', { ok: true }).clientId;
    const first = outbox.claimBatch('application', { maxBytes: 1e6, maxItems: 10 });
    outbox.settle(first.map((i) => (i.clientId === poison ? { clientId: i.clientId, outcome: 'rejected', reason: 'bad' } : { clientId: i.clientId, outcome: 'accepted', platformRef: 'SX1' })));
    expect(outbox.clientIds('accepted')).toEqual([good]);
    expect(outbox.claimBatch('application', { maxBytes: 1e6, maxItems: 10 })).toEqual([]);
    expect(outbox.requeue(poison)).toBe(true);
    expect(outbox.requeue(poison)).toBe(false);
    expect(outbox.claimBatch('application', { maxBytes: 1e6, maxItems: 10 }).map((i) => i.clientId)).toEqual([poison]);
  });

  it('a per-item retry waits its own backoff while other items flow', () => {
    const { outbox, now } = setup();
    const slow = outbox.enqueue('feedback', { a: 1 }).clientId;
    outbox.claimBatch('feedback', { maxBytes: 1e6, maxItems: 10 });
    outbox.settle([{ clientId: slow, outcome: 'retry', reason: 'attachment-missing', retryAfterMs: 60_000 }]);
    const other = outbox.enqueue('feedback', { b: 2 }).clientId;
    expect(outbox.claimBatch('feedback', { maxBytes: 1e6, maxItems: 10 }).map((i) => i.clientId)).toEqual([other]);
    now.t += 60_001;
    expect(outbox.claimBatch('feedback', { maxBytes: 1e6, maxItems: 10 }).map((i) => i.clientId)).toEqual([slow]);
  });

  it('items left "sending" by a crash are queued again when the outbox reopens', () => {
    const dir = tempDir('outbox-crash');
    const key = randomBytes(32);
    const store = Store.open({ dataDir: dir });
    const outbox = new Outbox(store, createRecordCipher(key));
    const id = outbox.enqueue('application', { x: 1 }).clientId;
    outbox.claimBatch('application', { maxBytes: 1e6, maxItems: 10 });
    expect(outbox.summary().sending).toBe(1);
    store.close();
    const reopened = Store.open({ dataDir: dir });
    opened.push(reopened);
    const again = new Outbox(reopened, createRecordCipher(key));
    expect(again.clientIds('queued')).toEqual([id]);
  });

  it('keeps one queued heartbeat: a newer one replaces it', () => {
    const { outbox } = setup();
    outbox.enqueueHeartbeat({ n: 1 });
    const latest = outbox.enqueueHeartbeat({ n: 2 });
    const batch = outbox.claimBatch('heartbeat', { maxBytes: 1e6, maxItems: 10 });
    expect(batch.map((b) => [b.clientId, JSON.parse(b.payloadJson)])).toEqual([[latest.clientId, { n: 2 }]]);
  });
});
