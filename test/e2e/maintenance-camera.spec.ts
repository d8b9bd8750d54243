import { CHROMIUM_ARGS } from '../../playwright.config';
import { axeViolations, expect, test } from './fixtures';

// Chromium's fake camera (a test pattern) stands in for the kiosk camera.
test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['camera'],
});

test('camera self-test shows a live preview and stops the camera when closed', async ({ page, kiosk }) => {
  await page.goto(kiosk.uiUrl);
  await page.mouse.move(20, 20);
  await page.mouse.down();
  await expect(page.getByRole('heading', { name: '维护登录' })).toBeVisible({ timeout: 8000 });
  await page.mouse.up();
  for (const d of '24682468') await page.locator('.pin-pad').getByRole('button', { name: d, exact: true }).click();
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('selftest-camera').click();
  const video = page.getByTestId('camera-preview');
  await expect(video).toBeVisible();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  // Keep a handle on the stream to see that closing the preview really stops the camera.
  await page.evaluate(() => ((window as unknown as { previewStream: MediaStream }).previewStream = (document.querySelector('[data-testid="camera-preview"]') as HTMLVideoElement).srcObject as MediaStream));
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '关闭摄像头' }).click();
  await expect(video).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { previewStream: MediaStream }).previewStream.getTracks().map((t) => t.readyState))).toEqual(['ended']);
});
