import { CHROMIUM_ARGS } from '../../playwright.config';
import { startPlatformProcess } from '../support/processes';
import { CARD, checkScreen, insertCard, platformIntakeFor, walkToConsent } from './journey-driver';
import { expect, test } from './fixtures';

test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
  },
});

test.describe('新生儿出生 in elderly mode with the network unplugged', () => {
  test('submitted while the platform is down, delivered exactly once when it returns, under the receipt number', async ({ page, kiosk, platform }) => {
    test.setTimeout(180_000);
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('elderly-toggle').click();
    await expect(page.locator('html')).toHaveClass(/elderly/);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked);

    // Voice guidance: every spoken prompt is on screen too, and the host produced the speech.
    const prompt = page.locator('.home').getByTestId('voice-prompt');
    await expect(prompt).toContainText('语音提示');
    await expect(prompt).toHaveAttribute('data-spoken', 'true');
    const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(32);
    const lineHeight = await page.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize));
    expect(lineHeight).toBeGreaterThanOrEqual(1.3);
    await checkScreen(page, 'elderly-offline-0-home');

    // Unplug the network.
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
    await platform.stop();
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'false');

    await page.getByTestId('thing-newborn').click();
    await page.getByTestId('guide-start').click();
    // Elderly targets: the answers are at least 64 px tall.
    const answerBox = await page.locator('.answers .answer').first().boundingBox();
    expect(answerBox!.height).toBeGreaterThanOrEqual(64);
    await page.getByRole('button', { name: '返回' }).click();
    // Offline, e-certificates cannot be looked up: the screen says so, and offers the camera or a promise instead.
    const offlineLookup = async (p: typeof page) => {
      await expect(p.getByText('网络暂时不可用，查不到电子证照')).toBeVisible();
      await expect(p.locator('[data-testid^="ecert-retry-"]').first()).toBeVisible();
    };
    await walkToConsent(page, { thingId: 'newborn', shots: 'elderly-offline', answer: 'first', onMaterials: offlineLookup });

    // Back on the materials: the documents were photographed or promised, none came as an e-certificate.
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await expect(page.getByRole('heading', { name: '提供材料' })).toBeVisible();
    await expect(page.locator('.material[data-provided="capture"]').first()).toBeVisible();
    await expect(page.locator('.material[data-provided="e-certificate"]')).toHaveCount(0);
    await page.getByTestId('materials-next').click();
    await page.getByTestId('review-next').click();

    await page.getByTestId('consent-submit').click();
    await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
    await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-delivered', 'false');
    await expect(page.getByTestId('delivery-state')).toContainText('已安全保存在本机');
    const number = (await page.getByTestId('application-number').textContent())!.trim();
    await checkScreen(page, 'elderly-offline-7-done');

    // Progress query while offline: the last status saved here, and it says so.
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByTestId('go-progress').click();
    await expect(page.getByTestId('progress-result')).toHaveAttribute('data-live', 'false');
    await expect(page.getByTestId('progress-result')).toContainText('网络暂时不可用，下面是本机保存的最新状态');
    await expect(page.getByTestId('progress-item').first()).toContainText('等待发送');
    await checkScreen(page, 'elderly-offline-progress');

    // The network returns: the same platform (same port, same data) comes back.
    const back = await startPlatformProcess({ port: platform.port, dataDir: platform.dataDir });
    try {
      await expect.poll(() => platformIntakeFor(platform.dataDir, number).length, { timeout: 60_000, intervals: [250, 500, 1000] }).toBe(1);
      // Delivered once: a later sync round does not send it again.
      await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
      const summary = await kiosk.call<{ ok: boolean; value: { queued: number; sending: number } }>('outbox.summary');
      expect(summary.body.value.queued + summary.body.value.sending).toBe(0);
      expect(platformIntakeFor(platform.dataDir, number)).toHaveLength(1);
    } finally {
      await back.stop();
    }
  });
});
