/**
 * The web-shell package as an integrator meets it: built here with Debian's
 * tools, lintian-clean, installed with dpkg into this machine (tests run as
 * root, here and in CI), its units verified, what its unit's ExecStart runs
 * started as the unit would (no systemd as PID 1 here) and refused while
 * unprovisioned, then provisioned against a platform-sim in production mode
 * (keys.json, https with the province's CA) and driven in Chromium through
 * one application with a reader and a printer on real ptys; upgrade keeps the
 * data, purge removes it. One build, one install: the file's tests run in order.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { buildDeb, DEB_PACKAGE, DEB_UNITS, type DebBuild } from '../../scripts/build-deb';
import { openPtyPair } from '../../drivers/device';
import { demoCard, IdCardSimulator, SerialEndpoint } from '../../drivers/idcard';
import { startSimulatedPrinter } from '../../drivers/printer/sim/pty-sim';
import { readRunFile } from '../../host/run-file';
import { startPlatformSim } from '../../platform-sim/server';
import { makePki } from '../support/pki';
import { tempDir } from '../support/processes';
import { platformPayloadFor, walkToConsent } from './journey-driver';
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

test('provisioned against a production platform, the installed kiosk takes an application in Chromium and delivers it', async ({ page }) => {
  test.setTimeout(240_000);
  const KIOSK_ID = 'SX-TY-XD-0901';
  // Real devices as the kiosk meets them: a GA/T 467 reader and an ESC/POS printer, each behind a pty.
  const readerPty = await openPtyPair();
  const reader = new IdCardSimulator(() => undefined);
  const readerEnd = new SerialEndpoint(readerPty.b, reader);
  await readerEnd.start();
  const printer = await startSimulatedPrinter({ paperDots: 576 });
  // The kiosk user (in dialout) opens them as it would /dev/ttyUSB0: by their /dev/pts names (socat's links live
  // in root's private temp folders).
  const [readerTty, printerTty] = [readerPty.a, printer.path].map((p) => realpathSync(p));
  for (const tty of [readerTty!, printerTty!]) chmodSync(tty, 0o666);
  writeFileSync(
    path.join(ETC, 'kiosk.config.json'),
    `${JSON.stringify({ kioskId: KIOSK_ID, servicePoint: '小店区坞城街道便民服务中心', devices: { idcard: readerTty, printer: printerTty, scanner: 'none' }, ui: { open: 'none' }, offline: { provisioningToken: null } }, null, 2)}\n`,
  );
  // The platform operator's side: the kiosk's public key goes into the registry (keys.json) before the platform starts.
  const pki = tempDir('deb-pki');
  makePki(pki);
  copyFileSync(path.join(pki, 'ca.pem'), path.join(ETC, 'platform-ca.pem'));
  chmodSync(path.join(ETC, 'platform-ca.pem'), 0o644);
  const exported = path.join(work, 'kiosk-key.json');
  const exportRun = run('onething-kiosk-provision', ['export-kiosk-key', exported]);
  expect(exportRun.code, exportRun.out).toBe(0);
  const entry = JSON.parse(readFileSync(exported, 'utf8')) as { kiosks: { kioskId: string }[] };
  expect(entry.kiosks.map((k) => k.kioskId)).toEqual([KIOSK_ID]);
  const platformData = tempDir('deb-platform');
  writeFileSync(path.join(platformData, 'keys.json'), JSON.stringify(entry));
  const platform = await startPlatformSim({
    port: 0,
    dataDir: platformData,
    production: true,
    statusStepMs: 60_000,
    tls: { key: readFileSync(path.join(pki, 'server.key')), cert: readFileSync(path.join(pki, 'server.pem')) },
  });
  let kiosk: (ChildProcess & { lines: string[] }) | null = null;
  try {
    expect(platform.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    // The kiosk's side: pin the platform's key (its fingerprint is printed), name the platform and the CA.
    const imported = run('onething-kiosk-provision', ['import-platform-key', path.join(platformData, 'platform-public-key.json')]);
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toMatch(/SHA256:/);
    setEnv({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PLATFORM_CA: path.join(ETC, 'platform-ca.pem'), KIOSK_MAINTENANCE_PIN: '73915246' });

    kiosk = startUnit('onething-kiosk.service');
    const started = Date.now();
    let ui: string | null = null;
    while (!ui && Date.now() - started < 60_000 && kiosk.exitCode === null) {
      try {
        const r = readRunFile(DATA);
        ui = `${r.url}/#token=${r.token}`;
      } catch {
        await new Promise((res) => setTimeout(res, 250));
      }
    }
    expect(kiosk.exitCode, kiosk.lines.join('\n')).toBeNull();
    expect(ui, kiosk.lines.join('\n')).not.toBeNull();
    await page.goto(ui!);
    await page.getByTestId('start').click();
    // Nothing of demo mode is reachable: no dev dock on screen.
    await expect(page.getByTestId('devdock-toggle')).toHaveCount(0);
    reader.insert(demoCard('resident-zhang'));
    await page.getByTestId('thing-newborn').click();
    await walkToConsent(page, { thingId: 'newborn', shots: 'deb-newborn', answer: 'last', checks: 'none' });
    await page.getByTestId('consent-submit').click();
    const number = (await page.getByTestId('application-number').textContent())!.trim();
    expect(number).toMatch(/\d/);
    // Delivered over https to the production platform, signed by the kiosk's registered key.
    await expect.poll(() => platformPayloadFor(platformData, number)?.['localNumber'] ?? null, { timeout: 60_000 }).toBe(number);
    const db = new Database(path.join(platformData, 'platform.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare(`SELECT kiosk_id FROM intake WHERE json_extract(payload, '$.localNumber') = ?`).pluck().all(number)).toEqual([KIOSK_ID]);
    } finally {
      db.close();
    }
    // The receipt came out of the printer on the pty, with the application's number on it.
    await expect.poll(() => printer.printer.documents().filter((d) => d.complete && JSON.stringify(d.elements).includes(number)).length, { timeout: 30_000 }).toBe(1);
  } finally {
    // What the kiosk logged (the journal, on a real machine) is kept beside the test's results.
    if (kiosk) await test.info().attach('kiosk-journal', { body: kiosk.lines.join('\n'), contentType: 'text/plain' });
    reader.remove();
    kiosk?.kill('SIGTERM');
    if (kiosk) await exited(kiosk);
    await platform.close();
    await readerEnd.stop();
    await readerPty.close();
    await printer.close();
  }
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
