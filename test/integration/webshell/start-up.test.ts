import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../host/config';
import { createLogger } from '../../../host/log';
import { runWebShell, type RunningWebShell } from '../../../host/main';
import { tempDir } from '../../support/processes';

/** A platform that accepts connections and never answers: a start must not wait for it. */
let silentPlatform: Server;
let kiosk: RunningWebShell;
let rendererDir: string;
const held: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
  silentPlatform = createServer((_req, res) => void held.push(res));
  await new Promise<void>((r) => silentPlatform.listen(0, '127.0.0.1', r));
  const platformUrl = `http://127.0.0.1:${(silentPlatform.address() as { port: number }).port}`;
  rendererDir = tempDir('renderer');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="./assets/index-AbCd12_-.js"></script>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-AbCd12_-.js'), 'export {};');
  writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const config = loadConfig({ env: { KIOSK_HTTP_PORT: '0', KIOSK_DATA_DIR: tempDir('d'), KIOSK_PLATFORM_URL: platformUrl } });
  kiosk = await runWebShell({ config, platformUrl, logger: createLogger({ level: 'silent' }), rendererDir });
}, 30_000);
afterAll(async () => {
  for (const res of held) res.destroy();
  await kiosk?.close();
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
