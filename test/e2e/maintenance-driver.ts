import { expect, type Page } from '@playwright/test';

/** The demo kiosk's provisioned maintenance PIN (docs/maintenance.md). */
export const DEMO_PIN = '24682468';

/** The hidden way in: hold the top-left corner on the attract screen until the PIN pad appears. */
export async function holdCorner(page: Page): Promise<void> {
  await expect(page.getByTestId('maintenance-corner')).toBeAttached();
  await page.mouse.move(20, 20);
  await page.mouse.down();
  await expect(page.getByRole('heading', { name: '维护登录' })).toBeVisible({ timeout: 8000 });
  await page.mouse.up();
}

export async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.locator('.pin-pad').getByRole('button', { name: d, exact: true }).click();
  await page.getByTestId('pin-submit').click();
}

/** Corner, demo PIN, and the dashboard is on screen. */
export async function enterMaintenance(page: Page): Promise<void> {
  await holdCorner(page);
  await typePin(page, DEMO_PIN);
  await expect(page.getByRole('heading', { name: '终端维护' })).toBeVisible();
}
