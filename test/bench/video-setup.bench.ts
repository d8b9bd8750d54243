/**
 * `video-setup`: 远程视频帮办 from the resident's tap to the first frame of
 * the agent's video on the kiosk screen, on loopback, with every byte relayed
 * by coturn (iceTransportPolicy 'relay'): a real kiosk process, the video
 * desk, a coturn, and two Chromiums with fake cameras; the agent console
 * answers as soon as the call shows in its queue.
 * Baseline, same run, same kiosk browser: a direct peer connection (two
 * RTCPeerConnections in one page, host candidates, no signalling server, no
 * TURN) from createOffer to its first remote frame. A second figure isolates
 * TURN: the same in-page pair forced through coturn, against the direct one.
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { turnCredentials } from '../../video-desk/turn';
import { startKioskProcess, startPlatformProcess } from '../support/processes';
import { startTestCoturn, startVideoDeskProcess, VIDEO_AGENT, VIDEO_SECRET } from '../support/video-desk';
import { figure, type Emit } from './format';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ARGS = [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];

/** The few browser types the page functions below use (this project compiles without the DOM library). */
interface Track {
  readonly kind: string;
  stop(): void;
}
interface Stream {
  getTracks(): Track[];
}
interface VideoElement {
  srcObject: unknown;
  muted: boolean;
  autoplay: boolean;
  readonly videoWidth: number;
  remove(): void;
}
interface Peer {
  onicecandidate: ((e: { candidate: unknown }) => void) | null;
  ontrack: ((e: { track: Track; streams: Stream[] }) => void) | null;
  readonly localDescription: unknown;
  addIceCandidate(c: unknown): Promise<void>;
  addTrack(t: Track, s: Stream): void;
  createOffer(): Promise<unknown>;
  createAnswer(): Promise<unknown>;
  setLocalDescription(d?: unknown): Promise<void>;
  setRemoteDescription(d: unknown): Promise<void>;
  close(): void;
}
interface Observer {
  observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
  disconnect(): void;
}
interface PageGlobals {
  RTCPeerConnection: new (config: unknown) => Peer;
  MediaStream: new (tracks: Track[]) => Stream;
  MutationObserver: new (cb: () => void) => Observer;
  navigator: { mediaDevices: { getUserMedia(c: unknown): Promise<Stream> } };
  document: {
    body: { append(e: unknown): void };
    createElement(tag: 'video'): VideoElement;
    querySelector(selector: string): (VideoElement & { click(): void; hidden: boolean; addEventListener(type: string, l: () => void, o: unknown): void }) | null;
    getElementById(id: string): { hidden: boolean } | null;
  };
  requestAnimationFrame(cb: () => void): number;
  benchTap?: number;
  benchFrame?: Promise<number>;
}

interface IceServers {
  readonly iceServers: readonly { urls: string; username?: string; credential?: string }[];
  readonly iceTransportPolicy?: 'all' | 'relay';
}

/** Two peer connections in one page: createOffer → first frame of the remote video (its size known, looked at every animation frame). */
function pairFirstFrame(page: Page, ice: IceServers): Promise<number> {
  return page.evaluate(async (config) => {
    const g = globalThis as unknown as PageGlobals;
    const a = new g.RTCPeerConnection(config);
    const b = new g.RTCPeerConnection(config);
    // A candidate is handed over only once the other side has its remote description (else it is refused and lost).
    const pending = { a: [] as unknown[], b: [] as unknown[], aReady: false, bReady: false };
    a.onicecandidate = (e) => void (e.candidate && (pending.bReady ? b.addIceCandidate(e.candidate) : pending.b.push(e.candidate)));
    b.onicecandidate = (e) => void (e.candidate && (pending.aReady ? a.addIceCandidate(e.candidate) : pending.a.push(e.candidate)));
    const stream = await g.navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const video = g.document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    g.document.body.append(video);
    const t0 = performance.now();
    const frame = new Promise<number>((resolve) => {
      b.ontrack = (e) => {
        if (e.track.kind !== 'video') return;
        video.srcObject = e.streams[0] ?? new g.MediaStream([e.track]);
        // First frame decoded: the element knows the picture's size (polled every 4 ms).
        const timer = setInterval(() => {
          if (video.videoWidth === 0) return;
          clearInterval(timer);
          resolve(performance.now() - t0);
        }, 4);
      };
    });
    for (const t of stream.getTracks()) a.addTrack(t, stream);
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription);
    pending.bReady = true;
    for (const c of pending.b.splice(0)) await b.addIceCandidate(c);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription);
    pending.aReady = true;
    for (const c of pending.a.splice(0)) await a.addIceCandidate(c);
    const ms = await Promise.race([frame, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no remote frame within 60 s')), 60_000))]);
    for (const t of stream.getTracks()) t.stop();
    a.close();
    b.close();
    video.remove();
    return ms;
  }, ice);
}

export default async function videoSetup(emit: Emit): Promise<void> {
  const platform = await startPlatformProcess();
  const coturn = await startTestCoturn();
  const desk = await startVideoDeskProcess(coturn, 'relay');
  const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_WATCHDOG_MS: '60000', KIOSK_VIDEO_DESK_URL: desk.url, KIOSK_VIDEO_SECRET: VIDEO_SECRET });
  const executablePath = process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium';
  const kioskBrowser = await chromium.launch({ executablePath, args: ARGS });
  const agentBrowser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const agent = await (await agentBrowser.newContext({ locale: 'zh-CN' })).newPage();
    await agent.goto(desk.url);
    await agent.getByLabel('工号').fill(VIDEO_AGENT.id);
    await agent.getByLabel('密码').fill(VIDEO_AGENT.password);
    await agent.getByRole('button', { name: '登录' }).click();
    await agent.getByText(`已登录：${VIDEO_AGENT.name}`).waitFor();
    // The agent answers the moment a call is offered (no human reaction time in the figure).
    await agent.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      new g.MutationObserver(() => {
        const b = g.document.querySelector('#queue-list button:not([disabled])');
        if (b && g.document.getElementById('call')!.hidden) b.click();
      }).observe(g.document.getElementById('queue-list'), { childList: true, subtree: true });
    });

    const page = await (await kioskBrowser.newContext({ locale: 'zh-CN', viewport: { width: 1080, height: 1920 } })).newPage();
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    const viaTurn: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.getByTestId('video-help').click();
      await page.getByTestId('video-consent-share').waitFor({ timeout: 30_000 });
      // Clock in the page: the tap, then the first frame painted in the agent's video element.
      await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        // Looked up afresh every 4 ms: the panel re-renders, so an element found once may be replaced.
        g.benchTap = undefined;
        g.benchFrame = new Promise<number>((resolve) => {
          const timer = setInterval(() => {
            const v = g.document.querySelector('[data-testid="video-remote"]');
            if (!v || v.videoWidth === 0 || g.benchTap === undefined) return;
            clearInterval(timer);
            resolve(performance.now() - g.benchTap);
          }, 4);
        });
        g.document.querySelector('[data-testid="video-consent-share"]')!.addEventListener('pointerdown', () => (g.benchTap = performance.now()), { capture: true, once: true });
      });
      await page.getByTestId('video-consent-share').click();
      viaTurn.push(
        await page.evaluate(() =>
          Promise.race([(globalThis as unknown as PageGlobals).benchFrame!, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no remote frame on the kiosk within 60 s of the tap')), 60_000))]),
        ),
      );
      await page.getByTestId('video-hangup').click();
      await page.getByTestId('video-close').click();
      await page.getByTestId('video-dialog').waitFor({ state: 'detached' });
      await agent.locator('#call').waitFor({ state: 'hidden' });
    }

    const direct: number[] = [];
    const relayPair: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      direct.push(await pairFirstFrame(page, { iceServers: [] }));
      const c = turnCredentials(coturn.secret, `bench-${i}`, 600);
      relayPair.push(await pairFirstFrame(page, { iceServers: [{ urls: coturn.url, username: c.username, credential: c.credential }], iceTransportPolicy: 'relay' }));
    }
    const base = median(direct);
    emit(figure('tap-to-first-remote-frame-turn-p50', median(viaTurn), 'ms', base));
    emit(figure('tap-to-first-remote-frame-turn-max', Math.max(...viaTurn), 'ms', Math.max(...direct)));
    emit(figure('peer-pair-first-frame-turn-p50', median(relayPair), 'ms', base));
  } finally {
    await kioskBrowser.close();
    await agentBrowser.close();
    await kiosk.stop();
    await desk.stop();
    await coturn.stop();
    await platform.stop();
  }
}
