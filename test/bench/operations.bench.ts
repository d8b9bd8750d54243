/**
 * `operations`: what the technician-facing paths cost.
 * - pin-verify: one scrypt PIN check (the brute-force brake) vs one SHA-256 of the same PIN.
 * - diagnostics: `maintenance.diagnostics` over the web shell (devices, outbox, platform probe,
 *   disk walk) vs `system.ping` on the same kiosk — the dashboard polls it every 3 s.
 * - doctor: `npm run doctor` wall time (what the systemd health check waits for) vs spawning a bare tsx entry point.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashPin, verifyPin } from '../../host/operations/maintenance/pin-hash';
import { REPO_ROOT, spawnTs, startKioskProcess, startPlatformProcess } from '../support/processes';
import { figure, percentile, type Emit } from './format';

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

async function timed(n: number, f: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

export default async function operations(emit: Emit): Promise<void> {
  const stored = await hashPin('24682468');
  const scrypt = await timed(7, () => verifyPin('13572468', stored));
  const sha = await timed(7, () => createHash('sha256').update('13572468').digest());
  emit(figure('pin-verify', median(scrypt), 'ms', median(sha)));

  const platform = await startPlatformProcess();
  const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url });
  try {
    const run = JSON.parse(readFileSync(path.join(kiosk.dataDir, 'run', 'webshell.json'), 'utf8')) as { maintenanceToken: string };
    await kiosk.call('maintenance.diagnostics', { token: run.maintenanceToken });
    const diag = await timed(20, () => kiosk.call('maintenance.diagnostics', { token: run.maintenanceToken }));
    const ping = await timed(20, () => kiosk.call('system.ping', { nonce: 'bench' }));
    emit(figure('diagnostics', median(diag), 'ms', median(ping)));

    const doctor = await timed(3, () => spawnSync('npm', ['run', '--silent', 'doctor'], { cwd: REPO_ROOT, env: { ...process.env, KIOSK_DATA_DIR: kiosk.dataDir }, stdio: 'ignore' }));
    const bare = await timed(3, async () => (await spawnTs('test/bench/support/print-ready.ts', [], { readyLine: /^READY/ })).stop());
    emit(figure('doctor', median(doctor), 'ms', median(bare)));
  } finally {
    await kiosk.stop();
    await platform.stop();
  }
}
