import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentStatusSchema, BatchResponseSchema, formatContentRange, PlatformErrorSchema } from '../../../contract/platform';
import { applicationItem, applicationPayload, startSimWithKiosk, type SimUnderTest } from './sim-client';

describe('platform-sim resumable attachments', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk();
  });
  afterEach(async () => {
    await t.sim.close();
  });

  const scan = randomBytes(2_500_000);
  const sha = createHash('sha256').update(scan).digest('hex');
  const put = (start: number, end: number, total = scan.length, bytes: Uint8Array = scan.subarray(start, end + 1), digest = sha) =>
    t.kiosk.request('PUT', `/v1/attachments/${digest}`, undefined, {
      raw: bytes,
      contentType: 'application/octet-stream',
      headers: { 'content-range': formatContentRange({ start, end, total }) },
    });
  const status = async () => AttachmentStatusSchema.parse(await (await t.kiosk.request('GET', `/v1/attachments/${sha}`)).json());

  it('uploads in 1 MiB chunks, resumes from the reported offset, and verifies the digest at the end', async () => {
    const MiB = 1024 * 1024;
    expect(await status()).toMatchObject({ receivedBytes: 0, totalBytes: null, complete: false });
    expect((await put(0, MiB - 1)).status).toBe(200);
    // The "connection" dropped here: the kiosk asks where to resume.
    const mid = await status();
    expect(mid).toMatchObject({ receivedBytes: MiB, totalBytes: scan.length, complete: false });
    // A chunk at the wrong offset is refused with the offset to resume from.
    const wrong = await put(2 * MiB, scan.length - 1);
    expect(wrong.status).toBe(409);
    expect(PlatformErrorSchema.parse(await wrong.json())).toMatchObject({ code: 'range-mismatch', message: expect.stringContaining(`resume at ${MiB}`) });
    expect((await put(MiB, 2 * MiB - 1)).status).toBe(200);
    const last = await put(2 * MiB, scan.length - 1);
    expect(AttachmentStatusSchema.parse(await last.json())).toMatchObject({ receivedBytes: scan.length, complete: true });
    expect(existsSync(path.join(t.dataDir, 'attachments', sha))).toBe(true);
    // A technician can fetch it back, byte for byte.
    const back = Buffer.from(await (await t.admin('GET', `/admin/attachments/${sha}`)).arrayBuffer());
    expect(back.equals(scan)).toBe(true);
    expect((await t.admin('GET', `/admin/attachments/${'0'.repeat(64)}`)).status).toBe(404);
    // Uploading again is a no-op.
    expect(AttachmentStatusSchema.parse(await (await put(0, 99)).json()).complete).toBe(true);

    // Now an application may reference it.
    const item = applicationItem(applicationPayload({ materials: [{ kind: 'attachment', materialCode: 'M1', sha256: sha, mediaType: 'image/jpeg', bytes: scan.length }] }));
    const res = await t.kiosk.request('POST', '/v1/applications/batch', { items: [item] });
    expect(BatchResponseSchema.parse(await res.json()).results[0]!.outcome).toBe('accepted');
  });

  it('discards an upload whose bytes do not hash to its name (422 digest-mismatch)', async () => {
    const small = randomBytes(1000);
    const fake = 'b'.repeat(64);
    const res = await put(0, small.length - 1, small.length, small, fake);
    expect(res.status).toBe(422);
    expect(PlatformErrorSchema.parse(await res.json()).code).toBe('digest-mismatch');
    const after = AttachmentStatusSchema.parse(await (await t.kiosk.request('GET', `/v1/attachments/${fake}`)).json());
    expect(after.receivedBytes).toBe(0);
  });

  it('refuses a bad Content-Range, a length mismatch and a bad digest name with clear 400s', async () => {
    const noRange = await t.kiosk.request('PUT', `/v1/attachments/${sha}`, undefined, { raw: scan.subarray(0, 10), contentType: 'application/octet-stream' });
    expect(noRange.status).toBe(400);
    expect(PlatformErrorSchema.parse(await noRange.json()).issues?.[0]?.path).toBe('headers.content-range');

    const short = await put(0, 99, scan.length, scan.subarray(0, 50));
    expect(short.status).toBe(400);
    expect(PlatformErrorSchema.parse(await short.json()).message).toMatch(/says 100 bytes, body has 50/);

    const badName = await t.kiosk.request('GET', '/v1/attachments/NOTAHASH');
    expect(badName.status).toBe(400);
    expect(PlatformErrorSchema.parse(await badName.json()).issues?.[0]?.path).toBe('sha256');
  });

  it('refuses a declared total above 20 MiB with 413', async () => {
    const res = await put(0, 9, 21 * 1024 * 1024, scan.subarray(0, 10));
    expect(res.status).toBe(413);
  });
});

describe('platform-sim attachments under concurrency', () => {
  it('serialises two uploads of the same scan: one chunk lands, the other is told where to resume', async () => {
    const t = await startSimWithKiosk();
    try {
      const bytes = randomBytes(4096);
      const digest = createHash('sha256').update(bytes).digest('hex');
      const put = () =>
        t.kiosk.request('PUT', `/v1/attachments/${digest}`, undefined, {
          raw: bytes.subarray(0, 2048),
          contentType: 'application/octet-stream',
          headers: { 'content-range': formatContentRange({ start: 0, end: 2047, total: 4096 }) },
        });
      const statuses = (await Promise.all([put(), put()])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const s = AttachmentStatusSchema.parse(await (await t.kiosk.request('GET', `/v1/attachments/${digest}`)).json());
      expect(s.receivedBytes).toBe(2048);
    } finally {
      await t.sim.close();
    }
  });
});
