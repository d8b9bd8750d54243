import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startKioskProcess, startPlatformProcess, tempDir, type KioskProcess, type PlatformProcess } from '../../support/processes';

/** `npm run doctor` exactly as SSH maintenance and the systemd health check run it. */
function doctor(dataDir: string, ...args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'doctor', '--', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, KIOSK_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run doctor against a running kiosk', () => {
  let platform: PlatformProcess;
  let kiosk: KioskProcess;

  beforeAll(async () => {
    platform = await startPlatformProcess();
    // The reader's cable is out: its port does not exist.
    kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_IDCARD: '/dev/ttyUSB-kiosk-unplugged-reader' });
  }, 90_000);

  afterAll(async () => {
    await kiosk?.stop();
    await platform?.stop();
  });

  it('exits 1 and names the unplugged reader, with its fix, in words', async () => {
    await expect.poll(() => doctor(kiosk.dataDir).code, { timeout: 20_000, interval: 500 }).toBe(1);
    const r = doctor(kiosk.dataDir);
    expect(r.stdout).toContain('总体 Overall: ✗ 故障 FAULT');
    expect(r.stdout).toContain('身份证阅读器未连接或无响应');
    expect(r.stdout).toContain('/dev/ttyUSB-kiosk-unplugged-reader');
    expect(r.stderr).toMatch(/BROKEN: .*IDCARD-UNPLUGGED/);
  });

  it('--json gives the same diagnostics for machines', () => {
    const r = doctor(kiosk.dataDir, '--json');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout) as { overall: string; findings: { code: string; level: string }[]; kioskId: string; platform: { reachable: boolean } };
    expect(d.overall).toBe('fault');
    expect(d.findings).toContainEqual(expect.objectContaining({ code: 'IDCARD-UNPLUGGED', level: 'fault' }));
    expect(d.platform.reachable).toBe(true);
  });

  it('exits 2 naming the problem when no kiosk runs on that data dir', () => {
    const r = doctor(path.join(tempDir('nokiosk'), 'data'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('KIOSK-NOT-RUNNING');
  });

  it('exits 1, not 2, while a damaged database is being salvaged: the health check must not restart it mid-way', () => {
    const dataDir = path.join(tempDir('salvaging'), 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'kiosk.db.salvage'), 'in progress');
    const r = doctor(dataDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DB-SALVAGING');
  });
});
