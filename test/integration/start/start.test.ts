import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, startKioskProcess, tempDir } from '../../support/processes';

function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'start.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, KIOSK_OPEN: 'none', KIOSK_DATA_DIR: tempDir('start'), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm start', () => {
  it.each([
    ['KIOSK_HTTP_PORT', 'eighty', /^config error: KIOSK_HTTP_PORT: /],
    ['KIOSK_PRINTER', 'lp0', /^config error: KIOSK_PRINTER: expected 'sim', 'auto', 'none', a device path/],
  ])('stops on a bad %s with one clear line', async (key, value, expected) => {
    const r = await runStart({ [key]: value });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(r.stdout).not.toContain('KIOSK_UI_URL');
  }, 60_000);

  it('with KIOSK_OPEN=none starts the platform simulator and the host, and prints the full UI URL on one line', async () => {
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: '' });
    try {
      expect(kiosk.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);
      await expect.poll(() => kiosk.output.some((l) => /local simulator/.test(l))).toBe(true);
      const info = await kiosk.call<{ ok: boolean; value: { mode: string } }>('system.info');
      expect(info.body).toMatchObject({ ok: true, value: { mode: 'demo' } });
      await expect.poll(async () => (await kiosk.call<{ value: { online: boolean } }>('system.connectivity')).body.value.online, { timeout: 20_000 }).toBe(true);
    } finally {
      await kiosk.stop();
    }
  }, 90_000);
});
