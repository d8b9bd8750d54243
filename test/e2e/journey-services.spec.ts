import { CARD, checkScreen, insertCard, platformIntakeCount, platformPayloadFor, removeCard, walkToConsent } from './journey-driver';
import { expect, test } from './fixtures';

test.describe('around the journeys: guides, help, 办不成事, assisted mode, both languages', () => {
  test('a check service (信用修复) shows its full guide, departments and 开始办理, in both modes', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await page.getByTestId('thing-credit-repair').click();
    await expect(page.getByRole('heading', { name: '信用修复', level: 1 })).toBeVisible();
    await expect(page.getByText('办理部门')).toBeVisible();
    await expect(page.getByText('省发展改革委').first()).toBeVisible();
    await expect(page.getByTestId('next-step')).toHaveCount(0);
    await expect(page.getByTestId('guide-start')).toBeVisible();
    await checkScreen(page, 'guide-check-service');
    await page.getByTestId('elderly-toggle').click();
    await checkScreen(page, 'guide-check-service-elderly');
  });

  test('help on every screen leads to 12345 and the 办不成事 form, which is queued to the platform', async ({ page, kiosk, platform }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await page.getByTestId('thing-newborn').click();
    await page.getByRole('button', { name: '求助 12345' }).click();
    await expect(page.getByRole('heading', { name: '需要帮助？' })).toBeVisible();
    await expect(page.getByText('12345').first()).toBeVisible();
    await checkScreen(page, 'help');
    await page.getByTestId('help-feedback').click();
    await expect(page.getByRole('heading', { name: '办不成事反映' })).toBeVisible();
    await page.getByTestId('feedback-mobile').fill('1391234');
    await page.getByTestId('feedback-submit').click();
    // Problems next to each field, in plain Chinese.
    await expect(page.locator('#fb-text-error')).toContainText('请写下您遇到的问题');
    await expect(page.locator('#fb-mobile-error')).toContainText('手机号');
    await checkScreen(page, 'feedback-errors');
    await page.getByTestId('feedback-text').fill('想办残疾人证迁移，终端上找不到');
    await page.getByTestId('feedback-mobile').fill('13912345678');
    const before = platformIntakeCount(platform.dataDir, 'feedback');
    await page.getByTestId('feedback-submit').click();
    await expect(page.getByTestId('feedback-thanks')).toContainText('已收到您的反映');
    await expect.poll(() => platformIntakeCount(platform.dataDir, 'feedback'), { timeout: 30_000 }).toBe(before + 1);
    await page.getByTestId('elderly-toggle').click();
    await checkScreen(page, 'feedback-thanks-elderly');
  });

  test('assisted mode: the clerk signs in, the resident swipes and confirms, the application carries the clerk', async ({ page, kiosk, platform }) => {
    // A whole 新生儿出生 walk with axe on every screen (the other-parent step added one).
    test.setTimeout(180_000);
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await page.getByTestId('go-assisted').click();
    await checkScreen(page, 'assisted-sign-in');
    // Typed on the on-screen keyboard, as a clerk at a village station would.
    await page.getByTestId('staff-id').click();
    const keyboard = page.getByTestId('keyboard');
    for (const k of 'demo-clerk') await keyboard.getByRole('button', { name: k.toUpperCase(), exact: true }).click();
    await keyboard.getByRole('button', { name: '完成输入' }).click();
    await page.getByTestId('staff-pin').click();
    for (const k of '111111') await keyboard.getByRole('button', { name: k, exact: true }).click();
    await page.getByTestId('staff-sign-in').click();
    await expect(page.getByTestId('staff-error')).toContainText('工号或 PIN 不正确');
    await page.getByTestId('staff-pin').fill('246810');
    await page.getByTestId('staff-sign-in').click();
    await expect(page.getByTestId('assisted-banner')).toContainText('演示代办员');

    await insertCard(kiosk);
    await page.getByTestId('thing-newborn').click();
    await walkToConsent(page, { thingId: 'newborn', shots: 'assisted', answer: 'last' });
    await expect(page.getByTestId('assisted-consent')).toContainText('请您本人确认');
    await page.getByTestId('consent-submit').click();
    const number = (await page.getByTestId('application-number').textContent())!.trim();
    await expect.poll(() => platformPayloadFor(platform.dataDir, number)?.['assistedBy'], { timeout: 30_000 }).toBe('demo-clerk');
  });

  test('English is the second language of the journey screens', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('start').click();
    await expect(page.getByTestId('thing-newborn')).toContainText('Birth of a baby');
    await insertCard(kiosk);
    await page.getByTestId('thing-newborn').click();
    await expect(page.getByRole('heading', { name: 'Birth of a baby', level: 1 })).toBeVisible();
    await page.getByTestId('guide-start').click();
    await expect(page.getByTestId('step-progress')).toContainText('Step 1 of');
    await checkScreen(page, 'english-question');
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByTestId('go-progress').click();
    await expect(page.getByRole('heading', { name: 'Check progress' })).toBeVisible();
    await expect(page.getByTestId('progress-result')).toBeVisible();
    await checkScreen(page, 'english-progress');
    await page.getByTestId('elderly-toggle').click();
    await checkScreen(page, 'english-progress-elderly');
    // The card holder's name never shows in full unless held.
    await expect(page.locator('body')).not.toContainText(CARD.name);
  });

  test('without a card the journey asks for it before the form, then fills the form from it', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await page.getByTestId('thing-newborn').click();
    await page.getByTestId('guide-start').click();
    await expect(page.getByTestId('step-progress')).toContainText('第 1 步');
    while (await page.locator('.journey.question').isVisible()) {
      const before = await page.getByTestId('step-progress').textContent();
      await page.locator('.answers .answer').last().click();
      await expect(page.getByTestId('step-progress').filter({ hasText: before! })).toHaveCount(0);
    }
    await expect(page.getByRole('heading', { name: '请把身份证放在感应区' })).toBeVisible();
    await checkScreen(page, 'identify');
    await insertCard(kiosk);
    // The other parent (an optional party) comes next; they are not here, so their fields will be typed.
    await page.getByTestId('party-skip-otherParent').click();
    await expect(page.getByTestId('card-name')).toHaveText(CARD.masked);
    await expect(page.getByTestId('card-idNumber')).toHaveText(CARD.maskedId);
  });

  test('every resident screen passes axe in elderly mode too', async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('elderly-toggle').click();
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked);
    await checkScreen(page, 'elderly-home');
    await page.getByTestId('home-search').click();
    await checkScreen(page, 'elderly-home-keyboard');
    await page.getByTestId('go-progress').click();
    await expect(page.getByTestId('progress-result')).toBeVisible();
    await checkScreen(page, 'elderly-progress');
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByTestId('go-feedback').click();
    await checkScreen(page, 'elderly-feedback');
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByTestId('go-assisted').click();
    await checkScreen(page, 'elderly-assisted');
    await page.getByRole('button', { name: /求助/ }).click();
    await checkScreen(page, 'elderly-help');
  });

  test('assisted mode with a staff card: the clerk’s own card signs in and never becomes the applicant', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await page.getByTestId('go-assisted').click();
    // The sign-in screen listens for the card once it is shown; a card placed earlier is a resident's.
    await expect(page.getByTestId('staff-sign-in')).toBeVisible();
    await insertCard(kiosk, 'resident-longterm'); // the demo clerk's registered card
    // The card goes through the simulator's pty, the driver and the staff registry; on CI's two busy cores
    // that has taken longer than the default 10 s.
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible({ timeout: 30_000 });
    const session = await kiosk.call<{ ok: boolean; value: unknown }>('session.current');
    expect(session.body.value).toBeNull();
    await removeCard(kiosk);
    await insertCard(kiosk);
    await expect(page.getByTestId('assisted-banner')).toContainText('演示代办员');
    await expect(page.getByTestId('identity')).toContainText(CARD.masked);
  });
});
