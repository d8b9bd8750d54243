import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { events, isEventName } from '../../../contract';
import { loadConfig } from '../../../host/config';
import { createLogger } from '../../../host/log';
import { runWebShell, type RunningWebShell } from '../../../host/main';
import { startPlatformSim, type PlatformSim } from '../../../platform-sim/server';
import { tempDir } from '../../support/processes';

let kiosk: RunningWebShell;
let platform: PlatformSim;

beforeAll(async () => {
  platform = await startPlatformSim({ port: 0, dataDir: tempDir('p') });
  const config = loadConfig({ env: { KIOSK_HTTP_PORT: '0', KIOSK_DATA_DIR: tempDir('d'), KIOSK_PLATFORM_HEALTH_MS: '200' } });
  kiosk = await runWebShell({ config, platformUrl: platform.url, logger: createLogger({ level: 'silent' }), rendererDir: tempDir('no-renderer') });
});
afterAll(async () => {
  await kiosk?.close();
  await platform?.close();
});

async function post(method: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${kiosk.shell.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; code?: string; message?: string; value?: unknown; issues?: { path: string }[] } };
}

describe('web-shell transport', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(kiosk.shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(kiosk.shell.uiUrl).toContain(`#token=${kiosk.shell.token}`);
  });

  it('answers a valid call with a value', async () => {
    const r = await post('system.ping', { nonce: 'n1' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, value: { nonce: 'n1' } });
  });

  it('refuses a call without the boot token', async () => {
    const r = await post('system.ping', { nonce: 'n1' }, { authorization: 'Bearer wrong' });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthorized');
  });

  it('refuses another site (Origin) and DNS rebinding (Host)', async () => {
    expect((await post('system.ping', { nonce: 'x' }, { origin: 'http://evil.example' })).status).toBe(403);
    // fetch may not set Host; a raw request can, as a rebinding page's browser would.
    const port = Number(new URL(kiosk.shell.url).port);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/system.ping', method: 'POST', headers: { host: `evil.example:${port}`, 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end('{"nonce":"x"}');
    });
    expect(status).toBe(403);
  });

  it('names the field of an invalid payload with a 400', async () => {
    const r = await post('system.ping', { nonce: 42 });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('invalid-input');
    expect(r.body.issues?.[0]?.path).toBe('nonce');
    expect(r.body.message).toContain('nonce');
  });

  it('rejects unknown fields, unknown methods and malformed JSON clearly', async () => {
    expect((await post('system.ping', { nonce: 'a', extra: 1 })).status).toBe(400);
    const unknown = await post('system.format', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('unknown-method');
    const bad = await post('system.ping', '{"nonce":');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/JSON/);
  });

  it('pushes events over the WebSocket to a client with the token, and refuses one without', async () => {
    const wsUrl = `${kiosk.shell.url.replace('http', 'ws')}/events?token=${kiosk.shell.token}`;
    const ws = new WebSocket(wsUrl, { headers: { origin: kiosk.shell.url } });
    const messages: { event: string; payload: unknown }[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    await new Promise((r) => ws.once('open', r));
    await post('session.begin', {});
    await expect.poll(() => messages.find((m) => m.event === 'session.changed' && m.payload !== null)).toBeTruthy();
    ws.close();

    const intruder = new WebSocket(`${kiosk.shell.url.replace('http', 'ws')}/events?token=nope`, { headers: { origin: kiosk.shell.url } });
    const code = await new Promise<number>((r) => intruder.once('close', (c) => r(c)));
    expect(code).toBe(4401);

    const foreign = new WebSocket(wsUrl, { headers: { origin: 'http://evil.example' } });
    const refused = await new Promise<string>((r) => {
      foreign.on('error', () => undefined);
      foreign.once('unexpected-response', (_req, res) => r(String(res.statusCode)));
      foreign.once('open', () => r('open'));
    });
    expect(refused).toBe('403');
  });

  it('replays sticky state to a reconnecting UI', async () => {
    await expect.poll(async () => ((await post('system.connectivity', {})).body.value as { online: boolean }).online).toBe(true);
    const ws = new WebSocket(`${kiosk.shell.url.replace('http', 'ws')}/events?token=${kiosk.shell.token}`);
    const first = await new Promise<{ event: string }>((r) => ws.once('message', (d) => r(JSON.parse(String(d)))));
    ws.close();
    expect(isEventName(first.event) && (events[first.event] as { sticky?: boolean }).sticky).toBe(true);
  });
});
