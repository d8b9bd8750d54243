import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskProcess, startPlatformProcess, type KioskProcess, type PlatformProcess } from '../../support/processes';

let platform: PlatformProcess;
let kiosk: KioskProcess;
beforeAll(async () => {
  platform = await startPlatformProcess();
  kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_BOOT_JITTER_MS: '0', KIOSK_ID: 'SX-TY-XD-0009' });
}, 90_000);
afterAll(async () => {
  await kiosk?.stop();
  await platform?.stop();
});

type Ok<T> = { ok: true; value: T };

describe('the kiosk process composes the offline store', () => {
  it('registers its key, reaches the platform and reports delivery state over the Kiosk API', async () => {
    await expect
      .poll(async () => (await kiosk.call<Ok<{ online: boolean; queueDepth: number }>>('sync.status')).body.value, { timeout: 30_000, interval: 200 })
      .toMatchObject({ online: true, queueDepth: 0, quarantined: 0, consecutiveFailures: 0 });
    const summary = await kiosk.call<Ok<{ quarantined: number; lastSeq: number }>>('outbox.summary');
    expect(summary.body).toMatchObject({ ok: true, value: { quarantined: 0 } });
    const quarantined = await kiosk.call<Ok<{ items: unknown[] }>>('outbox.quarantined', { limit: 10 });
    expect(quarantined.body).toEqual({ ok: true, value: { items: [] } });
    const head = await kiosk.call<Ok<{ seq: number; hash: string; algorithm: string }>>('audit.head');
    expect(head.body.value.algorithm).toBe('sha256');
    expect(head.body.value.hash).toMatch(/^[0-9a-f]{64}$/);
    const fleet = (await (await fetch(`${platform.url}/admin/received.json`)).json()) as { kiosks: { kioskId: string }[] };
    expect(fleet.kiosks.map((k) => k.kioskId)).toContain('SX-TY-XD-0009');
  });

  it('heartbeats ride the outbox to the platform', async () => {
    const heartbeats = async () => {
      const r = (await (await fetch(`${platform.url}/admin/received.json`)).json()) as { kiosks: { kioskId: string; heartbeats: number }[] };
      return r.kiosks.find((k) => k.kioskId === 'SX-TY-XD-0009')?.heartbeats ?? 0;
    };
    await expect.poll(heartbeats, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input with a clear error', async () => {
    const r = await kiosk.call<{ ok: false; code: string; message: string }>('outbox.quarantined', { limit: 'all' });
    expect(r.body).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(r.body.message).toContain('limit');
  });
});
