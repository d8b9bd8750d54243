import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, PlatformErrorSchema, type ItemResult } from '../../../contract/platform';
import { applicationItem, applicationPayload, startSimWithKiosk, TestKiosk, type SimUnderTest } from './sim-client';

async function submit(t: SimUnderTest, items: unknown[]): Promise<ItemResult[]> {
  const res = await t.kiosk.request('POST', '/v1/applications/batch', { items });
  expect(res.status).toBe(200);
  return BatchResponseSchema.parse(await res.json()).results;
}

describe('platform-sim application intake', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk();
  });
  afterEach(async () => {
    await t.sim.close();
  });

  it('accepts a new item with a platform number and answers a resend as duplicate with the same number', async () => {
    const item = applicationItem();
    const [first] = await submit(t, [item]);
    expect(first).toMatchObject({ clientId: item.clientId, outcome: 'accepted', status: 201 });
    const number = (first as { platformNumber: string }).platformNumber;
    expect(number).toMatch(/^SX\d{16}$/);

    // A retry may renumber or re-stamp the envelope: only the payload decides sameness.
    const [again] = await submit(t, [{ ...item, seq: item.seq, createdAt: new Date(Date.now() + 5000).toISOString() }]);
    expect(again).toMatchObject({ outcome: 'duplicate', status: 200, platformNumber: number });

    const db = new Database(path.join(t.dataDir, 'platform.sqlite'), { readonly: true });
    const row = db.prepare('SELECT COUNT(*) AS n, MAX(duplicate_count) AS d FROM intake WHERE client_id = ?').get(item.clientId) as { n: number; d: number };
    db.close();
    expect(row).toEqual({ n: 1, d: 1 });
  });

  it('answers a reused key with a different payload 422 idempotency-key-reused, keeping the original', async () => {
    const item = applicationItem();
    const [first] = await submit(t, [item]);
    const [reused] = await submit(t, [{ ...item, payload: { ...item.payload, form: { enterpriseName: '另一家公司' } } }]);
    expect(reused).toMatchObject({ outcome: 'rejected', status: 422, code: 'idempotency-key-reused', permanent: true });
    const [original] = await submit(t, [item]);
    expect(original).toMatchObject({ outcome: 'duplicate', platformNumber: (first as { platformNumber: string }).platformNumber });
  });

  it('treats key order inside the payload as the same payload', async () => {
    const item = applicationItem();
    await submit(t, [item]);
    const reordered = Object.fromEntries(Object.entries(item.payload).reverse());
    const [again] = await submit(t, [{ ...item, payload: reordered }]);
    expect(again?.outcome).toBe('duplicate');
  });

  it('judges items one by one: a poison item is rejected with the field named while the others are accepted', async () => {
    const good1 = applicationItem();
    const poison = { ...applicationItem(), payload: { ...applicationPayload(), applicant: { cardType: 'resident', name: '', idNumber: '1' } } };
    const unknownItem = applicationItem(applicationPayload({ itemCode: '99', subItemCodes: ['99-01'] }));
    const wrongSub = applicationItem(applicationPayload({ itemCode: '01', subItemCodes: ['02-01'] }));
    const good2 = applicationItem();
    const results = await submit(t, [good1, poison, 'not an item', unknownItem, wrongSub, good2]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'rejected', 'accepted']);
    expect(results[1]).toMatchObject({ clientId: poison.clientId, status: 400, code: 'invalid-item', permanent: true });
    const paths = (results[1] as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toContain('items.1.payload.applicant.name');
    expect(paths).toContain('items.1.payload.applicant.idNumber');
    expect(results[2]).toMatchObject({ clientId: 'items.2', code: 'invalid-item' });
    expect(results[3]).toMatchObject({ status: 422, code: 'unknown-catalog-item', permanent: true });
    expect(results[4]).toMatchObject({ status: 422, code: 'unknown-sub-item', permanent: true });
  });

  it('answers the same key twice in one batch accepted then duplicate', async () => {
    const item = applicationItem();
    const results = await submit(t, [item, item]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'duplicate']);
    expect((results[0] as { platformNumber: string }).platformNumber).toBe((results[1] as { platformNumber: string }).platformNumber);
  });

  it('rejects an application whose attachment is not uploaded as transient (permanent: false)', async () => {
    const sha = 'a'.repeat(64);
    const item = applicationItem(applicationPayload({ materials: [{ kind: 'attachment', materialCode: 'M1', sha256: sha, mediaType: 'image/jpeg', bytes: 10 }] }));
    const [r] = await submit(t, [item]);
    expect(r).toMatchObject({ outcome: 'rejected', status: 409, code: 'attachment-missing', permanent: false });
  });

  it('keeps the key across a restart of the platform (permanent dedupe, same SQLite file)', async () => {
    const item = applicationItem();
    const [first] = await submit(t, [item]);
    await t.sim.close();
    // Same data dir, same kiosk key (re-provisioning the same key is allowed).
    t = await startSimWithKiosk({ dataDir: t.dataDir }, t.kiosk);
    const [again] = await submit(t, [item]);
    expect(again).toMatchObject({ outcome: 'duplicate', platformNumber: (first as { platformNumber: string }).platformNumber });
    // A different key for the same kiosk id is refused.
    expect((await new TestKiosk(t.sim.url, t.kiosk.kioskId).provision()).status).toBe(409);
  });

  it('refuses a malformed envelope with a clear 400 naming the field, and a non-JSON body', async () => {
    const empty = await t.kiosk.request('POST', '/v1/applications/batch', { items: [] });
    expect(empty.status).toBe(400);
    const e1 = PlatformErrorSchema.parse(await empty.json());
    expect(e1.code).toBe('invalid-body');
    expect(e1.issues?.[0]?.path).toBe('items');

    const noItems = await t.kiosk.request('POST', '/v1/applications/batch', { stuff: 1 });
    expect(PlatformErrorSchema.parse(await noItems.json()).message).toMatch(/^items: /);

    const garbage = await t.kiosk.request('POST', '/v1/applications/batch', '{"items": [', {});
    expect(garbage.status).toBe(400);
    expect(PlatformErrorSchema.parse(await garbage.json()).message).toMatch(/not valid JSON/);
  });

  it('answers 413 body-too-large for a batch over 1 MiB', async () => {
    const big = applicationPayload({ form: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`f${i}`, 'x'.repeat(1900)])) });
    const res = await t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem(big)] });
    expect(res.status).toBe(413);
    expect(PlatformErrorSchema.parse(await res.json()).code).toBe('body-too-large');
  });

  it('takes evaluations and feedback through the same batch semantics', async () => {
    const ev = { clientId: applicationItem().clientId, seq: 1, createdAt: new Date().toISOString(), payload: { level: 'very-dissatisfied', reasons: [] } };
    const res = await t.kiosk.request('POST', '/v1/evaluations/batch', { items: [ev, { ...ev, clientId: applicationItem().clientId, seq: 2, payload: { level: 'satisfied' } }] });
    const results = BatchResponseSchema.parse(await res.json()).results;
    expect(results[0]).toMatchObject({ outcome: 'rejected', code: 'invalid-item' });
    expect((results[0] as { issues: { path: string }[] }).issues[0]!.path).toBe('items.0.payload.reasons');
    expect(results[1]!.outcome).toBe('accepted');

    const fb = { clientId: applicationItem().clientId, seq: 1, createdAt: new Date().toISOString(), payload: { category: 'cannot-find-item', description: '找不到办理残疾人证的入口' } };
    const r1 = BatchResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/feedback/batch', { items: [fb] })).json()).results;
    const r2 = BatchResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/feedback/batch', { items: [fb] })).json()).results;
    expect(r1[0]!.outcome).toBe('accepted');
    expect(r2[0]).toMatchObject({ outcome: 'duplicate', platformNumber: (r1[0] as { platformNumber: string }).platformNumber });
  });
});

describe('platform-sim intake content types', () => {
  it('accepts application/json with a charset and refuses text/plain with a message naming the content type', async () => {
    const t = await startSimWithKiosk();
    try {
      const withCharset = await t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem()] }, { contentType: 'application/json; charset=utf-8' });
      expect(withCharset.status).toBe(200);
      const plain = await t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem()] }, { contentType: 'text/plain' });
      expect(plain.status).toBe(400);
      expect(PlatformErrorSchema.parse(await plain.json()).message).toMatch(/Content-Type: application\/json/);
    } finally {
      await t.sim.close();
    }
  });
});
