import type { Page } from '@playwright/test';
import { CATALOG } from '../../contract/catalog';
import { axeViolations, expect, freshVisit, keepScreenshot, platformFaults, sharedTest } from './fixtures';

/** What a new resident hit on the home screen and around it (issue #11 item 8), one kiosk for the lot. */
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

async function openHome(page: Page, elderly: boolean): Promise<void> {
  await page.getByTestId('start').tap();
  await expect(page.getByRole('heading', { name: '您好，请选择要办的事' })).toBeVisible();
  if (elderly) {
    await page.getByTestId('elderly-toggle').tap();
    await expect(page.locator('html')).toHaveClass(/elderly/);
  }
}

sharedTest.describe('home screen: the whole catalog as large pictogram tiles on about two screens', () => {
  // axe over 30 tiles and full-page screenshots of a 2-screen page: more than the default minute on a loaded machine.
  sharedTest.describe.configure({ timeout: 120_000 });
  for (const [orientation, viewport] of [
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ] as const) {
    for (const elderly of [false, true]) {
      sharedTest(`${orientation}${elderly ? ', elderly mode' : ''}`, async ({ page, sharedKiosk }) => {
        await page.setViewportSize(viewport);
        await freshVisit(page, sharedKiosk);
        await openHome(page, elderly);
        // Every 一件事 and every other service has its own labelled picture (read in one pass: the page is large).
        const tiles = await page.locator('[data-testid^="thing-"], [data-testid^="go-"]').evaluateAll((els) =>
          els.map((e) => ({ id: e.getAttribute('data-testid'), text: e.textContent, picture: e.querySelector('svg.pictogram[role="img"]')?.getAttribute('aria-label') ?? null })),
        );
        const expected = [...CATALOG.oneThings.map((t) => `thing-${t.id}`), 'go-progress', 'go-appointments', 'go-feedback', 'go-assisted'];
        expect(tiles.map((t) => t.id).sort()).toEqual(expected.sort());
        for (const thing of CATALOG.oneThings) expect(tiles.find((t) => t.id === `thing-${thing.id}`)?.text).toContain(thing.name);
        for (const tile of tiles) expect(tile.picture, tile.id!).toMatch(/^图：.+/);
        expect(new Set(tiles.map((t) => t.picture)).size, 'one distinct picture per tile').toBe(tiles.length);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(height / viewport.height, `page is ${height}px tall`).toBeLessThanOrEqual(2.3);
        // The action bar stays on screen at the top of the page and at its foot.
        const bar = page.locator('nav.action-bar');
        await expect(bar).toBeInViewport({ ratio: 1 });
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await expect(bar).toBeInViewport({ ratio: 1 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await expect(bar).toBeInViewport({ ratio: 1 });
        expect(await axeViolations(page)).toEqual([]);
        await keepScreenshot(page, `home-tiles-${orientation}${elderly ? '-elderly' : ''}`);
      });
    }
  }

  sharedTest('the privacy wipe gives the next resident the kiosk as configured: elderly mode and English off', async ({ page, sharedKiosk }) => {
    await freshVisit(page, sharedKiosk);
    await openHome(page, true);
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The idle guard's wipe (here through the same host call it makes).
    const ended = await sharedKiosk.call<{ ok: boolean; value: { ended: boolean } }>('session.end', { reason: 'idle' });
    expect(ended.body.value.ended).toBe(true);
    await expect(page.getByTestId('start')).toBeVisible();
    await expect(page.locator('html')).not.toHaveClass(/elderly/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
  });
});

sharedTest.describe('network pill', () => {
  sharedTest('has one size online and offline: the page does not move when the link drops and comes back', async ({ page, sharedKiosk, sharedPlatform }) => {
    await freshVisit(page, sharedKiosk);
    await openHome(page, false);
    const pill = page.getByTestId('connectivity');
    await expect(pill).toHaveAttribute('data-online', 'true');
    const measure = async () => ({ main: (await page.locator('main').boundingBox())!.y, pill: (await pill.boundingBox())! });
    const online = await measure();
    try {
      await platformFaults(sharedPlatform, { paths: ['/v1/health'], errorRate: 1 });
      await expect(pill).toHaveAttribute('data-online', 'false');
      const offline = await measure();
      expect(offline.main).toBe(online.main);
      expect([offline.pill.width, offline.pill.height]).toEqual([online.pill.width, online.pill.height]);
      expect(await axeViolations(page)).toEqual([]);
      await keepScreenshot(page, 'home-offline-pill');
    } finally {
      await platformFaults(sharedPlatform, {});
    }
    await expect(pill).toHaveAttribute('data-online', 'true');
    expect((await measure()).main).toBe(online.main);
  });
});
