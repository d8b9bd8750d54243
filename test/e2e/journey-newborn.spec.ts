import { CHROMIUM_ARGS } from '../../playwright.config';
import { CARD, checkScreen, evaluate, insertCard, platformIntakeFor, walkToConsent } from './journey-driver';
import { expect, freshVisit, sharedTest as test } from './fixtures';

// The document camera is Chromium's fake capture device (a moving test pattern).
test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test.describe('新生儿出生, online, from the attract screen to 好差评', () => {
  // A walk with axe and a screenshot on every screen, the typed name and the progress query: on CI's loaded cores.
  test.describe.configure({ timeout: 150_000 });
  test('a parent finds it by pinyin initials, swipes the card, answers, fills one pre-filled form, adds materials, submits and rates', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    // The platform holds the baby's 出生医学证明 as an e-certificate of the parent.
    const seeded = await fetch(`${platform.url}/admin/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ holderIdNumber: CARD.idNumber, holderName: CARD.name, certificateTypeCode: 'EC080', certificateNumber: 'CSZM-2026-000777', issuedAt: '2026-01-02T00:00:00.000Z' }),
    });
    expect(seeded.status).toBe(201);

    await freshVisit(page, kiosk);
    await page.getByTestId('start').click();
    await expect(page.getByRole('heading', { name: '您好，请选择要办的事' })).toBeVisible();
    // Residents' matters first, then businesses' — not the annex's groups.
    await expect(page.getByRole('heading', { name: '个人办事' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '企业办事' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '巩固提升' })).toHaveCount(0);
    await checkScreen(page, 'newborn-0-home');

    // Search on the on-screen keyboard: x s e c s → 新生儿出生.
    await page.getByTestId('home-search').click();
    const keyboard = page.getByTestId('keyboard');
    await keyboard.getByRole('button', { name: '英文/数字' }).click();
    for (const k of 'xsecs') await keyboard.getByRole('button', { name: k.toUpperCase(), exact: true }).click();
    await expect(page.getByTestId('home-search')).toHaveValue('xsecs');
    await expect(page.getByTestId('search-results').locator('button').first()).toHaveAttribute('data-testid', 'thing-newborn');
    await checkScreen(page, 'newborn-0-search');

    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked);
    await expect(page.getByTestId('identity')).not.toContainText(CARD.name);

    await page.getByTestId('thing-newborn').click();
    await walkToConsent(page, { thingId: 'newborn', shots: 'newborn', answer: 'first' });

    // Before submitting, go back to the form from the review: the card fields are masked, held 显示 shows one.
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByTestId('change-form').click();
    const name = page.getByTestId('card-name');
    await expect(name).toHaveText(CARD.masked);
    const reveal = page.locator('.card-field', { has: name }).getByRole('button', { name: '按住显示' });
    await reveal.dispatchEvent('pointerdown');
    await expect(name).toHaveText(CARD.name);
    await reveal.dispatchEvent('pointerup');
    await expect(name).toHaveText(CARD.masked);
    // An error next to the field, in plain Chinese, until fixed; typed with the pinyin keyboard.
    await page.getByTestId('field-childName').fill('');
    await page.getByTestId('form-next').click();
    await expect(page.getByTestId('error-childName')).toContainText('请填写“孩子姓名”');
    await checkScreen(page, 'newborn-3-form-error');
    await page.getByTestId('field-childName').click();
    for (const k of 'wang') await keyboard.getByRole('button', { name: k.toUpperCase(), exact: true }).click();
    await keyboard.getByTestId('candidate').filter({ hasText: '王' }).first().click();
    for (const k of 'ming') await keyboard.getByRole('button', { name: k.toUpperCase(), exact: true }).click();
    await keyboard.getByTestId('candidate').filter({ hasText: '明' }).first().click();
    await expect(page.getByTestId('field-childName')).toHaveValue('王明');
    await keyboard.getByRole('button', { name: '完成输入' }).click();
    await page.getByTestId('form-next').click();
    await expect(page.getByRole('heading', { name: '请核对您的申请' })).toBeVisible();
    await expect(page.getByTestId('review-sub-items')).toContainText('本市户口登记');
    await page.getByTestId('review-next').click();

    // The e-certificate was looked up: no paper needed for it.
    // Submit: "已提交" only once the host answered (after the durable commit).
    await page.getByTestId('consent-submit').click();
    await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
    const number = (await page.getByTestId('application-number').textContent())!.trim();
    expect(number).toMatch(/^SX-DEV-0001-\d{6}$/);
    await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-delivered', 'true');
    await expect(page.getByTestId('print-state')).toHaveAttribute('data-state', 'printed');
    await expect(page.locator('body')).not.toContainText(CARD.idNumber);
    await checkScreen(page, 'newborn-7-done');

    // The platform has it exactly once, under the number on the receipt, with the e-certificate as a material.
    const intake = platformIntakeFor(platform.dataDir, number);
    expect(intake).toHaveLength(1);
    expect(intake[0]!.stream).toBe('applications');

    await evaluate(page, 'newborn');
    await page.getByTestId('evaluation-finish').click();
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    const after = await kiosk.call<{ ok: boolean; value: unknown }>('session.current');
    expect(after.body.value).toBeNull();
  });

  test('progress query by ID card shows each sub-item with its department', async ({ page, sharedKiosk: kiosk }) => {
    await freshVisit(page, kiosk);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await page.getByTestId('thing-newborn').click();
    await walkToConsent(page, { thingId: 'newborn', shots: 'progress-newborn', answer: 'last' });
    await page.getByTestId('consent-submit').click();
    const number = (await page.getByTestId('application-number').textContent())!.trim();
    // The receipt's time, to compare with the progress screen's: both Beijing time, to the minute.
    await expect(page.getByTestId('print-state')).toHaveAttribute('data-state', 'printed', { timeout: 30_000 });
    const paper = await kiosk.call<{ ok: boolean; value: { lines: string[] } | null }>('receipts.last');
    const printedAt = paper.body.value?.lines.find((l) => l.startsWith('提交时间：'))?.slice('提交时间：'.length);
    expect(printedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByTestId('go-progress').click();
    await expect(page.getByTestId('progress-result')).toBeVisible();
    await expect(page.getByTestId('progress-result')).toHaveAttribute('data-live', 'true');
    const item = page.getByTestId('progress-item').first();
    await expect(item).toContainText('《出生医学证明》办理(首签)');
    await expect(item).toContainText('省卫健委');
    await expect(page.getByTestId('progress-number').first()).not.toHaveText('');
    // The newest application first (it is shown under its platform number), at the time its receipt printed.
    await expect(item.getByTestId('progress-submitted-at')).toHaveText(printedAt!);
    await checkScreen(page, 'progress-by-card');
    // By the receipt number too (typed here; a scanner sends the same text).
    await page.getByTestId('receipt-code').fill(number);
    await page.getByTestId('receipt-query').click();
    await expect(page.getByTestId('progress-item')).toHaveCount(1);
  });
});
