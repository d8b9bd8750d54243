import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../host/config';
import { createLogger } from '../../../host/log';
import { runWebShell, type RunningWebShell } from '../../../host/main';
import { tempDir } from '../../support/processes';

/** A platform and a CUPS that accept connections and never answer: a start must wait for neither. */
let silentPlatform: Server;
let silentCups: Server;
const heldCups: import('node:http').ServerResponse[] = [];
let kiosk: RunningWebShell;
let rendererDir: string;
const held: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
  silentPlatform = createServer((_req, res) => void held.push(res));
  await new Promise<void>((r) => silentPlatform.listen(0, '127.0.0.1', r));
  const platformUrl = `http://127.0.0.1:${(silentPlatform.address() as { port: number }).port}`;
  silentCups = createServer((_req, res) => void heldCups.push(res));
  await new Promise<void>((r) => silentCups.listen(0, '127.0.0.1', r));
  const a4Printer = `ipp://127.0.0.1:${(silentCups.address() as { port: number }).port}/printers/kiosk-a4`;
  rendererDir = tempDir('renderer');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="./assets/index-AbCd12_-.js"></script>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-AbCd12_-.js'), 'export {};');
  writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const config = loadConfig({ env: { KIOSK_HTTP_PORT: '0', KIOSK_DATA_DIR: tempDir('d'), KIOSK_PLATFORM_URL: platformUrl, KIOSK_A4_PRINTER: a4Printer } });
  kiosk = await runWebShell({ config, platformUrl, logger: createLogger({ level: 'silent' }), rendererDir });
}, 30_000);
afterAll(async () => {
  for (const res of held) res.destroy();
  for (const res of heldCups) res.destroy();
  await kiosk?.close();
  silentCups?.closeAllConnections();
  silentCups?.close();
  silentPlatform?.closeAllConnections();
  silentPlatform?.close();
});

describe('web-shell start-up', () => {
  it('is ready and answers calls while the platform has not answered its first probe', async () => {
    const res = await fetch(`${kiosk.shell.url}/api/system.ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` },
      body: JSON.stringify({ nonce: 'n1' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { nonce: 'n1' } });
    // The probe went out after ready and is still waiting on the silent platform.
    await vi.waitFor(() => expect(held.map((r) => r.req.url)).toContain('/v1/health'), { timeout: 5000 });
  });

  it('is ready while CUPS has not answered its first question; the A4 printer stands as not checked yet', async () => {
    // Asked before ready and still unanswered: a start that waited for it would have taken its 10 s timeout.
    expect(heldCups.map((r) => r.req.method)).toEqual(['POST']);
    expect(heldCups[0]!.socket?.destroyed).toBe(false);
    const res = await fetch(`${kiosk.shell.url}/api/devices.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` },
      body: JSON.stringify({}),
    });
    const list = (await res.json()) as { ok: boolean; value: { id: string; power: string; lastError: { message: string } | null }[] };
    expect(list.value.find((d) => d.id === 'a4-printer')).toMatchObject({ power: 'offline', lastError: { message: 'not checked yet' } });
  });

  it('serves hashed assets as immutable and index.html and unhashed files for revalidation', async () => {
    const asset = await fetch(`${kiosk.shell.url}/assets/index-AbCd12_-.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const index = await fetch(`${kiosk.shell.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const plain = await fetch(`${kiosk.shell.url}/assets/logo.svg`);
    expect(plain.headers.get('cache-control')).toBe('no-cache');
  });
});
