import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_MAINTENANCE_PIN } from '../../../host/operations';
import { writeImportedPlatformKey } from '../../../host/provisioning';
import { CredentialsFile } from '../../../host/operations/maintenance/credentials';
import { hashPin, verifyPin } from '../../../host/operations/maintenance/pin-hash';
import { DEMO_CLERK } from '../../../host/staff/staff';
import { REPO_ROOT, tempDir } from '../../support/processes';

/** A production kiosk that is otherwise ready: https platform, real (here: no) devices, a pinned platform key. */
function readyDataDir(): string {
  const dir = tempDir('prod');
  writeImportedPlatformKey(dir, { platformPublicKey: Buffer.alloc(32, 7).toString('base64') });
  return dir;
}

const PRODUCTION = { KIOSK_MODE: 'production', KIOSK_PLATFORM_URL: 'https://127.0.0.1:9', KIOSK_IDCARD: 'none', KIOSK_PRINTER: 'none', KIOSK_SCANNER: 'none', KIOSK_OPEN: 'none', KIOSK_HTTP_PORT: '0', KIOSK_LOG_LEVEL: 'warn' };

/** Runs `scripts/start.ts` until it prints the UI URL (then stops it) or exits by itself. */
function runStart(env: NodeJS.ProcessEnv, whileUp?: (uiUrl: string) => Promise<void>): Promise<{ code: number | null; started: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'start.ts')], { cwd: REPO_ROOT, env: { ...process.env, ...PRODUCTION, ...env } });
    let stderr = '';
    let started = false;
    child.stdout.on('data', (d: Buffer) => {
      const m = /KIOSK_UI_URL=(\S+)/.exec(d.toString());
      if (!started && m) {
        started = true;
        void (whileUp ?? (async () => undefined))(m[1]!).finally(() => child.kill('SIGTERM'));
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, started, stderr }));
  });
}

async function refusal(env: NodeJS.ProcessEnv): Promise<string> {
  const r = await runStart(env);
  expect(r.started).toBe(false);
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('a production kiosk refuses to start, with one line', () => {
  it('when platform.url is unset (it never starts the local simulator)', async () => {
    expect(await refusal({ KIOSK_DATA_DIR: readyDataDir(), KIOSK_PLATFORM_URL: '' })).toBe(
      'KIOSK-REFUSED production: platform.url (KIOSK_PLATFORM_URL) is not set; a production kiosk never starts the local simulator',
    );
  }, 60_000);

  it('when platform.url is plain http', async () => {
    expect(await refusal({ KIOSK_DATA_DIR: readyDataDir(), KIOSK_PLATFORM_URL: 'http://127.0.0.1:9' })).toBe('KIOSK-REFUSED production: platform.url must be https (got http://127.0.0.1:9)');
  }, 60_000);

  it('when the receipt QR would print a plain http progress page', async () => {
    expect(await refusal({ KIOSK_DATA_DIR: readyDataDir(), KIOSK_PROGRESS_URL: 'http://zwfw.example.gov.cn/progress' })).toBe(
      'KIOSK-REFUSED production: platform.progressUrl (KIOSK_PROGRESS_URL) must be https: it is printed on every receipt (got http://zwfw.example.gov.cn/progress)',
    );
  }, 60_000);

  it('when the platform CA bundle is missing (any mode: one config line naming the variable)', async () => {
    const missing = path.join(tempDir('no-ca'), 'platform-ca.pem');
    expect(await refusal({ KIOSK_DATA_DIR: readyDataDir(), KIOSK_PLATFORM_CA: missing })).toBe(`config error: KIOSK_PLATFORM_CA: expected a readable PEM file, ENOENT (got ${JSON.stringify(missing)})`);
  }, 60_000);

  it.each(['KIOSK_IDCARD', 'KIOSK_PRINTER', 'KIOSK_SCANNER'])('when %s is sim', async (key) => {
    const device = { KIOSK_IDCARD: 'idcard', KIOSK_PRINTER: 'printer', KIOSK_SCANNER: 'scanner' }[key];
    expect(await refusal({ KIOSK_DATA_DIR: readyDataDir(), [key]: 'sim' })).toBe(`KIOSK-REFUSED production: devices.${device} is 'sim'; name the real device (a path, 'auto' or 'none')`);
  }, 60_000);

  it('when the demo clerk is in the data folder', async () => {
    const dir = readyDataDir();
    writeFileSync(path.join(dir, 'staff.json'), JSON.stringify({ staff: [{ staffId: DEMO_CLERK.staffId, displayName: DEMO_CLERK.displayName, salt: '00', pinHash: '00' }] }));
    expect(await refusal({ KIOSK_DATA_DIR: dir })).toBe(`KIOSK-REFUSED production: demo credentials in the data folder: the demo clerk 'demo-clerk' is in ${path.join(dir, 'staff.json')}; remove that entry`);
  }, 60_000);

  it('when the stored maintenance PIN is the demo PIN; KIOSK_MAINTENANCE_PIN replaces it and the kiosk starts', async () => {
    const dir = readyDataDir();
    const credentials = CredentialsFile.in(dir);
    mkdirSync(path.dirname(credentials.file), { recursive: true });
    credentials.write({ pin: await hashPin(DEMO_MAINTENANCE_PIN), lockout: { failures: 0, lockedUntil: null } });
    expect(await refusal({ KIOSK_DATA_DIR: dir })).toBe(
      `KIOSK-REFUSED production: demo credentials in the data folder: the maintenance PIN in ${credentials.file} is the demo PIN; set KIOSK_MAINTENANCE_PIN to replace it`,
    );
    expect(await refusal({ KIOSK_DATA_DIR: dir, KIOSK_MAINTENANCE_PIN: DEMO_MAINTENANCE_PIN })).toBe('KIOSK-REFUSED production: KIOSK_MAINTENANCE_PIN is the demo PIN; choose another');

    const r = await runStart({ KIOSK_DATA_DIR: dir, KIOSK_MAINTENANCE_PIN: '13572468' });
    expect(r.started, r.stderr).toBe(true);
    const pin = credentials.read().pin!;
    expect(await verifyPin('13572468', pin)).toBe(true);
    expect(await verifyPin(DEMO_MAINTENANCE_PIN, pin)).toBe(false);
  }, 90_000);

  it('when no platform key is pinned', async () => {
    const dir = tempDir('prod-nokey');
    expect(await refusal({ KIOSK_DATA_DIR: dir })).toBe(
      `KIOSK-REFUSED production: no platform key is pinned; import it with onething-kiosk-provision import-platform-key FILE (writes ${path.join(dir, 'keys', 'platform-key.json')})`,
    );
  }, 60_000);
});

describe('a production kiosk that starts', () => {
  it('serves no source map, even one left beside the renderer', async () => {
    const renderer = tempDir('renderer');
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(path.join(renderer, 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
    writeFileSync(path.join(renderer, 'app.js.map'), '{"version":3,"sources":["../host/secret.ts"]}');
    const seen: number[] = [];
    const r = await runStart({ KIOSK_DATA_DIR: readyDataDir(), KIOSK_MAINTENANCE_PIN: '13572468', KIOSK_RENDERER_DIR: renderer }, async (uiUrl) => {
      const origin = new URL(uiUrl).origin;
      for (const p of ['/app.js', '/app.js.map', '/app.js.map?x=1']) seen.push((await fetch(`${origin}${p}`)).status);
    });
    expect(r.started, r.stderr).toBe(true);
    expect(seen).toEqual([200, 404, 404]);
  }, 60_000);
});
