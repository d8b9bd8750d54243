import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HealthProbe } from './agent';

export interface WebShellProbeOptions {
  /** How long the new bundle may take to come up and answer (ms). */
  readonly timeoutMs?: number;
  /** The node binary (the one the service unit runs). */
  readonly node?: string;
  /** Where scratch data dirs go (a private tmp under systemd). */
  readonly tmpDir?: string;
}

const tail = (s: string) => s.trim().split('\n').slice(-3).join(' | ').slice(-300);

/**
 * The health check of a freshly unpacked slot, before any switch: runs what
 * the service units run — `node <slot>/app/start.mjs` (onething-kiosk.service)
 * with a scratch data dir, simulated devices and no UI, then
 * `node <slot>/app/doctor.mjs` (onething-kiosk-health.service) against it.
 * Passes when the host comes up and the doctor gets an answer (exit 0, or 1
 * for a device/queue finding, which a scratch kiosk may have). The booted
 * version is checked again on trial with the real UI and devices.
 */
export function webShellProbe(o: WebShellProbeOptions = {}): HealthProbe {
  const node = o.node ?? process.execPath;
  const timeoutMs = o.timeoutMs ?? 90_000;
  return async (slotDir) => {
    const scratch = mkdtempSync(path.join(o.tmpDir ?? os.tmpdir(), 'kiosk-probe-'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: scratch,
      LANG: 'C.UTF-8',
      NODE_ENV: 'production',
      KIOSK_DATA_DIR: scratch,
      KIOSK_HTTP_PORT: '0',
      KIOSK_OPEN: 'none',
      KIOSK_MODE: 'demo',
      KIOSK_LOG_LEVEL: 'warn',
    };
    const child = spawn(node, [path.join(slotDir, 'app', 'start.mjs')], { cwd: scratch, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output = (output + c.toString('utf8')).slice(-4000)));
    child.stderr.on('data', (c: Buffer) => (output = (output + c.toString('utf8')).slice(-4000)));
    let exited: number | null = null;
    child.on('exit', (code, signal) => (exited = code ?? (signal ? 128 : 1)));
    const runFile = path.join(scratch, 'run', 'webshell.json');
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (exited !== null) return { ok: false, detail: `the new version exited with code ${exited} before it was ready: ${tail(output)}` };
        if (existsSync(runFile)) {
          try {
            JSON.parse(readFileSync(runFile, 'utf8'));
            break;
          } catch {
            // being written
          }
        }
        if (Date.now() > deadline) return { ok: false, detail: `the new version was not ready within ${Math.round(timeoutMs / 1000)} s: ${tail(output)}` };
        await new Promise((r) => setTimeout(r, 200));
      }
      const doctor = await new Promise<{ code: number; out: string }>((resolve) => {
        const d = spawn(node, [path.join(slotDir, 'app', 'doctor.mjs'), '--timeout', String(Math.min(15_000, timeoutMs))], { cwd: scratch, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        d.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
        d.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
        const t = setTimeout(() => d.kill('SIGKILL'), timeoutMs);
        d.on('exit', (code) => {
          clearTimeout(t);
          resolve({ code: code ?? 2, out });
        });
        d.on('error', (e) => resolve({ code: 2, out: e.message }));
      });
      if (doctor.code === 0 || doctor.code === 1) return { ok: true, detail: `host ready; doctor exit ${doctor.code}` };
      return { ok: false, detail: `the doctor got no healthy answer (exit ${doctor.code}): ${tail(doctor.out)}` };
    } finally {
      if (exited === null) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(t);
      }
      rmSync(scratch, { recursive: true, force: true });
    }
  };
}
