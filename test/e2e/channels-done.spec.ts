import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Coturn } from '../../video-desk/turn';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startPrivateCups, type PrivateCups } from '../support/cupsd';
import { startKioskProcess, startPlatformProcess, tempDir, type KioskProcess, type PlatformProcess } from '../support/processes';
import { startTestCoturn, startVideoDeskProcess, VIDEO_AGENT, VIDEO_SECRET, type VideoDeskProcess } from '../support/video-desk';
import { axeViolations, keepScreenshot, platformEvaluations } from './fixtures';
import { CARD, insertCard, removeCard, walkToConsent } from './journey-driver';

/**
 * Issue #16's "done means", tried as a new user would: a resident starts
 * 残疾人服务, calls an agent from the form (who sees the step and the masked
 * form) and is guided by a hint, books the hall visit the first certificate
 * needs, submits, takes home the A4 告知承诺书 for the medical records they
 * promised, finds the case filed at a hall window by their card, and rates
 * each of these; every rating arrives at the platform. One kiosk,
 * platform-sim, the video desk, coturn and a private cupsd on cups-pdf as
 * separate processes; the agent in a second Chromium.
 */
const MEDIA_ARGS = [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];
const CHROMIUM = process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium';
test.use({ launchOptions: { executablePath: CHROMIUM, args: MEDIA_ARGS } });



/** A level; the two lowest ask for a reason first. */
async function rate(scope: ReturnType<Page['getByTestId']>, level: string, reasons: readonly string[] = []): Promise<void> {
  await scope.getByTestId(`level-${level}`).click();
  for (const r of reasons) await scope.getByTestId(`reason-${r}`).click();
  await scope.getByTestId('evaluation-submit').click();
  await expect(scope.getByTestId('evaluation-thanks')).toBeVisible();
}

test.describe('done means: appointment, video help on a form, progress everywhere, each rated', () => {
  let platform: PlatformProcess;
  let coturn: Coturn;
  let desk: VideoDeskProcess;
  let kiosk: KioskProcess;
  let cups: PrivateCups;
  let agentBrowser: Browser;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    platform = await startPlatformProcess();
    coturn = await startTestCoturn();
    desk = await startVideoDeskProcess(coturn, 'relay');
    cups = await startPrivateCups();
    const dir = tempDir('channels-done');
    const config = path.join(dir, 'kiosk.config.json');
    writeFileSync(config, JSON.stringify({ ui: { idleSeconds: 180, countdownSeconds: 10 } }));
    kiosk = await startKioskProcess({
      KIOSK_PLATFORM_URL: platform.url,
      KIOSK_PLATFORM_HEALTH_MS: '300',
      KIOSK_WATCHDOG_MS: '60000',
      KIOSK_CONFIG: config,
      KIOSK_DATA_DIR: dir,
      KIOSK_VIDEO_DESK_URL: desk.url,
      KIOSK_VIDEO_SECRET: VIDEO_SECRET,
      KIOSK_A4_PRINTER: cups.uri,
    });
    agentBrowser = await chromium.launch({ executablePath: CHROMIUM, args: MEDIA_ARGS });
  });

  test.afterAll(async () => {
    await agentBrowser?.close();
    await kiosk?.stop();
    await desk?.stop();
    await cups?.stop();
    await coturn?.stop();
    await platform?.stop();
  });

  test('a new resident does all of it, takes home the 告知承诺书, and the platform gets every rating', async ({ page }) => {
    test.setTimeout(420_000);
    const agentContext = await agentBrowser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const agent = await agentContext.newPage();
    await agent.goto(desk.url);
    await agent.getByLabel('工号').fill(VIDEO_AGENT.id);
    await agent.getByLabel('密码').fill(VIDEO_AGENT.password);
    await agent.getByRole('button', { name: '登录' }).click();
    await expect(agent.getByRole('status')).toContainText(`已登录：${VIDEO_AGENT.name}`);

    // The resident starts, puts the ID card down and opens 残疾人服务.
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked, { timeout: 30_000 });
    await page.getByTestId('thing-disability-services').click();

    const answers = { certificateAction: 'new', lowIncome: false, severe: false, employment: false, residentPension: false };
    let callRated = '';
    await walkToConsent(page, {
      thingId: 'disability-services',
      shots: 'done-means',
      answer: answers,
      checks: 'none',
      stopAtReview: true,
      // On the form the resident is unsure and calls an agent, who sees the step and sends a hint.
      onForm: async (p) => {
        await p.getByTestId('video-help').click();
        await p.getByTestId('video-consent-share').click({ timeout: 20_000 });
        await agent.getByRole('button', { name: '接听终端 SX-DEV-0001' }).click();
        await expect(p.getByTestId('video-call')).toContainText(`正在与坐席 ${VIDEO_AGENT.name} 视频通话`, { timeout: 30_000 });
        await expect(agent.getByTestId('agent-view-screen')).toContainText('残疾人服务', { timeout: 20_000 });
        // The agent sees the form as the resident fills it: every field by its label, what came from the ID card only
        // as "来自身份证" (neither the name nor the number), what is still to fill as "—".
        const fields = agent.getByTestId('agent-view-fields');
        await expect(fields).toContainText('申请人身份证号码来自身份证');
        await expect(fields).toContainText('残疾类别—');
        await expect(fields).not.toContainText(CARD.idNumber);
        await expect(fields).not.toContainText(CARD.name);
        await agent.getByLabel('发送提示（显示在终端屏幕上）').fill('请在“手机号码”一栏填写您本人的手机号');
        await agent.getByRole('button', { name: '发送提示' }).click();
        await expect(p.getByTestId('video-hint')).toHaveText('请在“手机号码”一栏填写您本人的手机号', { timeout: 20_000 });
        await expect(p.getByRole('heading', { name: '请核对并填写申请信息' })).toBeVisible();
        await keepScreenshot(p, 'done-means-hint-on-form');
        // The agent hangs up when the resident knows what to do; the kiosk asks for a rating of the call.
        await agent.locator('#hangup').click();
        await expect(p.getByTestId('video-ended')).toHaveAttribute('data-reason', 'agent', { timeout: 20_000 });
        const rating = p.getByTestId('rating-video');
        await rate(rating, 'very-satisfied');
        expect(await axeViolations(p)).toEqual([]);
        await p.getByTestId('evaluation-finish').click();
        await expect(p.getByTestId('video-dialog')).toHaveCount(0);
        callRated = 'yes';
      },
    });
    expect(callRated).toBe('yes');

    // The first certificate needs the assessment in person: the hall visit is booked from the review.
    await expect(page.getByTestId('hall-visit-21-01')).toContainText('残疾评定');
    await page.getByTestId('book-visit-21-01').click();
    await page.getByTestId('hall-xiaodian-center').click();
    const day = page.locator('[data-testid^="day-"]').nth(1);
    await day.click();
    await expect(day).toHaveAttribute('aria-pressed', 'true');
    await page.locator('[data-testid^="slot-"]:not([disabled])').last().click();
    await page.getByTestId('appointment-confirm').click();
    await expect(page.getByTestId('appointment-booked')).toBeVisible({ timeout: 20_000 });
    const number = (await page.getByTestId('appointment-number').textContent())!.trim();
    await expect(page.getByTestId('slip-state')).toHaveAttribute('data-state', 'printed');
    await page.getByTestId('appointment-rate').click();
    await rate(page.getByTestId('rating-appointment'), 'basically-satisfied');
    await page.getByTestId('evaluation-finish').click();
    await expect(page.getByTestId(`mine-${number}`)).toHaveAttribute('data-status', 'booked');
    await page.getByTestId('appointment-back-to-review').click();
    await expect(page.getByRole('heading', { name: '请核对您的申请' })).toBeVisible();

    // Submitted; the medical records were promised (告知承诺), so the 告知承诺书 is offered on A4 and taken home.
    await page.getByTestId('review-next').click();
    await page.getByTestId('consent-submit').click();
    await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
    const application = (await page.getByTestId('application-number').textContent())!.trim();
    await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-delivered', 'true', { timeout: 30_000 });
    await page.getByTestId('a4-open').click();
    await expect(page.getByTestId('a4-doc-commitment')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('a4-doc-application-form').click();
    await page.getByTestId('a4-doc-acceptance-notice').click();
    await page.getByTestId('a4-print-go').click();
    await expect(page.getByTestId('a4-state')).toHaveAttribute('data-state', 'printed', { timeout: 30_000 });
    const jobs = (await kiosk.call<{ value: { jobs: { jobId: string; document: string; status: string }[] } }>('a4.jobs')).body.value.jobs;
    expect(jobs.map((j) => [j.document, j.status])).toEqual([['commitment', 'printed']]);
    await expect.poll(() => cups.pdfsOf(jobs[0]!.jobId).length, { timeout: 20_000 }).toBe(1);
    const commitment = cups.textOf(cups.pdfsOf(jobs[0]!.jobId)[0]!);
    expect(commitment).toContain('告知承诺书');
    expect(commitment).toContain(application);
    expect(commitment).toContain('近期病历或诊断证明');
    expect(commitment).not.toContain(CARD.idNumber);
    // The application rated, with the reason a low level asks for; the visit ends.
    await page.getByTestId('to-evaluation').click();
    await rate(page.getByTestId('rating-application'), 'very-dissatisfied', ['too-slow']);
    await page.getByTestId('evaluation-finish').click();

    // Back the next day: progress by the card: the case filed at a hall window is there, and this one.
    await expect(page.getByTestId('start')).toBeVisible();
    await removeCard(kiosk);
    // The reader has seen the card go (a card lifted and put back between two polls is the same card lying there).
    const card = async () => (await kiosk.call<{ value: { kind: string; conditions: Record<string, unknown> }[] }>('devices.list')).body.value.find((d) => d.kind === 'idcard')?.conditions['card'];
    await expect.poll(card, { timeout: 20_000 }).toBe('none');
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked, { timeout: 30_000 });
    await page.getByTestId('go-progress').click();
    await expect(page.getByTestId('progress-result')).toHaveAttribute('data-live', 'true', { timeout: 20_000 });
    const window = page.locator('[data-testid="progress-item"]', { has: page.locator('[data-channel="window"]') });
    await expect(window).toContainText('太原市小店区政务服务中心 5号窗口');
    // Today's application, under the platform's number now, as filed at this kiosk: accepted.
    const filedHere = page.locator('[data-testid="progress-item"]', { hasText: '本机提交' });
    await expect(filedHere).toHaveCount(1);
    await expect(filedHere).toContainText('残疾人服务 · SX');
    await expect(filedHere).toContainText('已受理');
    await page.getByTestId('progress-rate').click();
    await rate(page.getByTestId('rating-progress'), 'dissatisfied', ['repeated-visits']);
    expect(await axeViolations(page)).toEqual([]);

    // Every rating reached the platform, each naming its service.
    await expect
      .poll(() => platformEvaluations(platform).map((e) => ({ ...e, reference: e.reference ? 'set' : undefined })), { timeout: 30_000 })
      .toEqual([
        expect.objectContaining({ service: 'video', level: 'very-satisfied', agentId: VIDEO_AGENT.id, itemCode: '21', reference: 'set' }),
        expect.objectContaining({ service: 'appointment', level: 'basically-satisfied', itemCode: '21', reference: 'set' }),
        expect.objectContaining({ localNumber: application, level: 'very-dissatisfied', reasons: ['too-slow'], itemCode: '21' }), // an application's rating names its number
        expect.objectContaining({ service: 'progress', level: 'dissatisfied', reasons: ['repeated-visits'] }),
      ]);
    expect(platformEvaluations(platform).find((e) => e.service === 'appointment')?.reference).toBe(number);
    await agentContext.close();
  });
});
