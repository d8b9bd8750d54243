import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Page } from '@playwright/test';
import { REPO_ROOT, type KioskProcess } from '../support/processes';
import { TestKiosk } from '../support/platform-kiosk';
import { expect, freshVisit, platformEvaluations, platformFaults, sharedTest as test } from './fixtures';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { CARD, checkScreen, insertCard, walkToConsent } from './journey-driver';

// The document camera (a sub-item's journey photographs its materials) is Chromium's fake capture device.
test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

/**
 * The service channels beside an application, on one shared kiosk: 预约 at a
 * hall (book, a slot taken meanwhile refused, cancel, offline refusal, the
 * 预约凭条 read back from the virtual printer with zbar), progress by card
 * across kiosks and hall windows, and 好差评 after each of these.
 */



async function identified(page: Page, kiosk: KioskProcess): Promise<void> {
  await freshVisit(page, kiosk);
  await page.getByTestId('start').click();
  await insertCard(kiosk);
  // CI's two busy cores: the card read gets 30 s.
  await expect(page.getByTestId('identity')).toContainText(CARD.masked, { timeout: 30_000 });
}

/** A level from the two lowest with a reason (the reason is asked for first), then sent. */
async function rateLow(page: Page, reason: string, shots: string): Promise<void> {
  await page.getByTestId('level-very-dissatisfied').click();
  await page.getByTestId('evaluation-submit').click();
  await expect(page.getByTestId('evaluation-error')).toContainText('请至少选择一个原因');
  await page.getByTestId(`reason-${reason}`).click();
  await checkScreen(page, shots);
  await page.getByTestId('evaluation-submit').click();
  await expect(page.getByTestId('evaluation-thanks')).toBeVisible();
}

/** The first slot of the first day that has one, as the screen offers it. */
async function firstOpenSlot(page: Page) {
  const slot = page.locator('[data-testid^="slot-"]:not([disabled])').first();
  await expect(slot).toBeVisible({ timeout: 15_000 });
  return slot;
}

test.describe('预约, progress everywhere and 好差评 for every service', () => {
  test.describe.configure({ timeout: 180_000 });
  test('book a hall slot from a guide: 凭条 printed and read back, rated with reason codes, then cancelled', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    await identified(page, kiosk);
    await page.getByTestId('thing-social-security-card-services').click();
    await page.getByTestId('guide-appointment').click();
    await expect(page.getByRole('heading', { name: '预约到大厅办理' })).toBeVisible();
    await expect(page.getByTestId('appointment-purpose')).toContainText('社会保障卡居民服务');
    await page.getByTestId('hall-xiaodian-center').click();
    // A slot of the second bookable day: well before its cancellation deadline, whatever the hour now.
    const second = page.locator('[data-testid^="day-"]').nth(1);
    await second.click();
    await expect(second).toHaveAttribute('aria-pressed', 'true');
    const slot = page.locator('[data-testid^="slot-"]:not([disabled])').last();
    await expect(slot).toHaveAttribute('data-remaining', '3');
    await checkScreen(page, 'appointment-slots');
    await slot.click();
    await page.getByTestId('appointment-confirm').click();
    await expect(page.getByTestId('appointment-booked')).toBeVisible({ timeout: 20_000 });
    const number = (await page.getByTestId('appointment-number').textContent())!.trim();
    expect(number).toMatch(/^YY\d{8}-\d{4}$/);
    await expect(page.getByTestId('slip-state')).toHaveAttribute('data-state', 'printed');
    await checkScreen(page, 'appointment-booked');

    // The 预约凭条 as printed: title and hall on the paper, its CODE128 and QR read back with zbar.
    const last = await kiosk.call<{ ok: boolean; value: { png: string; complete: boolean; lines: string[] } | null }>('receipts.last');
    expect(last.body.value?.complete).toBe(true);
    expect(last.body.value!.lines).toEqual(expect.arrayContaining(['预约凭条', '预约事项：社会保障卡居民服务']));
    expect(last.body.value!.lines.join('\n')).toContain('太原市小店区政务服务中心');
    const dir = path.join(REPO_ROOT, 'artifacts', 'receipts');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'appointment-slip.png');
    writeFileSync(file, Buffer.from(last.body.value!.png.replace('data:image/png;base64,', ''), 'base64'));
    const codes = execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim().split('\n');
    expect(codes).toContain(number);
    expect(codes.some((c) => c.startsWith('http') && c.includes(`n=${number}`))).toBe(true);

    // 好差评 of the booking: the platform gets it with its reason codes and the appointment number.
    await page.getByTestId('appointment-rate').click();
    await rateLow(page, 'staff-attitude', 'appointment-rating');
    await expect
      .poll(() => platformEvaluations(platform).filter((e) => e.service === 'appointment' && e.reference === number), { timeout: 30_000 })
      .toEqual([expect.objectContaining({ level: 'very-dissatisfied', reasons: ['staff-attitude'], itemCode: '20' })]);

    // View and cancel by card: the place is free again.
    await page.getByTestId('evaluation-finish').click();
    const mine = page.getByTestId(`mine-${number}`);
    await expect(mine).toHaveAttribute('data-status', 'booked');
    await page.getByTestId(`cancel-${number}`).click();
    await expect(page.getByTestId('appointment-note')).toContainText(`已取消预约 ${number}`);
    await expect(mine).toHaveAttribute('data-status', 'cancelled');
    await checkScreen(page, 'appointment-cancelled');
  });

  test('a sub-item that needs a hall visit is booked from the journey: the 凭条 names that sub-item, and 返回 goes back to the application as it was', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    await identified(page, kiosk);
    await page.getByTestId('thing-disability-services').click();
    // The guide already says which sub-item needs the hall, and a resident who prefers a window can book from there.
    await expect(page.getByTestId('guide-visit-21-01')).toContainText('残疾评定');
    await expect(page.getByTestId('guide-appointment')).toHaveText('更想到窗口办？预约到大厅办理');
    const answers = { certificateAction: 'new', lowIncome: true, severe: false, employment: false, residentPension: false };
    await walkToConsent(page, { thingId: 'disability-services', shots: 'visit', answer: answers, checks: 'none', stopAtReview: true });

    // On the review, the first certificate says it needs the assessment in person; the allowance does not.
    const visit = page.getByTestId('hall-visit-21-01');
    await expect(visit).toContainText('需要到大厅：第一次办证或变更类别、等级须本人到残联窗口接受残疾评定');
    await expect(page.getByTestId('hall-visit-21-02')).toHaveCount(0);
    await expect(page.getByTestId('review-sub-item-21-02')).toContainText('困难残疾人生活补贴');
    await checkScreen(page, 'visit-review');
    await page.getByTestId('book-visit-21-01').click();

    await expect(page.getByRole('heading', { name: '预约到大厅办理' })).toBeVisible();
    await expect(page.getByTestId('appointment-purpose')).toHaveText('预约事项：残疾人服务（残疾人证新办、换领、迁移、挂失补办、注销、残疾类别/等级变更）');
    await page.getByTestId('hall-yangqu-center').click();
    const third = page.locator('[data-testid^="day-"]').nth(2);
    await third.click();
    await expect(third).toHaveAttribute('aria-pressed', 'true');
    await (await firstOpenSlot(page)).click();
    await page.getByTestId('appointment-confirm').click();
    await expect(page.getByTestId('appointment-booked')).toBeVisible({ timeout: 20_000 });
    const number = (await page.getByTestId('appointment-number').textContent())!.trim();
    await expect(page.getByTestId('slip-state')).toHaveAttribute('data-state', 'printed');
    await checkScreen(page, 'visit-booked');

    // The 预约凭条 read back from the virtual printer names the sub-item and the hall; zbar reads its number.
    const last = await kiosk.call<{ ok: boolean; value: { png: string; complete: boolean; lines: string[] } | null }>('receipts.last');
    expect(last.body.value?.complete).toBe(true);
    const paper = last.body.value!.lines.join('');
    expect(last.body.value!.lines).toContain('预约凭条');
    expect(paper).toContain('预约事项：残疾人服务（残疾人证新办、换领、迁移、挂失补办、注销、残疾类别/等级变更）');
    expect(paper).toContain('阳曲县政务服务中心');
    const dir = path.join(REPO_ROOT, 'artifacts', 'receipts');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'appointment-slip-sub-item.png');
    writeFileSync(file, Buffer.from(last.body.value!.png.replace('data:image/png;base64,', ''), 'base64'));
    expect(execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim().split('\n')).toContain(number);
    // The platform holds the booking for this 一件事 and sub-item.
    const db = new Database(path.join(platform.dataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT purpose, item_code AS itemCode FROM appointments WHERE appointment_number = ?').get(number) as { purpose: string; itemCode: string } | undefined;
      expect(row).toEqual({ purpose: '残疾人服务（残疾人证新办、换领、迁移、挂失补办、注销、残疾类别/等级变更）', itemCode: '21' });
    } finally {
      db.close();
    }

    // Back to the application: the answers and the form are still there, and it can be sent on.
    await page.getByTestId('appointment-back-to-review').click();
    await expect(page.getByRole('heading', { name: '请核对您的申请' })).toBeVisible();
    await expect(page.getByTestId('hall-visit-21-01')).toBeVisible();
    await expect(page.locator('.journey.review')).toContainText('第一次办证');
    // Network unplugged: the same sub-item's booking says plainly it cannot be made, offers 12345, and 返回 still leads back.
    await platformFaults(platform, { errorRate: 1 });
    try {
      await page.getByTestId('book-visit-21-01').click();
      await expect(page.getByTestId('appointment-offline')).toContainText('12345', { timeout: 20_000 });
      await expect(page.getByTestId('hall-yangqu-center')).toHaveCount(0);
      await checkScreen(page, 'visit-offline');
    } finally {
      await platformFaults(platform, {});
    }
    await page.getByTestId('appointment-back-to-review').click();
    await page.getByTestId('review-next').click();
    await expect(page.getByRole('heading', { name: '确认提交' })).toBeVisible();
  });

  test('a slot taken at another kiosk meanwhile is refused on confirm; offline the screen says so and offers 12345', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    await identified(page, kiosk);
    await page.getByTestId('go-appointments').click();
    await page.getByTestId('hall-wucheng-station').click();
    const slot = await firstOpenSlot(page);
    await expect(slot).toHaveAttribute('data-remaining', '1');
    await slot.click();
    await expect(page.getByTestId('appointment-confirm')).toBeVisible();

    // Another kiosk books the station's only place of that slot for someone else.
    const other = new TestKiosk(platform.url, 'SX-TY-XD-0042');
    expect((await other.provision()).status).toBe(201);
    const startsAt = await page.evaluate(() => document.querySelector('[data-testid^="slot-"][aria-pressed="true"]')?.getAttribute('data-testid'));
    expect(startsAt).toBeTruthy();
    const slots = (await (await other.request('POST', '/v1/appointments/slots', { hallId: 'wucheng-station', day: '2000-01-01' })).json()) as { days: string[] };
    let taken = false;
    for (const day of slots.days) {
      const s = (await (await other.request('POST', '/v1/appointments/slots', { hallId: 'wucheng-station', day })).json()) as { slots: { startsAt: string; remaining: number }[] };
      const match = s.slots.find((x) => x.remaining === 1 && `slot-${new Date(Date.parse(x.startsAt) + 8 * 3600_000).toISOString().slice(11, 16).replace(':', '')}` === startsAt);
      if (!match) continue;
      const r = await other.request('POST', '/v1/appointments/book', { clientId: uuidv7(), holderIdNumber: '140105198805052345', holderNameMasked: '李*', hallId: 'wucheng-station', startsAt: match.startsAt, itemCode: null, purpose: '窗口办理' });
      expect((await r.json()) as { booked: boolean }).toMatchObject({ booked: true });
      taken = true;
      break;
    }
    expect(taken).toBe(true);

    await page.getByTestId('appointment-confirm').click();
    await expect(page.getByTestId('appointment-refused')).toHaveAttribute('data-code', 'slot-full');
    await expect(page.getByTestId('appointment-refused')).toContainText('已约满');
    await expect(page.getByTestId('appointment-booked')).toHaveCount(0);
    await checkScreen(page, 'appointment-full');

    // Network unplugged: no booking can exist, and the resident is told plainly, with 12345.
    await platformFaults(platform, { errorRate: 1 });
    try {
      await identified(page, kiosk);
      await page.getByTestId('go-appointments').click();
      await expect(page.getByTestId('appointment-offline')).toContainText('12345', { timeout: 20_000 });
      await expect(page.getByTestId('hall-xiaodian-center')).toHaveCount(0);
      await checkScreen(page, 'appointment-offline');
    } finally {
      await platformFaults(platform, {});
    }
  });

  test('progress by card shows the case filed at a hall window; the query is rated and arrives at the platform', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    await identified(page, kiosk);
    await page.getByTestId('go-progress').click();
    const result = page.getByTestId('progress-result');
    await expect(result).toHaveAttribute('data-live', 'true', { timeout: 20_000 });
    const window = page.locator('[data-testid="progress-item"]', { has: page.locator('[data-channel="window"]') });
    await expect(window).toContainText('社会保障卡居民服务');
    await expect(window).toContainText('太原市小店区政务服务中心 5号窗口');
    await expect(window.locator('[data-status="done"]')).toHaveCount(1);
    await checkScreen(page, 'progress-everywhere');

    await page.getByTestId('progress-rate').click();
    await page.getByTestId('level-dissatisfied').click();
    await page.getByTestId('reason-too-slow').click();
    await page.getByTestId('reason-repeated-visits').click();
    await page.getByTestId('evaluation-submit').click();
    await expect(page.getByTestId('evaluation-thanks')).toBeVisible();
    await expect
      .poll(() => platformEvaluations(platform).filter((e) => e.service === 'progress'), { timeout: 30_000 })
      .toEqual([expect.objectContaining({ level: 'dissatisfied', reasons: ['too-slow', 'repeated-visits'] })]);
  });
});

test('办不成事 from a matter’s guide names that 一件事 at the platform', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
  test.setTimeout(120_000);
  await identified(page, kiosk);
  await page.getByTestId('thing-disability-services').click();
  await page.getByTestId('guide-feedback').click();
  await expect(page.getByTestId('feedback-thing')).toContainText('残疾人服务');
  await page.getByTestId('feedback-text').fill('想办残疾人证迁移，材料不清楚');
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('feedback-thanks')).toBeVisible();
  await checkScreen(page, 'feedback-names-thing');
  await expect
    .poll(
      () => {
        const db = new Database(path.join(platform.dataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("SELECT payload FROM intake WHERE stream = 'feedback'").pluck().all() as string[]).map((p) => JSON.parse(p) as { itemCode?: string; description: string });
        } finally {
          db.close();
        }
      },
      { timeout: 30_000 },
    )
    .toEqual([expect.objectContaining({ itemCode: '21', description: '想办残疾人证迁移，材料不清楚' })]);

  // Stuck in the middle of a 一件事: 求助 from the action bar, then 办不成事 — it still names that 一件事.
  await page.getByRole('button', { name: '回到首页' }).click();
  await page.getByTestId('thing-marriage-and-childbearing').click();
  await page.getByTestId('guide-start').click();
  await expect(page.getByTestId('step-progress')).toContainText('第 1 步');
  await page.getByRole('button', { name: '求助 12345' }).click();
  await page.getByTestId('help-feedback').click();
  await expect(page.getByTestId('feedback-thing')).toContainText('公民婚育');
  await page.getByTestId('feedback-text').fill('不知道户口迁移选哪一项');
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('feedback-thanks')).toBeVisible();
  await expect
    .poll(
      () => {
        const db = new Database(path.join(platform.dataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("SELECT payload FROM intake WHERE stream = 'feedback' ORDER BY seq").pluck().all() as string[]).map((p) => JSON.parse(p) as { itemCode?: string; description: string }).at(-1);
        } finally {
          db.close();
        }
      },
      { timeout: 30_000 },
    )
    .toEqual(expect.objectContaining({ itemCode: '06', description: '不知道户口迁移选哪一项' }));
  // From the home screen's help, it names none.
  await page.getByRole('button', { name: '回到首页' }).click();
  await page.getByRole('button', { name: '求助 12345' }).click();
  await page.getByTestId('help-feedback').click();
  await expect(page.getByTestId('feedback-text')).toBeVisible();
  await expect(page.getByTestId('feedback-thing')).toHaveCount(0);
});
