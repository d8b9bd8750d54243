import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startKioskProcess, startPlatformProcess, type KioskProcess, type PlatformProcess } from '../../support/processes';

interface Res<T> {
  ok: boolean;
  value: T;
  code?: string;
}

/** The receipt and scanner API of a real kiosk process (`KIOSK_PRINTER=sim`, `KIOSK_SCANNER=sim`) over HTTP. */
describe('receipts and scanner over the web-shell API', () => {
  let platform: PlatformProcess;
  let kiosk: KioskProcess;
  beforeAll(async () => {
    platform = await startPlatformProcess();
    kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PRINTER: 'sim', KIOSK_SCANNER: 'sim' });
  });
  afterAll(async () => {
    await kiosk?.stop();
    await platform?.stop();
  });

  it('a test receipt prints on the virtual printer and its PNG, fetched through the API, reads back with zbar', async () => {
    const printed = await kiosk.call<Res<{ status: string }>>('receipts.printTest');
    expect(printed.body.value.status).toBe('printed');
    const last = await kiosk.call<Res<{ png: string; complete: boolean; lines: string[] }>>('receipts.last');
    expect(last.body.value.complete).toBe(true);
    const dir = path.join(REPO_ROOT, 'artifacts', 'receipts');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'api-test-receipt.png');
    writeFileSync(file, Buffer.from(last.body.value.png.replace('data:image/png;base64,', ''), 'base64'));
    const codes = execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim().split('\n');
    const number = last.body.value.lines.find((l) => l.startsWith('受理编号：'))!.replace('受理编号：', '');
    expect(codes).toContain(number);
    // The QR carries the number and the receipt's code, which lets the progress page show details without the card.
    const qr = new URL(codes.find((c) => c.startsWith('http'))!);
    expect(`${qr.origin}${qr.pathname}`).toBe(`${platform.url}/progress`);
    expect(qr.searchParams.get('n')).toBe(number);
    expect(qr.searchParams.get('c')).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('bad payloads get a clear error and change nothing', async () => {
    const control = await kiosk.call<Res<unknown>>('scanner.report', { symbology: 'code128', text: 'SX\u0007261126', source: 'camera' });
    expect(control.body).toMatchObject({ ok: false, code: 'invalid-input' });
    const spoofed = await kiosk.call<Res<unknown>>('scanner.report', { symbology: 'code128', text: 'SX2611260001', source: 'serial' });
    expect(spoofed.body).toMatchObject({ ok: false, code: 'invalid-input' });
    const unknownJob = await kiosk.call<Res<unknown>>('receipts.retry', { jobId: 'nope' });
    expect(unknownJob.body).toMatchObject({ ok: false, code: 'not-found' });
    const badSim = await kiosk.call<Res<unknown>>('receipts.simSet', { paper: 'soggy' });
    expect(badSim.body).toMatchObject({ ok: false, code: 'invalid-input' });
    const recent = await kiosk.call<Res<unknown[]>>('scanner.recent');
    expect(recent.body.value).toEqual([]);
  });

  it('the printer and scanner appear in devices.list with their conditions', async () => {
    const list = await kiosk.call<Res<{ id: string; kind: string; source: string; power: string; conditions: Record<string, unknown> }[]>>('devices.list');
    const printer = list.body.value.find((d) => d.kind === 'printer');
    const scanner = list.body.value.find((d) => d.kind === 'scanner');
    expect(printer).toMatchObject({ source: 'sim', power: 'online', conditions: { paper: 'ok', cover: 'closed' } });
    expect(scanner).toMatchObject({ source: 'sim', power: 'online' });
  });
});
