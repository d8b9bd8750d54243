import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../host/log';
import { UpdateAgent, type UpdateAgentOptions } from '../../../host/operations/updates/agent';
import { webShellProbe } from '../../../host/operations/updates/probe';
import { readTrialState } from '../../../host/operations/update-state';
import { addRelease } from '../../../scripts/release-repo';
import { servedRepo, testBundle, type ServedRepo } from '../../support/release-repo';

const logger = createLogger({ level: 'silent' });
let repo: ServedRepo;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'updates-'));
  repo = await servedRepo(path.join(work, 'release'));
});
afterAll(() => repo.close());

function kiosk(runningVersion: string, dataDir = mkdtempSync(path.join(work, 'kiosk-')), extra: Partial<UpdateAgentOptions> = {}) {
  const restarts: string[] = [];
  const agent = new UpdateAgent({
    url: repo.url,
    channel: 'stable',
    trustedRoot: repo.trustedRoot,
    dataDir,
    runningVersion,
    probe: webShellProbe({ timeoutMs: 60_000 }),
    installContext: () => ({ residentSessionActive: false, maintenanceActive: false, idleMinutes: 60 }),
    restart: (why) => restarts.push(why),
    logger,
    ...extra,
  });
  return { agent, dataDir, restarts };
}

describe('signed staged updates of the web-shell kiosk (TUF over real HTTP, real slots)', () => {
  let dataDir: string;

  it('a good release installs into the other slot, switches on trial, and commits after the booted version passes', async () => {
    repo.serve(repo.repo);
    addRelease(repo, { tarball: testBundle(work, '1.1.0'), version: '1.1.0' });
    const k = kiosk('1.0.0');
    dataDir = k.dataDir;
    const r = await k.agent.check();
    expect(r.state, r.detail).toBe('switching');
    expect(readlinkSync(path.join(dataDir, 'slots', 'current'))).toBe('a');
    expect(JSON.parse(readFileSync(path.join(dataDir, 'slots', 'a', 'package.json'), 'utf8')).version).toBe('1.1.0');
    expect(k.restarts).toEqual(['update to 1.1.0']);
    expect(readTrialState(dataDir)).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0', phase: 'trial' });

    // The service restarts into slot a: the new version boots on trial and passes its health check.
    const booted = kiosk('1.1.0', dataDir);
    expect(booted.agent.onStartup()).toEqual({ rolledBack: false, onTrial: true });
    expect(booted.agent.status().state).toBe('trial');
    const done = booted.agent.confirmTrial(true, 'host ready, UI heartbeat, printer self-test passed');
    expect(done).toMatchObject({ state: 'committed', runningVersion: '1.1.0', lastRollback: null });
    expect(readTrialState(dataDir)).toMatchObject({ version: '1.1.0', phase: 'committed' });
    // A second check finds nothing newer.
    expect((await booted.agent.check()).state).toBe('up-to-date');
  });

  it('a release that fails its health check before the switch is not switched to, and says so', async () => {
    addRelease(repo, { tarball: testBundle(work, '1.2.0', 'broken'), version: '1.2.0' });
    const k = kiosk('1.1.0', dataDir);
    const r = await k.agent.check();
    expect(r.state).toBe('rolled-back');
    expect(r.detail).toMatch(/1\.2\.0 failed its health check: the new version exited with code 1 .*better-sqlite3/);
    expect(r.lastRollback?.version).toBe('1.2.0');
    expect(readlinkSync(path.join(dataDir, 'slots', 'current'))).toBe('a');
    expect(k.restarts).toEqual([]);
  });

  it('a booted version that fails its trial health check goes back to the previous slot', async () => {
    addRelease(repo, { tarball: testBundle(work, '1.3.0'), version: '1.3.0' });
    const k = kiosk('1.1.0', dataDir);
    expect((await k.agent.check()).state).toBe('switching');
    expect(readlinkSync(path.join(dataDir, 'slots', 'current'))).toBe('b');
    const booted = kiosk('1.3.0', dataDir);
    booted.agent.onStartup();
    const r = booted.agent.confirmTrial(false, 'no UI heartbeat within 120 s');
    expect(r.state).toBe('rolled-back');
    expect(r.lastRollback).toMatchObject({ version: '1.3.0' });
    expect(r.lastRollback?.reason).toMatch(/failed its health check: no UI heartbeat/);
    expect(readlinkSync(path.join(dataDir, 'slots', 'current'))).toBe('a');
    expect(booted.restarts).toEqual(['rollback to 1.1.0']);
    // The report survives the restart into the old version.
    expect(kiosk('1.1.0', dataDir).agent.status()).toMatchObject({ state: 'rolled-back', runningVersion: '1.1.0', lastRollback: { version: '1.3.0' } });
  });

  it('a version that keeps restarting on trial is rolled back after the third boot', async () => {
    const k = kiosk('1.1.0');
    addRelease(repo, { tarball: testBundle(work, '1.4.0'), version: '1.4.0' });
    expect((await k.agent.check()).state).toBe('switching');
    for (let boot = 1; boot <= 3; boot++) expect(kiosk('1.4.0', k.dataDir).agent.onStartup()).toEqual({ rolledBack: false, onTrial: true });
    const fourth = kiosk('1.4.0', k.dataDir);
    expect(fourth.agent.onStartup()).toEqual({ rolledBack: true, onTrial: false });
    expect(fourth.agent.status().detail).toMatch(/restarted 3 times without passing/);
    // 1.1.0 was the packaged install here: `current` is gone, the service starts /usr/lib/onething-kiosk again.
    expect(readdirSync(path.join(k.dataDir, 'slots'))).not.toContain('current');
  });

  it("the package's launcher starts the slot `current` points to, and the packaged app without one", () => {
    const launcher = path.resolve('packaging/deb/onething-kiosk-start');
    const withSlot = kiosk('1.1.0').dataDir;
    const slots = new UpdateAgent({ url: repo.url, channel: 'stable', trustedRoot: repo.trustedRoot, dataDir: withSlot, runningVersion: '1.0.0', probe: webShellProbe(), installContext: () => ({ residentSessionActive: false, maintenanceActive: false, idleMinutes: 60 }), restart: () => undefined, logger }).slots;
    mkdirSync(path.join(slots.slotDir('b'), 'app'), { recursive: true });
    writeFileSync(path.join(slots.slotDir('b'), 'app', 'start.mjs'), "console.log('slot b', process.execArgv.join(' '))\n");
    slots.switchTo('b');
    expect(execFileSync('sh', [launcher], { env: { KIOSK_DATA_DIR: withSlot }, encoding: 'utf8' }).trim()).toBe('slot b --max-semi-space-size=2');
    slots.switchTo(null);
    // No slot: the packaged app (absent on this machine, so node names the path it tried).
    const r = (() => {
      try {
        execFileSync('sh', [launcher], { env: { KIOSK_DATA_DIR: withSlot }, encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
    })();
    expect(r).toContain('/usr/lib/onething-kiosk/app/start.mjs');
  });

  it('refuses tampered metadata', async () => {
    const tampered = repo.copy();
    const meta = path.join(tampered, 'metadata');
    const latest = readdirSync(meta).filter((f) => /^\d+\.targets\.json$/.test(f)).sort((a, b) => parseInt(b) - parseInt(a))[0]!;
    const md = JSON.parse(readFileSync(path.join(meta, latest), 'utf8'));
    // Point 1.4.0 at other bytes without the targets key: the signature no longer matches.
    for (const t of Object.values(md.signed.targets) as { hashes: { sha256: string } }[]) t.hashes.sha256 = '0'.repeat(64);
    writeFileSync(path.join(meta, latest), JSON.stringify(md));
    repo.serve(tampered);
    const k = kiosk('1.0.0');
    const r = await k.agent.check();
    expect(r.state).toBe('refused');
    expect(r.detail).toMatch(/release metadata refused: .*(hash|length|signature|threshold)/i);
    expect(readdirSync(k.dataDir)).not.toContain('slots');
  });

  it('refuses a frozen repository (expired timestamp)', async () => {
    repo.serve(repo.repo);
    const frozen = repo.copy();
    addRelease({ repo: frozen, keys: repo.keys }, { tarball: testBundle(work, '1.5.0'), version: '1.5.0', now: new Date(Date.now() - 3 * 86_400_000) });
    repo.serve(frozen);
    const r = await kiosk('1.0.0').agent.check();
    expect(r.state).toBe('refused');
    expect(r.detail).toMatch(/expired/i);
  });

  it('refuses metadata older than what the kiosk has seen (rollback attack) and a signed release older than the running one', async () => {
    repo.serve(repo.repo);
    const old = repo.copy();
    addRelease(repo, { tarball: testBundle(work, '0.9.0'), version: '0.9.0' });
    const k = kiosk('1.4.0');
    const older = await k.agent.check({ version: '0.9.0' });
    expect(older.state).toBe('refused');
    expect(older.detail).toBe('version 0.9.0 is older than the running 1.4.0: not installed');
    repo.serve(old);
    const r = await k.agent.check();
    expect(r.state).toBe('refused');
    expect(r.detail).toMatch(/release metadata refused: .*(version|rollback)/i);
  });
});
