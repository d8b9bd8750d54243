import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/processes';

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

describe('Windows auto-start', () => {
  it('defines the install and uninstall macros electron-builder calls', () => {
    const nsh = path.join(REPO_ROOT, 'packaging', 'windows', 'autostart.nsh');
    expect(existsSync(nsh)).toBe(true);
    const text = readFileSync(nsh, 'utf8');
    expect(text).toMatch(/!macro customInstall[\s\S]*CurrentVersion\\Run[\s\S]*!macroend/);
    expect(text).toMatch(/!macro customUnInstall[\s\S]*DeleteRegValue[\s\S]*!macroend/);
  });
});
