import { axeViolations, expect, keepScreenshot, test } from './fixtures';

test.describe('the kiosk boots in Chromium over the web shell', () => {
  test('attract screen → tap → home, with an API round trip and host events reaching the UI', async ({ page, kiosk, platform }) => {
    await page.goto(kiosk.uiUrl);
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    // system.info round trip: the service point configured in the host is on screen.
    await expect(page.getByText('太原市小店区坞城街道便民服务中心（演示）')).toBeVisible();
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'boot-attract');

    await page.getByTestId('start').tap();
    await expect(page.getByRole('heading', { name: '您好，请选择要办的事' })).toBeVisible();
    const session = await kiosk.call<{ ok: boolean; value: { id: string } | null }>('session.current');
    expect(session.body.ok).toBe(true);
    expect(session.body.value?.id).toMatch(/^[0-9a-f-]{36}$/);

    // system.connectivity events: online now, offline once the platform stops.
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
    await platform.stop();
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'false');
    await expect(page.getByTestId('connectivity')).toContainText('您的申请会安全保存在本机');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'boot-home-offline');
  });

  test('elderly mode and English are one tap away and still pass axe', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('elderly-toggle').tap();
    await expect(page.locator('html')).toHaveClass(/elderly/);
    const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(32);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(page.getByRole('heading', { name: 'One thing, done in one go' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a page without the boot token cannot call the host', async ({ page, kiosk }) => {
    await page.goto(kiosk.baseUrl + '/');
    await expect(page.getByText('缺少会话令牌')).toBeVisible();
    const status = await page.evaluate(async () => (await fetch('/api/system.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
    expect(status).toBe(401);
  });
});
