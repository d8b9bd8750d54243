import { axeViolations, expect, keepScreenshot, test } from './fixtures';

test.describe('ID card through the dev dock: simulator on a pty, real driver, real host', () => {
  test('a card placed on the attract screen starts a visit and the resident is greeted, masked, on every screen', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    await expect(page.getByTestId('status-identity')).toHaveCount(0);

    // The dock is a small closed tab until asked for.
    const toggle = page.getByTestId('devdock-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(await axeViolations(page)).toEqual([]);
    await toggle.tap();
    await expect(page.getByTestId('devdock-section-idcard')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'idcard-dock-open');

    await page.getByTestId('dock-card-resident-zhang').tap();
    // The driver reads the card over the pty; the host identifies the session; the UI goes home.
    await expect(page.getByTestId('identity')).toContainText('张*三', { timeout: 15_000 });
    await expect(page.getByTestId('identity')).toContainText('140…1234');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('张*三');
    await expect(page.getByTestId('status-identity')).toContainText('张*三 140…1234');
    // Everything the resident's neighbours can see (the dock lists fictional test cards by name).
    const text = (await page.locator('header').innerText()) + (await page.locator('main').innerText());
    expect(text).not.toContain('张小三');
    expect(text).not.toContain('140105199003071234');
    await toggle.tap();
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'idcard-home-identified');

    // Another screen: the status bar still says who is identified.
    await page.getByRole('button', { name: /求助/ }).tap();
    await expect(page.getByTestId('identity')).toHaveCount(0);
    await expect(page.getByTestId('status-identity')).toContainText('张*三 140…1234');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('elderly mode: a card with a bad check digit identifies but warns; a read fault is said in plain words', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('elderly-toggle').tap();
    await expect(page.locator('html')).toHaveClass(/elderly/);
    await page.getByTestId('devdock-toggle').tap();
    await page.getByTestId('dock-fault-sw3-41').tap();
    await expect(page.getByTestId('dock-note')).toContainText('读卡失败');
    // The notice stands until the next poll (half a second later) reads the card: on a loaded machine both events can
    // arrive before a locator's next look, so every notice shown is recorded as it is drawn.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { readFailedNotices: string[] }).readFailedNotices = seen;
      new MutationObserver(() => {
        const notice = document.querySelector('[data-testid="card-read-failed"]');
        if (notice?.textContent && seen.at(-1) !== notice.textContent) seen.push(notice.textContent);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByTestId('dock-card-resident-badcheck').tap();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { readFailedNotices: string[] }).readFailedNotices), { timeout: 15_000 })
      .toEqual([expect.stringContaining('请把身份证平放在感应区')]);
    // The next poll reads the card.
    await expect(page.getByTestId('identity')).toContainText('王*', { timeout: 15_000 });
    await expect(page.getByTestId('card-number-invalid')).toBeVisible();
    await expect(page.getByTestId('card-read-failed')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'idcard-elderly-badcheck');
    await page.getByTestId('devdock-toggle').tap();
    expect(await axeViolations(page)).toEqual([]);
  });
});
