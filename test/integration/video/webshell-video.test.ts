import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../host/config';
import { createLogger } from '../../../host/log';
import { runWebShell, type RunningWebShell } from '../../../host/main';
import { startPlatformSim, type PlatformSim } from '../../../platform-sim/server';
import { verifyKioskTicket } from '../../../video-desk/auth';
import { tempDir } from '../../support/processes';

const SECRET = 'webshell-video-secret-0001';
const PAGE = '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; connect-src &#39;self&#39; ws://127.0.0.1:*"></head><body></body></html>';

/** A kiosk configured for video help: its page may reach the desk (and nothing else new); its ticket is accepted by the desk's check. */
describe('the web shell with video help configured', () => {
  let kiosk: RunningWebShell;
  let platform: PlatformSim;
  beforeAll(async () => {
    platform = await startPlatformSim({ port: 0, dataDir: tempDir('p') });
    const rendererDir = tempDir('renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), PAGE);
    const secretFile = path.join(tempDir('secret'), 'video-secret');
    writeFileSync(secretFile, `${SECRET}\n`, { mode: 0o600 });
    const config = loadConfig({ env: { KIOSK_HTTP_PORT: '0', KIOSK_DATA_DIR: tempDir('d'), KIOSK_VIDEO_DESK_URL: 'https://video.example.gov.cn', KIOSK_VIDEO_SECRET_FILE: secretFile } });
    kiosk = await runWebShell({ config, platformUrl: platform.url, logger: createLogger({ level: 'silent' }), rendererDir });
  });
  afterAll(async () => {
    await kiosk?.close();
    await platform?.close();
  });

  it('allows the desk origin in the header and the page meta policy, and nothing else new', async () => {
    const res = await fetch(`${kiosk.shell.url}/`);
    const header = res.headers.get('content-security-policy') ?? '';
    expect(header).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\* ws:\/\/localhost:\* https:\/\/video\.example\.gov\.cn wss:\/\/video\.example\.gov\.cn;/);
    const body = await res.text();
    expect(body).toContain("connect-src 'self' ws://127.0.0.1:* ws://localhost:* https://video.example.gov.cn wss://video.example.gov.cn;");
    expect(body).not.toContain('frame-ancestors');
  });

  it('hands the renderer a ticket for the desk, signed with the secret from the file', async () => {
    const res = await fetch(`${kiosk.shell.url}/api/video.ticket`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` }, body: '{}' });
    const r = (await res.json()) as { ok: boolean; value: { socketUrl: string; ticket: string } };
    expect(r.ok).toBe(true);
    expect(r.value.socketUrl).toBe('wss://video.example.gov.cn/ws');
    expect(verifyKioskTicket(r.value.ticket, SECRET)).toMatchObject({ ok: true, kiosk: { kioskId: 'SX-DEV-0001' } });
  });

  it('takes the end of a call (the shell closes its microphone window on it) and refuses a body it does not know', async () => {
    const post = (body: string) => fetch(`${kiosk.shell.url}/api/video.callEnded`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` }, body });
    expect(await (await post('{}')).json()).toEqual({ ok: true, value: { ended: true } });
    const bad = (await (await post('{"callId":"x"}')).json()) as { ok: boolean; code: string };
    expect(bad.ok).toBe(false);
    expect(bad.code).toBe('invalid-input');
  });
});
