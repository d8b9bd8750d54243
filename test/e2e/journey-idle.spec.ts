import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startKioskProcess, tempDir, type KioskProcess } from '../support/processes';
import { CARD, checkScreen, insertCard, removeCard } from './journey-driver';
import { expect, test } from './fixtures';

/** A kiosk with a short privacy clock: 10 s idle, 5 s countdown. */
async function shortClockKiosk(platformUrl: string): Promise<KioskProcess> {
  const dir = tempDir('idle');
  const config = path.join(dir, 'kiosk.config.json');
  writeFileSync(config, JSON.stringify({ ui: { idleSeconds: 10, countdownSeconds: 20 } }));
  return startKioskProcess({ KIOSK_PLATFORM_URL: platformUrl, KIOSK_PLATFORM_HEALTH_MS: '300', KIOSK_CONFIG: config, KIOSK_DATA_DIR: dir, KIOSK_WATCHDOG_MS: '60000' });
}

test.describe('privacy: an abandoned journey is wiped', () => {
  // A short idle clock (10 s) and a countdown long enough (20 s) for axe to look at the warning on CI's busy cores.
  test('idle → countdown with 继续办理 → wiped: nothing personal left in the DOM, storage or host session', async ({ page, platform }) => {
    test.setTimeout(180_000);
    const kiosk = await shortClockKiosk(platform.url);
    try {
      await page.goto(kiosk.uiUrl);
      await page.getByTestId('start').click();
      await insertCard(kiosk);
      await expect(page.getByTestId('identity')).toContainText(CARD.masked);
      await page.getByTestId('thing-newborn').click();
      await page.getByTestId('guide-start').click();
      // Each answer moves to the next step: wait for its number before looking again (the old screen may still be up).
      await expect(page.getByTestId('step-progress')).toContainText('第 1 步');
      for (let n = 1; await page.locator('.journey.question').isVisible(); n++) {
        await page.locator('.answers .answer').last().click();
        await expect(page.getByTestId('step-progress')).toContainText(`第 ${n + 1} 步`);
      }
      // The other parent is not at the kiosk: their fields are typed.
      await page.getByTestId('party-skip-otherParent').click();
      await page.getByTestId('field-childName').fill('王小明');
      await page.getByTestId('field-otherParentIdNumber').fill('110101199003077571');

      // The warning: big 继续办理, countdown in words and numbers.
      const warning = page.getByTestId('idle-warning');
      await expect(warning).toBeVisible({ timeout: 20_000 });
      await expect(warning).toContainText('继续办理');
      await expect(warning).toContainText(/[一二三四五六七八九十]+秒（\d+ 秒）/);
      await checkScreen(page, 'idle-warning');
      await page.getByTestId('idle-continue').click();
      await expect(warning).toBeHidden();
      await expect(page.getByTestId('field-childName')).toHaveValue('王小明');

      // Left alone again: wiped and back to the attract screen.
      await expect(warning).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible({ timeout: 45_000 });
      const dom = await page.locator('body').innerText();
      for (const secret of ['王小明', '110101199003077571', CARD.name, CARD.masked, CARD.idNumber, CARD.maskedId]) expect(dom).not.toContain(secret);
      expect(await page.locator('video, img[src^="data:image/jpeg"]').count()).toBe(0);
      const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
      for (const secret of ['王小明', CARD.name, CARD.idNumber, '110101199003077571']) expect(storage).not.toContain(secret);
      expect(Object.keys(JSON.parse(storage) as object).filter((k) => k !== 'kiosk.token')).toEqual([]);

      const session = await kiosk.call<{ ok: boolean; value: unknown }>('session.current');
      expect(session.body).toEqual({ ok: true, value: null });
      const draft = await kiosk.call<{ ok: boolean; value: unknown }>('journey.draft');
      expect(draft.body).toEqual({ ok: true, value: null });
      const reveal = await kiosk.call<{ ok: boolean; code?: string }>('journey.revealCardField', { field: 'name' });
      expect(reveal.body.ok).toBe(false);
      expect(reveal.body.code).toBe('no-session');
      await checkScreen(page, 'idle-wiped');
    } finally {
      await kiosk.stop();
    }
  });

  test('card removed mid-journey asks whether to continue; 继续办理 keeps the journey', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await page.getByTestId('thing-newborn').click();
    await page.getByTestId('guide-start').click();
    await removeCard(kiosk);
    const prompt = page.getByTestId('card-removed');
    await expect(prompt).toContainText('身份证已取走。要继续办理吗？');
    await checkScreen(page, 'card-removed');
    await page.getByTestId('card-removed-continue').click();
    await expect(prompt).toBeHidden();
    await expect(page.locator('.journey.question')).toBeVisible();
  });

  test('card removed mid-journey: 结束 clears the session and returns to the start', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked);
    await page.getByTestId('thing-newborn').click();
    await removeCard(kiosk);
    await page.getByTestId('card-removed-end').click();
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    const session = await kiosk.call<{ ok: boolean; value: unknown }>('session.current');
    expect(session.body.value).toBeNull();
  });
});
