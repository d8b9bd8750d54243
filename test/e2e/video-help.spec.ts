import { chromium, test, expect, type Browser, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Coturn } from '../../video-desk/turn';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startKioskProcess, startPlatformProcess, tempDir, type KioskProcess, type PlatformProcess } from '../support/processes';
import { startTestCoturn, startVideoDeskProcess, VIDEO_AGENT, VIDEO_SECRET, type VideoDeskProcess } from '../support/video-desk';
import { axeViolations, keepScreenshot, platformEvaluations } from './fixtures';

/** Both browsers get Chromium's fake camera and microphone and grant them without a prompt. */
const MEDIA_ARGS = [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];
const CHROMIUM = process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium';
test.use({ launchOptions: { executablePath: CHROMIUM, args: MEDIA_ARGS } });
test.describe.configure({ mode: 'serial' });

/** Bytes of RTP received and sent so far, and the type of both ends of the selected ICE pair, from the page's live peer connection. */
async function rtp(page: Page): Promise<{ received: number; sent: number; local: string; remote: string }> {
  return page.evaluate(async () => {
    const pc = (window as unknown as { __videoCall?: RTCPeerConnection | null }).__videoCall;
    if (!pc) return { received: -1, sent: -1, local: '', remote: '' };
    const stats = await pc.getStats();
    let received = 0;
    let sent = 0;
    let pair: { localCandidateId?: string; remoteCandidateId?: string } | null = null;
    const byId = new Map<string, { candidateType?: string }>();
    stats.forEach((r: { type: string; id: string; bytesReceived?: number; bytesSent?: number; kind?: string; state?: string; nominated?: boolean; candidateType?: string; localCandidateId?: string; remoteCandidateId?: string }) => {
      byId.set(r.id, r);
      if (r.type === 'inbound-rtp') received += r.bytesReceived ?? 0;
      if (r.type === 'outbound-rtp') sent += r.bytesSent ?? 0;
      if (r.type === 'candidate-pair' && r.state === 'succeeded' && r.nominated) pair = r;
    });
    const p = pair as { localCandidateId?: string; remoteCandidateId?: string } | null;
    return { received, sent, local: byId.get(p?.localCandidateId ?? '')?.candidateType ?? '', remote: byId.get(p?.remoteCandidateId ?? '')?.candidateType ?? '' };
  });
}

/** Media flows: received and sent bytes both rise between two looks, over a relayed (TURN) pair. */
async function expectMediaFlowing(page: Page): Promise<void> {
  await expect.poll(async () => (await rtp(page)).received, { timeout: 45_000 }).toBeGreaterThan(5000);
  const first = await rtp(page);
  await expect.poll(async () => (await rtp(page)).received, { timeout: 20_000 }).toBeGreaterThan(first.received + 5000);
  await expect.poll(async () => (await rtp(page)).sent, { timeout: 20_000 }).toBeGreaterThan(first.sent + 5000);
  // Both ends of the selected pair are TURN relays. Polled: between two looks the stats may show no nominated,
  // succeeded pair for a moment (seen once under load: '' with bytes flowing); a host or srflx pair still fails.
  await expect.poll(async () => { const now = await rtp(page); return `${now.local}/${now.remote}`; }, { timeout: 20_000 }).toBe('relay/relay');
}

/** The agent signs in on the console page. */
async function signInAgent(agent: Page): Promise<void> {
  if (!agent.url().startsWith('http')) await agent.goto(deskUrl);
  await agent.getByLabel('工号').fill(VIDEO_AGENT.id);
  await agent.getByLabel('密码').fill(VIDEO_AGENT.password);
  await agent.getByRole('button', { name: '登录' }).click();
  await expect(agent.getByRole('status')).toContainText(`已登录：${VIDEO_AGENT.name}`);
}

/** The resident is still there: a touch on the call panel (the idle clock starts over). */
async function resident(page: Page): Promise<void> {
  await page.getByTestId('video-call').getByRole('heading').click();
}

/** Keeps every camera/microphone track the page is given, to see afterwards that each was stopped. */
async function watchMediaTracks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tracks: MediaStreamTrack[] = [];
    (window as unknown as { __mediaTracks: MediaStreamTrack[] }).__mediaTracks = tracks;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      tracks.push(...stream.getTracks());
      return stream;
    };
  });
}

/** The tracks the page was given, by kind and state. */
function mediaTracks(page: Page): Promise<{ kind: string; readyState: string }[]> {
  return page.evaluate(() => (window as unknown as { __mediaTracks?: MediaStreamTrack[] }).__mediaTracks?.map((t) => ({ kind: t.kind, readyState: t.readyState })) ?? []);
}

let deskUrl = '';


test.describe('远程视频帮办: kiosk and agent through the video desk and coturn', () => {
  let platform: PlatformProcess;
  let coturn: Coturn;
  let desk: VideoDeskProcess;
  let kiosk: KioskProcess;
  let agentBrowser: Browser;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    platform = await startPlatformProcess();
    coturn = await startTestCoturn();
    desk = await startVideoDeskProcess(coturn, 'relay');
    deskUrl = desk.url;
    const dir = tempDir('video-kiosk');
    const config = path.join(dir, 'kiosk.config.json');
    // The usual 60 s idle clock with a 5 s countdown: the resident touches the screen during the call, then leaves it alone until the wipe.
    writeFileSync(config, JSON.stringify({ ui: { idleSeconds: 60, countdownSeconds: 5 } }));
    kiosk = await startKioskProcess({
      KIOSK_PLATFORM_URL: platform.url,
      KIOSK_PLATFORM_HEALTH_MS: '300',
      KIOSK_WATCHDOG_MS: '60000',
      KIOSK_CONFIG: config,
      KIOSK_DATA_DIR: dir,
      KIOSK_VIDEO_DESK_URL: desk.url,
      KIOSK_VIDEO_SECRET: VIDEO_SECRET,
    });
    agentBrowser = await chromium.launch({ executablePath: CHROMIUM, args: MEDIA_ARGS });
  });

  test.afterAll(async () => {
    await agentBrowser?.close();
    await kiosk?.stop();
    await desk?.stop();
    await coturn?.stop();
    await platform?.stop();
  });

  test('no agent signed in: the button says so and offers 12345', async ({ page }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await expect(page.getByTestId('video-help')).toBeVisible();
    await page.getByTestId('video-help').click();
    const unavailable = page.getByTestId('video-unavailable');
    await expect(unavailable).toHaveAttribute('data-reason', 'no-agent', { timeout: 20_000 });
    await expect(unavailable).toContainText('现在没有坐席在线');
    await expect(unavailable).toContainText('12345');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('video-close').click();
    await expect(page.getByTestId('video-dialog')).toHaveCount(0);
  });

  test('a call: consent, the agent answers, media both ways through TURN, the step shared, a hint on the kiosk, hang up', async ({ page }) => {
    test.setTimeout(300_000);
    // The agent signs in on the console page in a second Chromium.
    const agentContext = await agentBrowser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const agent = await agentContext.newPage();
    await agent.goto(desk.url);
    await expect(agent.getByRole('heading', { name: '坐席登录' })).toBeVisible();
    expect(await axeViolations(agent)).toEqual([]);
    await signInAgent(agent);
    await expect(agent.locator('#queue-empty')).toBeVisible();

    // The resident taps 视频帮办 on the home screen and agrees to share the step.
    await watchMediaTracks(page);
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('请选择要办的事');
    await page.getByTestId('video-help').click();
    await expect(page.getByTestId('video-consent-share')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('video-dialog')).toContainText('摄像头和麦克风只在通话中使用');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'video-consent');
    expect(await page.evaluate(() => (window as unknown as { __videoCall?: unknown }).__videoCall ?? null)).toBeNull();
    await page.getByTestId('video-consent-share').click();
    await expect(page.getByTestId('video-queued')).toContainText('第 1 位');

    // The agent sees the kiosk waiting and answers.
    const answer = agent.getByRole('button', { name: `接听终端 ${'SX-DEV-0001'}` });
    await expect(answer).toBeVisible();
    await answer.click();
    await expect(page.getByTestId('video-call')).toContainText(`正在与坐席 ${VIDEO_AGENT.name} 视频通话`, { timeout: 30_000 });
    await expect(agent.getByRole('heading', { name: '通话中：终端 SX-DEV-0001' })).toBeVisible();

    // Media flows both ways, relayed by coturn on both ends (the resident touches the panel now and then, as one does in a call).
    await resident(page);
    await expectMediaFlowing(page);
    await resident(page);
    await expectMediaFlowing(agent);
    await resident(page);
    await expect.poll(() => page.getByTestId('video-remote').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => agent.locator('#remote-video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);

    // The agent sees where the resident is.
    await expect(agent.getByTestId('agent-view-screen')).toContainText('请选择要办的事', { timeout: 20_000 });

    // Meanwhile a resident at another kiosk calls: the only agent is in this call, so they wait in the queue and are
    // told every agent is busy, with 12345; they give up, and the agent's queue is empty again.
    await resident(page);
    const otherDir = tempDir('video-kiosk-2');
    const other = await startKioskProcess({
      KIOSK_ID: 'SX-DEV-0002',
      KIOSK_PLATFORM_URL: platform.url,
      KIOSK_PLATFORM_HEALTH_MS: '300',
      KIOSK_WATCHDOG_MS: '60000',
      KIOSK_DATA_DIR: otherDir,
      KIOSK_VIDEO_DESK_URL: desk.url,
      KIOSK_VIDEO_SECRET: VIDEO_SECRET,
    });
    const otherPage = await page.context().newPage();
    try {
      await otherPage.goto(other.uiUrl);
      await otherPage.getByTestId('start').click();
      await otherPage.getByTestId('video-help').click();
      await otherPage.getByTestId('video-consent-share').click({ timeout: 20_000 });
      const queued = otherPage.getByTestId('video-queued');
      await expect(queued).toContainText('第 1 位');
      await expect(queued).toContainText('坐席都在通话中');
      await expect(queued).toContainText('12345');
      expect(await axeViolations(otherPage)).toEqual([]);
      await expect(agent.getByRole('button', { name: '接听终端 SX-DEV-0002' })).toBeVisible();
      await otherPage.getByTestId('video-close').click();
      await expect(otherPage.getByTestId('video-dialog')).toHaveCount(0);
      await expect(agent.getByRole('button', { name: '接听终端 SX-DEV-0002' })).toHaveCount(0, { timeout: 20_000 });
    } finally {
      await otherPage.close();
      await other.stop();
    }
    await expect(page.getByTestId('video-call')).toContainText(`正在与坐席 ${VIDEO_AGENT.name} 视频通话`);

    await resident(page);
    // A hint from the agent appears on the kiosk.
    await agent.getByLabel('发送提示（显示在终端屏幕上）').fill('请点击“新生儿出生”');
    await agent.getByRole('button', { name: '发送提示' }).click();
    await expect(page.getByTestId('video-hint')).toHaveText('请点击“新生儿出生”', { timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);
    await resident(page);
    expect(await axeViolations(agent)).toEqual([]);
    await resident(page);
    await keepScreenshot(page, 'video-in-call');
    await keepScreenshot(agent, 'video-agent-console');
    await resident(page);

    // Following the hint, the resident opens 新生儿出生 while the call goes on: the agent sees it.
    await page.getByTestId('thing-newborn').click();
    await expect(page.getByTestId('video-call')).toBeVisible();
    await expect(agent.getByTestId('agent-view-screen')).toContainText('新生儿出生', { timeout: 20_000 });
    await resident(page);

    // The resident hangs up: the agent's console goes back to the queue and the camera is released.
    await expect(page.getByTestId('video-call')).toBeVisible();
    await page.getByTestId('video-hangup').click();
    await expect(page.getByTestId('video-ended')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __videoCall?: unknown }).__videoCall ?? null)).toBeNull();
    // The camera and the microphone were used for the call only: both given, both stopped with the hang-up.
    expect((await mediaTracks(page)).map((t) => t.kind).sort()).toEqual(['audio', 'video']);
    await expect.poll(() => mediaTracks(page).then((ts) => ts.filter((t) => t.readyState !== 'ended').length)).toBe(0);
    await expect(agent.getByRole('status')).toContainText('通话已结束（居民挂断）', { timeout: 20_000 });
    await expect(agent.locator('#call')).toBeHidden();
    await agentContext.close();

    // 好差评 of the call: the two lowest levels ask for a reason first; a comment on the on-screen keyboard.
    const rating = page.getByTestId('rating-video');
    await expect(rating).toBeVisible();
    await expect(rating.getByRole('heading')).toHaveText('请评价本次视频帮办');
    await rating.getByTestId('level-dissatisfied').click();
    await rating.getByTestId('evaluation-submit').click();
    await expect(rating.getByTestId('evaluation-error')).toContainText('请至少选择一个原因');
    await rating.getByTestId('reason-too-slow').click();
    await rating.getByTestId('reason-unclear-guide').click();
    await rating.getByTestId('evaluation-comment').click();
    const keyboard = page.getByTestId('keyboard');
    await expect(keyboard).toBeVisible();
    // Typed on the keys by pinyin, as a resident would: deng → 等, le → 了, henjiu → 很久, each on the first page.
    for (const [letters, pick] of [['deng', '等'], ['le', '了'], ['henjiu', '很久']] as const) {
      for (const k of letters) await keyboard.getByRole('button', { name: k.toUpperCase(), exact: true }).click();
      await expect(keyboard.getByTestId('candidates')).toHaveAttribute('data-pending', 'false');
      await keyboard.getByTestId('candidate').filter({ hasText: new RegExp(`^${pick}$`, 'u') }).first().click();
    }
    await expect(page.getByTestId('evaluation-comment')).toHaveValue('等了很久');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'video-rating');
    await rating.getByTestId('evaluation-submit').click();
    await expect(page.getByTestId('evaluation-thanks')).toBeVisible();
    // Through the outbox to the platform: the service, the call, the agent, the 一件事 and the reason codes.
    await expect
      .poll(() => platformEvaluations(platform).filter((e) => e.service === 'video'), { timeout: 30_000 })
      .toEqual([expect.objectContaining({ level: 'dissatisfied', reasons: ['too-slow', 'unclear-guide'], agentId: VIDEO_AGENT.id, itemCode: '18', comment: '等了很久', reference: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })]);
    await page.getByTestId('evaluation-finish').click();
    await expect(page.getByTestId('video-dialog')).toHaveCount(0);
  });

  test('the privacy wipe after idle time hangs up the call and releases the camera', async ({ page }) => {
    test.setTimeout(240_000);
    const agentContext = await agentBrowser.newContext({ locale: 'zh-CN' });
    const agent = await agentContext.newPage();
    await signInAgent(agent);
    await watchMediaTracks(page);
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await page.getByTestId('video-help').click();
    await page.getByTestId('video-consent-only').click({ timeout: 20_000 });
    await agent.getByRole('button', { name: '接听终端 SX-DEV-0001' }).click();
    await expect(page.getByTestId('video-call')).toBeVisible({ timeout: 30_000 });
    await expect(agent.locator('#view-none')).toHaveText('居民未同意共享屏幕信息');
    // One last touch on the call panel, then nobody touches the kiosk: countdown, wipe, hang-up.
    await resident(page);
    await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('start')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('video-call')).toHaveCount(0);
    // The resident has left: nobody is asked to rate the call, and nothing is sent.
    await expect(page.getByTestId('rating-video')).toHaveCount(0);
    await expect(page.getByTestId('video-dialog')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __videoCall?: unknown }).__videoCall ?? null)).toBeNull();
    // The wipe released the camera and the microphone.
    expect((await mediaTracks(page)).length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => mediaTracks(page).then((ts) => ts.filter((t) => t.readyState !== 'ended').length)).toBe(0);
    await expect(agent.getByRole('status')).toContainText('通话已结束（终端超时清屏）', { timeout: 20_000 });
    expect(platformEvaluations(platform).filter((e) => e.service === 'video')).toHaveLength(1);
    await expect(agent.locator('#call')).toBeHidden();
    await agentContext.close();
  });

  test('video desk offline: the button says so and offers 12345', async ({ page }) => {
    await desk.stop();
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await page.getByTestId('video-help').click();
    const unavailable = page.getByTestId('video-unavailable');
    await expect(unavailable).toHaveAttribute('data-reason', 'offline', { timeout: 30_000 });
    await expect(unavailable).toContainText('视频帮办暂时连接不上');
    await expect(unavailable).toContainText('12345');
    expect(await axeViolations(page)).toEqual([]);
  });
});
