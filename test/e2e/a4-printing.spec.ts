import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startPrivateCups, type PrivateCups } from '../support/cupsd';
import { startKioskProcess, type KioskProcess } from '../support/processes';
import { axeViolations, expect, freshVisit, keepScreenshot, test as base } from './fixtures';
import { CARD, insertCard, walkToConsent } from './journey-driver';
import { enterMaintenance } from './maintenance-driver';

/** A kiosk whose A4 printer is the kiosk-a4 queue of a private cupsd on cups-pdf (test/support/cupsd.ts). */
const test = base.extend<{ cups: PrivateCups }>({
  // eslint-disable-next-line no-empty-pattern
  cups: async ({}, use) => {
    const cups = await startPrivateCups();
    await use(cups);
    await cups.stop();
  },
  kiosk: async ({ platform, cups }, use) => {
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PLATFORM_HEALTH_MS: '300', KIOSK_WATCHDOG_MS: '60000', KIOSK_A4_PRINTER: cups.uri });
    await use(kiosk);
    await kiosk.stop();
  },
});

// The document camera is Chromium's fake capture device (materials that cannot be promised are photographed).
test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

interface Res<T> {
  ok: boolean;
  value: T;
}
type Jobs = Res<{ jobs: { jobId: string; document: string; status: string }[] }>;

test.describe('A4 documents from the confirmation screen to the CUPS queue', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a resident who promised a material takes home the 告知承诺书: kept while the queue is paused, printed once when it resumes', async ({ page, kiosk, cups }) => {
    await freshVisit(page, kiosk);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked);
    await page.getByTestId('thing-newborn').click();
    await walkToConsent(page, { thingId: 'newborn', shots: 'a4-newborn', answer: 'first', checks: 'none' });
    await page.getByTestId('consent-submit').click();
    await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
    const number = (await page.getByTestId('application-number').textContent())!.trim();

    // The A4 printer stops (a technician paused the queue, as a paper jam would); the kiosk sees it on its next poll.
    cups.disable();
    await expect.poll(async () => (await kiosk.call<Res<{ kind: string; conditions: Record<string, unknown> }[]>>('devices.list')).body.value.find((d) => d.kind === 'a4-printer')?.conditions['problem'], { timeout: 20_000 }).toBe('PAUSED');

    await page.getByTestId('a4-open').click();
    // The documents that apply: 告知承诺书 because a material was promised (容缺), 申请表, 受理通知书.
    await expect(page.getByTestId('a4-doc-commitment')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('a4-doc-application-form')).toBeVisible();
    await expect(page.getByTestId('a4-doc-appointment-slip')).toHaveCount(0);
    // Only the 告知承诺书 this time.
    await page.getByTestId('a4-doc-application-form').click();
    await page.getByTestId('a4-doc-acceptance-notice').click();
    await expect(page.getByTestId('a4-doc-application-form')).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId('a4-print-go').click();

    // Calm and clear: kept while the resident is here, and where else to get it.
    const state = page.getByTestId('a4-state');
    await expect(state).toHaveAttribute('data-state', 'waiting');
    await expect(state).toContainText('打印队列已暂停');
    await expect(state).toContainText('您的材料已保留');
    await expect(state).toContainText('三晋通');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'a4-waiting');
    const jobs = (await kiosk.call<Jobs>('a4.jobs')).body.value.jobs;
    expect(jobs.map((j) => [j.document, j.status])).toEqual([['commitment', 'waiting']]);
    const jobId = jobs[0]!.jobId;
    expect(cups.pdfsOf(jobId)).toEqual([]);

    // The queue resumes while the resident is still here: it prints by itself, once.
    cups.enable();
    await expect(state).toHaveAttribute('data-state', 'printed', { timeout: 30_000 });
    await expect(state).toContainText('已打印，请在 A4 出纸口取走');
    await expect(page.getByTestId('a4-job-commitment')).toHaveAttribute('data-status', 'printed');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'a4-printed');
    await expect.poll(() => cups.pdfsOf(jobId).length, { timeout: 20_000 }).toBe(1);
    const text = cups.textOf(cups.pdfsOf(jobId)[0]!);
    expect(text).toContain('告知承诺书');
    expect(text).toContain(number);
    expect(text).toContain('父母结婚证'); // the promised material, in the commitment's words
    expect(text).toContain(CARD.masked);
    expect(text).not.toContain(CARD.idNumber);
    // Once: CUPS was given one job, and one PDF came out.
    expect(cups.jobsEver()).toBe(1);
    expect(cups.pdfsOf(jobId)).toHaveLength(1);
  });

  test('a job waiting when the resident leaves is never printed and the dashboard lists it', async ({ page, kiosk, cups }) => {
    await freshVisit(page, kiosk);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await page.getByTestId('thing-newborn').click();
    await walkToConsent(page, { thingId: 'newborn', shots: 'a4-left', answer: 'first', checks: 'none' });
    await page.getByTestId('consent-submit').click();
    await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
    cups.disable();
    await expect.poll(async () => (await kiosk.call<Res<{ kind: string; conditions: Record<string, unknown> }[]>>('devices.list')).body.value.find((d) => d.kind === 'a4-printer')?.conditions['problem'], { timeout: 20_000 }).toBe('PAUSED');
    await page.getByTestId('a4-open').click();
    await page.getByTestId('a4-print-go').click();
    await expect(page.getByTestId('a4-state')).toHaveAttribute('data-state', 'waiting');
    const jobIds = (await kiosk.call<Jobs>('a4.jobs')).body.value.jobs.map((j) => j.jobId);
    expect(jobIds).toHaveLength(3);

    // The resident leaves; the technician finds the paused queue with its fix, resumes it: nothing of theirs prints.
    await freshVisit(page, kiosk);
    await enterMaintenance(page);
    const findings = page.getByTestId('findings');
    await expect(findings.locator('[data-code="A4-PAUSED"]')).toContainText('A4 打印队列已暂停');
    await expect(findings.locator('[data-code="A4-PAUSED"]')).toContainText('cupsenable kiosk-a4');
    const panel = page.getByTestId('not-printed-panel');
    await expect(panel.getByTestId('not-printed-job')).toHaveCount(3);
    const commitment = panel.locator('[data-document="commitment"]');
    await expect(commitment).toContainText('A4 材料');
    await expect(commitment).toContainText('告知承诺书');
    await expect(commitment).toContainText('办理人已离开');
    await expect(commitment).toContainText('PAUSED');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'a4-dashboard-not-printed');
    cups.enable();
    await expect(findings.locator('[data-code="A4-PAUSED"]')).toHaveCount(0, { timeout: 20_000 });
    // Never sent: CUPS was given nothing, no PDF came out.
    await expect(page.getByTestId('not-printed-panel').getByTestId('not-printed-job')).toHaveCount(3);
    expect(cups.jobsEver()).toBe(0);
    for (const id of jobIds) expect(cups.pdfsOf(id)).toEqual([]);
  });

  test('the 预约凭条 on A4 from the appointment confirmation: the booking’s number, time and hall on the page', async ({ page, kiosk, cups }) => {
    await bookAppointment(page, kiosk);
    const number = (await page.getByTestId('appointment-number').textContent())!.trim();
    const time = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.exec(await page.getByTestId('appointment-booked').innerText())?.[0];
    expect(time).toBeTruthy();

    // Offered because this kiosk has an A4 printer; printed at once to the CUPS queue.
    await expect(page.getByTestId('a4-slip')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('a4-slip-print').click();
    const state = page.getByTestId('a4-slip').getByTestId('a4-state');
    await expect(state).toHaveAttribute('data-state', 'printed', { timeout: 30_000 });
    await expect(page.getByTestId('a4-slip-print')).toHaveCount(0);
    await keepScreenshot(page, 'a4-appointment-slip');
    const jobs = (await kiosk.call<Jobs>('a4.jobs')).body.value.jobs;
    expect(jobs.map((j) => [j.document, j.status])).toEqual([['appointment-slip', 'printed']]);
    await expect.poll(() => cups.pdfsOf(jobs[0]!.jobId).length, { timeout: 20_000 }).toBe(1);
    const text = cups.textOf(cups.pdfsOf(jobs[0]!.jobId)[0]!);
    expect(text).toContain('预约凭条');
    expect(text).toContain(number);
    expect(text).toContain('太原市小店区政务服务中心');
    expect(text).toContain(time!.replace(' ', '')); // the PDF's text comes out without the space
    expect(text).toContain(CARD.masked);
    expect(text).not.toContain(CARD.idNumber);
    expect(cups.jobsEver()).toBe(1);
  });

  test('toner low: a calm note on the screen, the 预约凭条 prints all the same, and the dashboard warns', async ({ page, kiosk, cups }) => {
    // The printer reports toner low (printer-state-reasons on the CUPS queue); the kiosk sees it on its next poll.
    cups.setReasons('toner-low-warning');
    await expect.poll(async () => (await kiosk.call<Res<{ kind: string; conditions: Record<string, unknown> }[]>>('devices.list')).body.value.find((d) => d.kind === 'a4-printer')?.conditions['warnings'], { timeout: 20_000 }).toBe('TONER-LOW');
    await bookAppointment(page, kiosk);
    const slip = page.getByTestId('a4-slip');
    await expect(slip.getByTestId('a4-warning')).toHaveAttribute('data-warning', 'TONER-LOW');
    await expect(slip.getByTestId('a4-warning')).toContainText('碳粉不多了，打印照常进行');
    await expect(slip.getByTestId('a4-warning')).not.toHaveClass(/warning/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('a4-slip-print').click();
    const state = slip.getByTestId('a4-state');
    await expect(state).toHaveAttribute('data-state', 'printed', { timeout: 30_000 });
    await expect(slip.getByTestId('a4-warning')).toBeVisible();
    await keepScreenshot(page, 'a4-toner-low-printed');
    const jobs = (await kiosk.call<Jobs>('a4.jobs')).body.value.jobs;
    await expect.poll(() => cups.pdfsOf(jobs[0]!.jobId).length, { timeout: 20_000 }).toBe(1);
    expect(cups.textOf(cups.pdfsOf(jobs[0]!.jobId)[0]!)).toContain('预约凭条');

    // The technician's dashboard: a warning finding with what to bring; gone once the toner is changed.
    await freshVisit(page, kiosk);
    await enterMaintenance(page);
    const finding = page.getByTestId('findings').locator('[data-code="A4-TONER-LOW"]');
    await expect(finding).toContainText('A4 打印机碳粉不足');
    await expect(finding).toContainText('碳粉盒');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'a4-dashboard-toner-low');
    cups.setReasons();
    await expect(finding).toHaveCount(0, { timeout: 20_000 });
  });
});

/** A card holder books the second bookable day's last free slot at the 小店区 hall; the confirmation shows. */
async function bookAppointment(page: Page, kiosk: KioskProcess): Promise<void> {
  await freshVisit(page, kiosk);
  await page.getByTestId('start').click();
  await insertCard(kiosk);
  await expect(page.getByTestId('identity')).toContainText(CARD.masked);
  await page.getByTestId('go-appointments').click();
  await page.getByTestId('hall-xiaodian-center').click();
  // The second bookable day: well before its cancellation deadline, whatever the hour now.
  await page.locator('[data-testid^="day-"]').nth(1).click();
  const slot = page.locator('[data-testid^="slot-"]:not([disabled])').last();
  await expect(slot).toBeVisible();
  await slot.click();
  await page.getByTestId('appointment-confirm').click();
  await expect(page.getByTestId('appointment-booked')).toBeVisible({ timeout: 20_000 });
}
