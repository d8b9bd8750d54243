import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../../support/processes';

const linux = path.join(REPO_ROOT, 'packaging', 'linux');
const read = (f: string) => readFileSync(path.join(linux, f), 'utf8');
const keys = (text: string, key: string) => text.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));

describe('systemd units', () => {
  it('pass systemd-analyze verify', () => {
    const units = ['onething-kiosk.service', 'onething-kiosk-health.service', 'onething-kiosk-health.timer', 'onething-kiosk-restart.service', 'onething-kiosk-nightly.timer'];
    // Throws (with systemd's message) on a syntax or reference error.
    execFileSync('systemd-analyze', ['verify', '--man=no', ...units.map((u) => path.join(linux, u))], { stdio: 'pipe' });
  });

  it('restart the kiosk on any exit, and only for "does not answer" from the health check', () => {
    const kiosk = read('onething-kiosk.service');
    expect(keys(kiosk, 'Restart')).toEqual(['always']);
    expect(keys(kiosk, 'ExecStart')[0]).toContain('scripts/start.ts');
    const health = read('onething-kiosk-health.service');
    expect(keys(health, 'ExecStart')[0]).toContain('run --silent doctor');
    // doctor exits 1 for device/queue faults (a restart fixes no paper roll) and 2 when the kiosk does not answer.
    expect(keys(health, 'SuccessExitStatus')).toEqual(['1']);
    expect(keys(health, 'OnFailure')).toEqual(['onething-kiosk-restart.service']);
    const doctor = readFileSync(path.join(REPO_ROOT, 'scripts', 'doctor.ts'), 'utf8');
    // An unreachable kiosk exits 2 (restart), unless a salvage is under way (exit 1: a restart would start it over).
    expect(doctor).toMatch(/unreachable\(`KIOSK-NOT-RUNNING/);
    expect(doctor).toMatch(/function unreachable\([^)]*\): never \{[\s\S]*?fail\(busy \? 1 : 2,/);
    expect(keys(read('onething-kiosk-nightly.timer'), 'OnCalendar')).toEqual(['*-*-* 03:30:00']);
  });
});

describe('the .deb seals the kiosk keys', () => {
  const deb = (f: string) => readFileSync(path.join(REPO_ROOT, 'packaging', 'deb', f), 'utf8');
  it('the host unit loads the KEK with LoadCredentialEncrypted= (systemd-analyze verify), the postinst seals it with systemd-creds', () => {
    const unit = deb('onething-kiosk.service');
    expect(keys(unit, 'LoadCredentialEncrypted')).toEqual(['kek:/etc/onething-kiosk/kek.cred']);
    expect(keys(unit, 'Environment')).toContain('KIOSK_KEY_SEALING=kek');
    // The packaged ExecStart does not exist on the build machine; everything else is verified as shipped.
    const dir = tempDir('unit');
    writeFileSync(path.join(dir, 'onething-kiosk.service'), unit.replace(/^ExecStart=.*$/m, 'ExecStart=/bin/true'));
    execFileSync('systemd-analyze', ['verify', '--man=no', path.join(dir, 'onething-kiosk.service')], { stdio: 'pipe' });
    const postinst = deb('postinst');
    expect(postinst).toMatch(/systemd-creds has-tpm2 --quiet/);
    expect(postinst).toMatch(/head -c 32 \/dev\/urandom \| systemd-creds encrypt --with-key="\$with" --name=kek - \/etc\/onething-kiosk\/kek\.cred\.new/);
    expect(postinst).not.toMatch(/> \/etc\/onething-kiosk\/kek\b(?!\.)/);
  });
});

describe('Windows auto-start', () => {
  it('defines the install and uninstall macros electron-builder calls', () => {
    const nsh = path.join(REPO_ROOT, 'packaging', 'windows', 'autostart.nsh');
    expect(existsSync(nsh)).toBe(true);
    const text = readFileSync(nsh, 'utf8');
    expect(text).toMatch(/!macro customInstall[\s\S]*CurrentVersion\\Run[\s\S]*!macroend/);
    expect(text).toMatch(/!macro customUnInstall[\s\S]*DeleteRegValue[\s\S]*!macroend/);
  });
});
