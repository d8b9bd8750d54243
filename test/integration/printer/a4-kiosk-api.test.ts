import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskProcess, startPlatformProcess, type KioskProcess, type PlatformProcess } from '../../support/processes';

interface Res<T> {
  ok: boolean;
  value: T;
  code?: string;
  message?: string;
}

/** The A4 methods of a real kiosk process with no A4 printer (the default): nothing offered, bad payloads refused clearly. */
describe('A4 over the web-shell API on a kiosk without an A4 printer', () => {
  let platform: PlatformProcess;
  let kiosk: KioskProcess;
  beforeAll(async () => {
    platform = await startPlatformProcess();
    kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_SCANNER: 'none' });
  });
  afterAll(async () => {
    await kiosk?.stop();
    await platform?.stop();
  });

  it('says the kiosk has no A4 printer, and the devices list has none', async () => {
    await kiosk.call('session.begin');
    const jobs = await kiosk.call<Res<{ printer: unknown; jobs: unknown[] }>>('a4.jobs');
    expect(jobs.body).toMatchObject({ ok: true, value: { printer: { fitted: false, ready: false, problem: null }, jobs: [] } });
    const devices = await kiosk.call<Res<{ kind: string }[]>>('devices.list');
    expect(devices.body.value.map((d) => d.kind)).not.toContain('a4-printer');
  });

  it('bad payloads and numbers not submitted here get a clear error and queue nothing', async () => {
    const unknown = await kiosk.call<Res<unknown>>('a4.print', { applicationNumber: 'SX-DEV-0001-000999', documents: ['commitment'] });
    // No 一件事 was submitted in this visit: nothing of it can print.
    expect(unknown.body).toMatchObject({ ok: false, code: 'no-session' });
    expect(unknown.body.message).toContain('重新开始');
    const bad = await kiosk.call<Res<unknown>>('a4.print', { applicationNumber: 'SX-DEV-0001-000999', documents: ['passport'] });
    expect(bad.body).toMatchObject({ ok: false, code: 'invalid-input' });
    const none = await kiosk.call<Res<unknown>>('a4.offer', { applicationNumber: '' });
    expect(none.body).toMatchObject({ ok: false, code: 'invalid-input' });
    const after = await kiosk.call<Res<{ jobs: unknown[] }>>('a4.jobs');
    expect(after.body.value.jobs).toEqual([]);
  });
});
