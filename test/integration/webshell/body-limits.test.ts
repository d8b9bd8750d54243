import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, MAX_ANSWER_KEYS, methods } from '../../../contract';
import { loadConfig } from '../../../host/config';
import { createLogger } from '../../../host/log';
import { runWebShell, type RunningWebShell } from '../../../host/main';
import { bodyLimitFor } from '../../../host/webshell/body-limit';
import { startPlatformSim, type PlatformSim } from '../../../platform-sim/server';
import { tempDir } from '../../support/processes';

let kiosk: RunningWebShell;
let platform: PlatformSim;

beforeAll(async () => {
  platform = await startPlatformSim({ port: 0, dataDir: tempDir('p') });
  const config = loadConfig({ env: { KIOSK_HTTP_PORT: '0', KIOSK_DATA_DIR: tempDir('d'), KIOSK_PLATFORM_HEALTH_MS: '60000' } });
  kiosk = await runWebShell({ config, platformUrl: platform.url, logger: createLogger({ level: 'silent' }), rendererDir: tempDir('no-renderer') });
});
afterAll(async () => {
  await kiosk?.close();
  await platform?.close();
});

interface Answer {
  readonly status: number | undefined;
  readonly body: { ok: boolean; code?: string; message?: string; detail?: string; issues?: { path: string }[] };
  /** Bytes of the body the client had written when the answer came. */
  readonly writtenWhenAnswered: number;
}

/**
 * A raw request that writes its body slowly in 64 KiB pieces and stops as
 * soon as the server answers: a server that waits for the whole body (or
 * parses it) cannot answer before the last piece.
 */
function send(method: string, total: number, piece: (i: number) => Buffer, options: { chunked?: boolean; token?: string } = {}): Promise<Answer> {
  const port = Number(new URL(kiosk.shell.url).port);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${options.token ?? kiosk.shell.token}` };
    if (!options.chunked) headers['content-length'] = String(total);
    const req = request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'], writtenWhenAnswered: written });
        req.destroy();
      });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    let i = 0;
    const next = () => {
      if (answered || written >= total) {
        if (!answered) req.end();
        return;
      }
      const chunk = piece(i++).subarray(0, total - written);
      written += chunk.length;
      req.write(chunk, () => setImmediate(next));
    };
    next();
  });
}

/** `{"step":"x","answers":{"k0":"vvv…","k1":…` — a draft of `total` bytes, closed only by its last piece. */
function draftPiece(i: number): Buffer {
  const head = i === 0 ? '{"step":"form","answers":{' : ',';
  return Buffer.from(`${head}"k${i}":"${'v'.repeat(64 * 1024 - 20)}"`);
}

describe('web-shell body limits per method', () => {
  it('every method has a limit, the draft and the capture their own', () => {
    expect(bodyLimitFor('system.ping')).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(bodyLimitFor('journey.saveDraft')).toBe(methods['journey.saveDraft'].maxBodyBytes);
    expect(bodyLimitFor('journey.capture')).toBeGreaterThan(12 * 1024 * 1024);
    expect(bodyLimitFor('no.such.method')).toBe(DEFAULT_MAX_BODY_BYTES);
  });

  it('refuses a 22 MiB draft by its Content-Length before reading it, with a 413 naming the limit', async () => {
    const total = 22 * 1024 * 1024;
    const r = await send('journey.saveDraft', total, draftPiece);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(r.body.message).toContain(`${bodyLimitFor('journey.saveDraft')} bytes for journey.saveDraft`);
    expect(r.writtenWhenAnswered).toBeLessThan(total);
  });

  it('refuses a chunked 22 MiB draft (no Content-Length) as the bytes pass the limit, not after reading them all', async () => {
    const total = 22 * 1024 * 1024;
    const r = await send('journey.saveDraft', total, draftPiece, { chunked: true });
    expect(r.status).toBe(413);
    expect(r.writtenWhenAnswered).toBeLessThan(total);
  });

  it('a call without the token is refused before its body is read', async () => {
    const r = await send('journey.saveDraft', 4 * 1024 * 1024, draftPiece, { chunked: true, token: 'wrong' });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthorized');
    expect(r.writtenWhenAnswered).toBeLessThan(4 * 1024 * 1024);
  });

  it('a small draft with too many keys is refused whole, naming the field, and the kiosk keeps answering', async () => {
    const answers = Object.fromEntries(Array.from({ length: MAX_ANSWER_KEYS + 1 }, (_, i) => [`q${i}`, true]));
    const res = await fetch(`${kiosk.shell.url}/api/journey.saveDraft`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` },
      body: JSON.stringify({ step: 'form', answers, form: {}, materials: [] }),
    });
    const body = (await res.json()) as Answer['body'];
    expect(res.status).toBe(400);
    expect(body.issues?.map((i) => i.path)).toContain('answers');
    expect(body.message).toContain(`at most ${MAX_ANSWER_KEYS}`);
    const ping = await fetch(`${kiosk.shell.url}/api/system.ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` },
      body: JSON.stringify({ nonce: 'still-here' }),
    });
    expect(await ping.json()).toMatchObject({ ok: true, value: { nonce: 'still-here' } });
  });

  it('a 2 MiB capture is read and judged on its content (not refused for its size)', async () => {
    const dataUrl = `data:image/jpeg;base64,${Buffer.alloc(1536 * 1024, 7).toString('base64')}`;
    const res = await fetch(`${kiosk.shell.url}/api/journey.capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` },
      body: JSON.stringify({ materialId: 'm1', dataUrl }),
    });
    expect(res.status).not.toBe(413);
    const body = (await res.json()) as Answer['body'];
    // No session: the capture is refused for that reason, after its body was read whole.
    expect(body).toMatchObject({ ok: false, code: 'no-session' });
  });
});
