/**
 * The web-shell package as an integrator meets it: built here with Debian's
 * tools, lintian-clean, installed with dpkg into this machine (tests run as
 * root, here and in CI), its units verified, what its unit's ExecStart runs
 * started as the unit would (no systemd as PID 1 here) and refused while
 * unprovisioned; upgrade keeps the data, purge removes it. One build, one
 * install: the file's tests run in order. (Provisioning against a
 * production platform-sim and a journey in Chromium are not here yet.)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { buildDeb, DEB_PACKAGE, DEB_UNITS, type DebBuild } from '../../scripts/build-deb';
import { tempDir } from '../support/processes';
import { expect, test } from './fixtures';

test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const UNIT_DIR = '/lib/systemd/system';
const DATA = '/var/lib/onething-kiosk';
const ETC = '/etc/onething-kiosk';
const USER = 'onething-kiosk';

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) }) };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: `${x.stdout}${x.stderr}` };
  }
}

function purge(): void {
  run('dpkg', ['--purge', DEB_PACKAGE]);
}

/** The unit's own ExecStart, user, groups and environment (Environment= then EnvironmentFile=, as systemd applies them). */
function unitCommand(unit: string): { argv: string[]; env: Record<string, string>; user: string; cwd: string } {
  const text = readFileSync(path.join(UNIT_DIR, unit), 'utf8');
  const values = (key: string) => [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!.trim());
  const env: Record<string, string> = { PATH: '/usr/bin:/bin' };
  for (const line of values('Environment')) for (const kv of line.split(/\s+/)) env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
  for (const file of values('EnvironmentFile').map((f) => f.replace(/^-/, ''))) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
      if (m) env[m[1]!] = m[2]!;
    }
  }
  const user = values('User')[0]!;
  // LoadCredentialEncrypted=: systemd decrypts each into a directory only the service reads; done here the same way.
  const creds = values('LoadCredentialEncrypted');
  if (creds.length > 0) {
    const dir = tempDir('credentials');
    for (const c of creds) {
      const [name, file] = [c.slice(0, c.indexOf(':')), c.slice(c.indexOf(':') + 1)];
      execFileSync('systemd-creds', ['decrypt', `--name=${name}`, file, path.join(dir, name)], { stdio: 'pipe' });
      chmodSync(path.join(dir, name), 0o400);
    }
    execFileSync('chown', ['-R', `${user}:${user}`, dir]);
    chmodSync(dir, 0o500);
    env['CREDENTIALS_DIRECTORY'] = dir;
  }
  return { argv: values('ExecStart')[0]!.split(/\s+/), env, user, cwd: values('WorkingDirectory')[0]! };
}

/** Starts what the unit runs, as its user with that user's groups (setpriv, util-linux). */
function startUnit(unit: string): ChildProcess & { lines: string[] } {
  const u = unitCommand(unit);
  const child = spawn('setpriv', [`--reuid=${u.user}`, `--regid=${u.user}`, '--init-groups', '--', ...u.argv], { cwd: u.cwd, env: u.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  createInterface({ input: child.stderr! }).on('line', (l) => lines.push(l));
  return Object.assign(child, { lines });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (c) => resolve(c))));
}

function setEnv(vars: Record<string, string>): void {
  const file = path.join(ETC, 'kiosk.env');
  const kept = readFileSync(file, 'utf8').split('\n').filter((l) => !Object.keys(vars).some((k) => l.startsWith(`${k}=`)));
  writeFileSync(file, [...kept, ...Object.entries(vars).map(([k, v]) => `${k}=${v}`)].join('\n') + '\n');
}

let deb: DebBuild;
let upgrade: DebBuild;
let work: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  purge();
  work = tempDir('deb');
  deb = await buildDeb({ out: path.join(work, 'v1') });
  // The upgrade: the same bundle under a newer version.
  upgrade = await buildDeb({ out: path.join(work, 'v2'), version: `${deb.version}+upgrade1`, bundleDir: path.join(work, 'v1', `deb-${deb.arch}`, 'bundle'), compression: 'gzip' });
});

test.afterAll(() => {
  purge();
});

test('the package is lintian-clean and carries no tsx, no TypeScript, no source maps and no dev dependency', () => {
  const lintian = run('lintian', ['--tag-display-limit', '0', deb.file]);
  const hints = lintian.out.split('\n').filter((l) => l.trim() && !/running with root privileges/.test(l));
  expect(hints).toEqual([]);
  expect(lintian.code).toBe(0);
  const files = run('dpkg-deb', ['--contents', deb.file]).out;
  expect(files).toContain('./usr/lib/onething-kiosk/app/start.mjs');
  expect(files).toContain('./usr/lib/onething-kiosk/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  expect(files).not.toMatch(/node_modules\/(tsx|typescript|esbuild|vite|vitest|electron)\//);
  expect(files).not.toMatch(/\.(ts|map)$/m);
});

test('dpkg installs it: a system user in dialout, data in /var/lib 0700, configuration in /etc, units that systemd-analyze verifies', () => {
  const installed = run('dpkg', ['-i', deb.file]);
  expect(installed.code, installed.out).toBe(0);
  expect(run('id', ['-nG', USER]).out.split(/\s+/)).toContain('dialout');
  const data = statSync(DATA);
  expect(data.mode & 0o777).toBe(0o700);
  expect(data.uid).toBe(Number(run('id', ['-u', USER]).out.trim()));
  expect(existsSync(path.join(ETC, 'kiosk.config.json'))).toBe(true);
  // The journal the kiosk logs to is capped and rotated on the kiosk's small disk.
  expect(readFileSync('/usr/lib/systemd/journald.conf.d/onething-kiosk.conf', 'utf8')).toMatch(/^SystemMaxUse=256M$/m);
  const verify = run('systemd-analyze', ['verify', ...DEB_UNITS.map((u) => path.join(UNIT_DIR, u))]);
  expect(verify.out).toBe('');
  expect(verify.code).toBe(0);
});

test('an unprovisioned production start refuses with one line', async () => {
  const kiosk = startUnit('onething-kiosk.service');
  expect(await exited(kiosk)).toBe(2);
  expect(kiosk.lines.filter((l) => l.startsWith('KIOSK-REFUSED'))).toEqual([
    'KIOSK-REFUSED production: platform.url (KIOSK_PLATFORM_URL) is not set; a production kiosk never starts the local simulator',
  ]);
});

test('upgrade keeps the data and the keys; remove keeps them; purge deletes them', () => {
  setEnv({ KIOSK_MAINTENANCE_PIN: '73915246' });
  const keyBefore = JSON.parse(run('onething-kiosk-provision', ['show', '--json']).out) as { kioskKeyFingerprint: string };
  expect(keyBefore.kioskKeyFingerprint).toMatch(/^SHA256:/);
  // The keys are sealed under the KEK the postinst made and sealed with systemd-creds; no plain KEK on disk.
  expect((keyBefore as unknown as { keySealing: string }).keySealing).toMatch(/^kek:systemd-creds:host/);
  expect(readFileSync(path.join(DATA, 'keys', 'device.key')).subarray(0, 26).toString()).toBe('OTK-SEALED/1 kek-aes256gcm');
  expect(statSync(path.join(ETC, 'kek.cred')).mode & 0o777).toBe(0o600);
  expect(existsSync(path.join(ETC, 'kek'))).toBe(false);
  expect(existsSync(path.join(DATA, 'keys', 'device.key'))).toBe(true);
  const upgraded = run('dpkg', ['-i', upgrade.file]);
  expect(upgraded.code, upgraded.out).toBe(0);
  expect(run('dpkg-query', ['-W', '-f=${Version}', DEB_PACKAGE]).out).toBe(upgrade.version);
  expect((JSON.parse(run('onething-kiosk-provision', ['show', '--json']).out) as { kioskKeyFingerprint: string }).kioskKeyFingerprint).toBe(keyBefore.kioskKeyFingerprint);
  // The operator's settings survive the upgrade (conffile).
  expect(readFileSync(path.join(ETC, 'kiosk.env'), 'utf8')).toContain('KIOSK_MAINTENANCE_PIN=73915246');

  expect(run('dpkg', ['-r', DEB_PACKAGE]).code).toBe(0);
  expect(existsSync('/usr/lib/onething-kiosk/app/start.mjs')).toBe(false);
  expect(existsSync(path.join(DATA, 'keys', 'device.key'))).toBe(true);
  expect(run('dpkg', ['--purge', DEB_PACKAGE]).code).toBe(0);
  expect(existsSync(DATA)).toBe(false);
  expect(existsSync(ETC)).toBe(false);
});
