import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { drain, openKiosk, platformIntake, startSim } from '../../support/offline-kiosk';
import { bundleChild, type ChildBundle } from '../../support/child-bundle';
import { tempDir } from '../../support/processes';

let bundle: ChildBundle | null = null;
let sim: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  bundle = await bundleChild('faulty-writer');
}, 60_000);
// One platform per test: each test's kiosk has its own device key under the same kiosk id.
beforeEach(async () => {
  sim = await startSim();
});
afterEach(async () => {
  await sim?.close();
});
afterAll(() => {
  bundle?.dispose();
});

interface Run {
  readonly acked: Map<string, string>;
  readonly failed: Map<string, number>;
  readonly output: string[];
}

/** Runs the child under fiu-run; `faults` are enabled with fiu-ctrl once the store is open, disabled after the last submission. */
async function runFaulty(dataDir: string, faults: readonly string[], count = 150, whenDone: () => void = () => undefined): Promise<Run> {
  const child: ChildProcess = spawn('fiu-run', ['-x', '-f', path.join(dataDir, '..', `fiu-${path.basename(dataDir)}`), process.execPath, bundle!.entry, dataDir, sim.url, String(count)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const rl = createInterface({ input: child.stdout! });
  const acked = new Map<string, string>();
  const failed = new Map<string, number>();
  const output: string[] = [];
  const ctrl = (cmd: string) => {
    const r = spawnSync('fiu-ctrl', ['-f', path.join(dataDir, '..', `fiu-${path.basename(dataDir)}`), '-c', cmd, String(child.pid)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`fiu-ctrl ${cmd}: ${r.stderr}`);
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for await (const line of rl) {
    output.push(line);
    const [word, kind, marker, rest] = line.split(' ');
    if (word === 'OPEN') {
      for (const f of faults) ctrl(f);
      child.stdin!.write('GO\n');
    } else if (word === 'ACK') acked.set(`${kind}:${marker}`, rest!);
    else if (word === 'FAIL') failed.set(kind!, (failed.get(kind!) ?? 0) + 1);
    else if (word === 'DONE') {
      for (const f of faults) ctrl(`disable name=${/name=([^,]+)/.exec(f)![1]}`);
      whenDone();
      child.stdin!.write('CLOSE\n');
    } else if (word === 'CLOSED' || word === 'BUG') break;
  }
  const code = await exited;
  expect(output.filter((l) => l.startsWith('BUG'))).toEqual([]);
  expect(code).toBe(0);
  return { acked, failed, output };
}

/** After the run: everything acknowledged is on the kiosk once and reaches the platform once; nothing refused is anywhere. */
async function checkPromise(dataDir: string, run: Run) {
  const kiosk = await openKiosk(sim.url, { dataDir });
  try {
    expect(kiosk.integrity.ok).toBe(true);
    expect(kiosk.store.integrityOk()).toBe(true);
    const rows = kiosk.store.read((db) => db.prepare(`SELECT kind, client_id AS id FROM outbox WHERE kind != 'heartbeat'`).all() as { kind: string; id: string }[]);
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(rows.length);
    for (const id of run.acked.values()) expect(ids.has(id)).toBe(true);
    // Exactly the acknowledged ones: a refused submission left nothing behind (no false "not submitted" either way).
    expect(rows.length).toBe(run.acked.size);
    for (const kind of ['application', 'evaluation', 'feedback']) expect(rows.filter((r) => r.kind === kind).length).toBe([...run.acked.keys()].filter((k) => k.startsWith(`${kind}:`)).length);
    // Attachments of acknowledged applications are whole and open.
    const links = kiosk.store.read((db) => db.prepare('SELECT address FROM outbox_attachments').pluck().all() as string[]);
    for (const a of links) expect(kiosk.attachments.read(a).length).toBeGreaterThanOrEqual(8_000);
    await drain(kiosk);
    expect(kiosk.outbox.pendingCount()).toBe(0);
    const intake = platformIntake(sim.dataDir).filter((p) => ids.has(p.clientId));
    expect(intake.length).toBe(ids.size);
    expect(new Set(intake.map((p) => p.clientId)).size).toBe(ids.size);
  } finally {
    await kiosk.close();
  }
}

describe('failing writes: 0 lost, 0 duplicated, 0 false "已提交" (libfiu in a real child process)', () => {
  it('pwrite fails with EIO and ENOSPC, fsync fails, during enqueue, attachment writes and sync', async () => {
    const dataDir = tempDir('fiu');
    const run = await runFaulty(dataDir, [
      'enable_random name=posix/io/rw/pwrite,probability=0.02,failinfo=5',
      'enable_random name=posix/io/sync/fsync,probability=0.04',
      'enable_random name=posix/io/sync/fdatasync,probability=0.04',
    ]);
    expect(run.output.filter((l) => l.startsWith('BUG'))).toEqual([]);
    const failures = [...run.failed.values()].reduce((a, b) => a + b, 0);
    expect(failures).toBeGreaterThan(5);
    expect(run.acked.size).toBeGreaterThan(50);
    expect(run.acked.has('feedback:after')).toBe(true);
    await checkPromise(dataDir, run);
  }, 120_000);

  it('a disk that fills up (a small tmpfs made by the test) refuses cleanly and takes applications again once there is room', async () => {
    const mount = tempDir('tmpfs');
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1200k', 'tmpfs', mount], { encoding: 'utf8' });
    expect(r.status, `mount tmpfs: ${r.stderr}`).toBe(0);
    try {
      const dataDir = path.join(mount, 'data');
      mkdirSync(dataDir);
      // Room again once the burst is over (a technician removed a log): the same kiosk takes the next one.
      const run = await runFaulty(dataDir, [], 220, () => spawnSync('mount', ['-o', 'remount,size=16m', mount]));
      expect(run.failed.size).toBeGreaterThan(0);
      await checkPromise(dataDir, run);
    } finally {
      spawnSync('umount', ['-l', mount]);
    }
  }, 120_000);
});
