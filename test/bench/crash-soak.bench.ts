/**
 * The kill -9 crash test (test/integration/offline-cache/crash.test.ts, 120
 * kills in CI, every kill point 4 times) at benchmark size: ≥ 1,000 SIGKILLs at random points while
 * submitting and syncing, 0 acknowledged submissions lost or duplicated
 * (the test asserts it; this reports the run).
 */
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../support/processes';
import { figure, type Emit } from './format';

const KILLS = Number(process.env['BENCH_CRASH_KILLS'] ?? 1_000);
/** Kiosks crashing side by side (each its own store): 1,000 kills in a sane wall time. */
const KIOSKS = Number(process.env['BENCH_CRASH_KIOSKS'] ?? 4);

export default async function crashSoakBench(emit: Emit): Promise<void> {
  const t0 = Date.now();
  const r = spawnSync('npx', ['vitest', 'run', 'test/integration/offline-cache/crash.test.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, KIOSK_CRASH_KILLS: String(KILLS), KIOSK_CRASH_KIOSKS: String(KIOSKS) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`crash test at ${KILLS} points failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`);
  emit(figure('kill -9 points survived with 0 acknowledged submissions lost or duplicated', KILLS, 'points', null));
  emit(figure(`wall time of the crash run (${KIOSKS} kiosks side by side)`, (Date.now() - t0) / 1000, 's', null));
}
