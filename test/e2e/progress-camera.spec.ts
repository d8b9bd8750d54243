import { chromium, type Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { decodeFrame } from '../../renderer/src/scan/frame-decoder';
import { REPO_ROOT, startKioskProcess, tempDir } from '../support/processes';
import { handHeldConditions, ISSUE_CONDITIONS, photographReceipt, receiptSheet, writePhotosY4m, type Photo } from '../support/receipt-photos';
import { sampleReceipt } from '../support/receipts';
import { nodeGreyReader } from '../support/zxing-node';
import { CARD, insertCard, walkToConsent } from './journey-driver';
import { axeViolations, expect, freshVisit, keepScreenshot, test } from './fixtures';

// The journey's document camera (materials) is Chromium's fake test pattern in Playwright's own browser; the receipt
// video plays in a second browser, as the resident comes back with the receipt on another visit.
test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['camera'],
});

/**
 * The receipt's barcode held up to a 1280×720 camera (issue #16): photographs
 * from test/support/receipt-photos.ts (bwip-js symbols, tilt, keystone, blur,
 * noise, uneven light, JPEG), framed on the CODE128 with the QR above cut off
 * by the frame's edge, so only the barcode can answer.
 */
async function barcodeVideo(file: string): Promise<Photo[]> {
  const sheet = await receiptSheet(sampleReceipt);
  const photos: Photo[] = [];
  for (let i = 0; i < 16; i++) {
    const around = i === 0 ? ISSUE_CONDITIONS : handHeldConditions(i);
    photos.push(await photographReceipt(sheet, { ...around, offsetX: around.offsetX / 2, offsetY: -250 + (i % 4) * 6, pxPerMm: Math.min(around.pxPerMm, 9) }));
  }
  writePhotosY4m(file, photos, 8);
  return photos;
}

test.describe('progress query by the camera: the resident holds the receipt barcode up to the lens', () => {
  let browser: Browser;
  let photos: Photo[];
  const video = path.join(REPO_ROOT, 'artifacts', 'camera', 'photographed-receipt-barcode-1280x720.y4m');

  test.beforeAll(async () => {
    mkdirSync(path.dirname(video), { recursive: true });
    photos = await barcodeVideo(video);
    // Our own browser: the fake camera file must exist before Chromium starts.
    browser = await chromium.launch({
      executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
  });

  test.afterAll(async () => {
    await browser?.close();
  });

  test('the camera opens at 1280×720, reads the receipt CODE128 and shows that application only', async ({ page, kiosk }) => {
    // A journey walk, the camera start, the decoding and axe on a page decoding frames, on two busy cores.
    test.setTimeout(240_000);
    // The video is what it should be: the barcode readable in most frames, the QR in none (so the barcode answers).
    let barcodes = 0;
    for (const p of photos) {
      const reads = await decodeFrame(p.grey, p.width, p.height, nodeGreyReader);
      if (reads.some((r) => r.symbology === 'code128' && r.text === sampleReceipt.localNumber)) barcodes++;
      expect(reads.filter((r) => r.symbology === 'qr')).toEqual([]);
    }
    expect(barcodes).toBeGreaterThanOrEqual(8);

    // The visit that filed the application and printed the receipt.
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked, { timeout: 30_000 });
    await page.getByTestId('thing-newborn').click();
    await walkToConsent(page, { thingId: 'newborn', shots: 'progress-camera', answer: 'last', checks: 'none' });
    await page.getByTestId('consent-submit').click();
    await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible({ timeout: 30_000 });
    // A fresh kiosk's first application: the number on the photographed receipt.
    await expect(page.getByTestId('application-number')).toHaveText(sampleReceipt.localNumber);
    await freshVisit(page, kiosk);

    // Back with the card and the receipt: the progress query, by the card first.
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5, hasTouch: true, locale: 'zh-CN' });
    await context.grantPermissions(['camera'], { origin: kiosk.baseUrl });
    const resident = await context.newPage();
    await resident.goto(kiosk.uiUrl);
    await resident.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(resident.getByTestId('identity')).toContainText(CARD.masked, { timeout: 30_000 });
    await resident.getByTestId('go-progress').click();
    // The newborn application and the case filed at a hall window.
    const windowCase = resident.locator('[data-testid="progress-item"]', { has: resident.locator('[data-channel="window"]') });
    await expect(windowCase).toHaveCount(1, { timeout: 20_000 });
    await expect(resident.getByTestId('progress-item')).toHaveCount(2);

    // The sizes the camera delivers, kept by the page: the scanner closes itself once the code is confirmed.
    await resident.evaluate(() => {
      const seen: string[] = ((window as unknown as { captureSizes: string[] }).captureSizes = []);
      new MutationObserver((records) => {
        for (const r of records) {
          const size = (r.target as HTMLElement).dataset['capture'];
          if (size && !seen.includes(size)) seen.push(size);
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-capture'] });
    });
    await resident.getByTestId('progress-camera').tap();
    const scanner = resident.getByTestId('camera-scanner');
    await expect(scanner).toHaveCount(1);
    // Three identical reads confirm the code; the camera closes and the receipt's application alone is shown.
    await expect(scanner).toHaveCount(0, { timeout: 60_000 });
    // The camera's best size, not the 640×480 the kiosk used to ask for.
    expect(await resident.evaluate(() => (window as unknown as { captureSizes: string[] }).captureSizes)).toEqual(['1280x720']);
    await expect(resident.getByTestId('progress-camera')).toHaveAttribute('aria-pressed', 'false');
    await expect(resident.getByTestId('progress-error')).toHaveCount(0);
    await expect(resident.getByTestId('progress-item')).toHaveCount(1, { timeout: 20_000 });
    await expect(windowCase).toHaveCount(0);
    await expect(resident.getByTestId('progress-item')).toContainText('出生医学证明');
    await keepScreenshot(resident, 'progress-by-camera');
    expect(await axeViolations(resident)).toEqual([]);
    await context.close();
  });

  test('holding a receipt up to the camera is not idle: the privacy countdown waits while the scanner is open, and comes once it is closed', async ({ page, platform }) => {
    test.setTimeout(180_000);
    // A 10 s idle clock and a 5 s countdown; the page's fake camera shows Chromium's test pattern (no code to read).
    const dir = tempDir('idle-scan');
    const config = path.join(dir, 'kiosk.config.json');
    writeFileSync(config, JSON.stringify({ ui: { idleSeconds: 10, countdownSeconds: 5 } }));
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PLATFORM_HEALTH_MS: '300', KIOSK_WATCHDOG_MS: '60000', KIOSK_CONFIG: config, KIOSK_DATA_DIR: dir });
    try {
      await page.goto(kiosk.uiUrl);
      await page.getByTestId('start').click();
      await page.getByTestId('go-progress').click();
      await page.getByTestId('progress-camera').click();
      await expect(page.getByTestId('camera-scanner')).toHaveAttribute('data-state', /scanning|starting/u);
      // Twice the idle time with no touch while the camera looks for the code: no countdown, the scanner still open.
      const opened = Date.now();
      let broken = '';
      await expect
        .poll(
          async () => {
            if (!broken && (await page.getByTestId('idle-warning').count())) broken = `countdown after ${Date.now() - opened} ms`;
            if (!broken && !(await page.getByTestId('camera-scanner').count())) broken = `scanner gone after ${Date.now() - opened} ms`;
            return broken || (Date.now() - opened >= 20_000 ? 'held for 20 s' : 'holding');
          },
          { intervals: [500], timeout: 40_000 },
        )
        .toBe('held for 20 s');
      // The resident closes the camera (a touch) and walks away: the countdown comes after the idle time, then the wipe.
      await page.getByTestId('progress-camera').click();
      await expect(page.getByTestId('camera-scanner')).toHaveCount(0);
      const closed = Date.now();
      await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 30_000 });
      expect(Date.now() - closed).toBeGreaterThanOrEqual(9000);
      await expect(page.getByTestId('start')).toBeVisible({ timeout: 30_000 });
    } finally {
      await kiosk.stop();
    }
  });
});
