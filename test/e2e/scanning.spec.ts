import { chromium, type Browser } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { cameraFrame, printReceiptPaper, writeY4m } from '../support/camera-frames';
import { REPO_ROOT } from '../support/processes';
import { sampleReceipt } from '../support/receipts';
import { axeViolations, expect, keepScreenshot, test } from './fixtures';

interface Scan {
  symbology: string;
  text: string;
  source: string;
}

/** A photographed receipt as the kiosk camera sees it: the barcode for a while, then the QR, looping. */
async function receiptVideo(file: string): Promise<void> {
  const paper = await printReceiptPaper(sampleReceipt);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 12; i++) frames.push(await cameraFrame(paper, { symbol: 'code128', scale: 1.15, rotateDeg: 2 + (i % 3), blurSigma: 0.6, noise: 5, shade: 0.2, seed: i + 1 }));
  for (let i = 0; i < 12; i++) frames.push(await cameraFrame(paper, { symbol: 'qr', scale: 1.6, rotateDeg: -8 - (i % 3), blurSigma: 0.6, noise: 5, shade: 0.2, seed: i + 50 }));
  writeY4m(file, frames, 8);
}

test.describe('scanning a receipt: camera, keyboard wedge and serial scanner reach the host as one event', () => {
  let browser: Browser;
  const video = path.join(REPO_ROOT, 'artifacts', 'camera', 'photographed-receipt.y4m');

  test.beforeAll(async () => {
    mkdirSync(path.dirname(video), { recursive: true });
    await receiptVideo(video);
    // Our own browser: the fake camera file must exist before Chromium starts.
    browser = await chromium.launch({
      executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
  });

  test.afterAll(async () => {
    await browser?.close();
  });

  test('a photographed receipt held to the camera: CODE128 and QR are read, confirmed and reported', async ({ kiosk }) => {
    // Camera start (30 s allowed) and decoding (30 s allowed) plus axe on a page that decodes frames: on CI's
    // two cores the default 60 s was not enough.
    test.setTimeout(150_000);
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5, hasTouch: true, locale: 'zh-CN' });
    // Camera permission for the kiosk's own origin only.
    await context.grantPermissions(['camera'], { origin: kiosk.baseUrl });
    const page = await context.newPage();
    await page.goto(kiosk.uiUrl);
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    await page.keyboard.press('Control+Alt+s');
    await expect(page.getByRole('heading', { name: '扫码测试' })).toBeVisible();
    // Opening the camera and loading the decoders (quagga2, zxing's wasm) takes a while on a busy machine.
    await expect(page.getByTestId('camera-scanner')).toHaveAttribute('data-state', 'scanning', { timeout: 30_000 });

    const recent = async () => (await kiosk.call<{ ok: boolean; value: Scan[] }>('scanner.recent')).body.value;
    await expect
      .poll(async () => (await recent()).filter((s) => s.source === 'camera').map((s) => `${s.symbology}:${s.text}`), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([`code128:${sampleReceipt.localNumber}`, `qr:${sampleReceipt.progressUrl}`]));
    // quagga2's LiveStream itself read the barcode (not only the zxing frame decoder beside it).
    await expect.poll(async () => Number((await page.getByTestId('camera-scanner').locator('.camera-view').getAttribute('data-quagga-reads')) ?? 0)).toBeGreaterThan(0);
    // The host published it back to the UI like any scan.
    await expect(page.getByTestId('scan-result')).toHaveAttribute('data-source', 'camera');
    await keepScreenshot(page, 'scan-test-camera');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('keyboard-wedge bursts and the serial scanner simulator arrive as scans; slow typing does not', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    await page.keyboard.press('Control+Alt+s');
    await expect(page.getByRole('heading', { name: '扫码测试' })).toBeVisible();
    const recent = async () => (await kiosk.call<{ ok: boolean; value: Scan[] }>('scanner.recent')).body.value;

    await page.keyboard.type('1234', { delay: 150 });
    await page.keyboard.press('Enter');
    // A wedge scanner types a code in a few milliseconds; CDP key round trips on a busy machine do not, so the burst is dispatched in the page.
    await page.evaluate((code) => {
      for (const key of [...code, 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, 'SX-DEV-0001-000002');
    await expect.poll(async () => (await recent()).map((s) => `${s.source}:${s.text}`)).toEqual(['keyboard:SX-DEV-0001-000002']);
    await expect(page.getByTestId('scan-result')).toContainText('SX-DEV-0001-000002');

    const sent = await kiosk.call<{ ok: boolean; value: { sent: boolean } }>('scanner.simulate', { text: 'SX-DEV-0001-000003', aim: ']C0' });
    expect(sent.body.value.sent).toBe(true);
    await expect(page.getByTestId('scan-result')).toContainText('SX-DEV-0001-000003');
    await expect(page.getByTestId('scan-result')).toHaveAttribute('data-source', 'serial');
    expect((await recent()).at(-1)).toMatchObject({ source: 'serial', symbology: 'code128', text: 'SX-DEV-0001-000003' });

    // The on-screen receipt (paper out) passes axe, normal and elderly.
    await page.getByTestId('show-receipt').tap();
    await expect(page.getByTestId('receipt-number')).toHaveText(sampleReceipt.localNumber);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('elderly-toggle').tap();
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'receipt-on-screen-elderly');
  });
});
