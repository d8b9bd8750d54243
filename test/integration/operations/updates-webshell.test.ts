import { mkdirSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../host/config';
import { createLogger } from '../../../host/log';
import { runWebShell, type RunningWebShell } from '../../../host/main';
import { SlotStore } from '../../../host/operations/updates';
import { readTrialState, writeTrialState } from '../../../host/operations/update-state';
import { readVersion } from '../../../host/version';
import { startPlatformSim, type PlatformSim } from '../../../platform-sim/server';
import { tempDir } from '../../support/processes';
import { servedRepo, type ServedRepo } from '../../support/release-repo';

/** The updater composed into the real web shell: the trial check after a switch, and a rollback at boot on the dashboard. */
let platform: PlatformSim;
let repo: ServedRepo;
const running = readVersion();
const shells: RunningWebShell[] = [];

beforeAll(async () => {
  platform = await startPlatformSim({ port: 0, dataDir: tempDir('p') });
  repo = await servedRepo();
});
afterAll(async () => {
  for (const s of shells) await s.close();
  await platform?.close();
  await repo?.close();
});

/** A data dir as the updater leaves it after switching from 0.0.1 (slot a) to the running version (slot b). */
function afterSwitch(bootsOnTrial: number): string {
  const dataDir = tempDir('updated');
  const slots = new SlotStore(path.join(dataDir, 'slots'));
  for (const [slot, version] of [['a', '0.0.1'], ['b', running]] as const) {
    mkdirSync(path.join(slots.slotDir(slot), 'app'), { recursive: true });
    writeFileSync(path.join(slots.slotDir(slot), 'package.json'), JSON.stringify({ version }));
  }
  slots.switchTo('b');
  writeTrialState(dataDir, { version: running, previousVersion: '0.0.1', phase: 'trial', bootsOnTrial });
  return dataDir;
}

async function boot(dataDir: string, restarts: string[]): Promise<RunningWebShell> {
  const config = loadConfig({ env: { KIOSK_HTTP_PORT: '0', KIOSK_DATA_DIR: dataDir, KIOSK_UPDATE_URL: repo.url, KIOSK_UPDATE_ROOT: repo.trustedRoot } });
  const shell = await runWebShell({ config, platformUrl: platform.url, logger: createLogger({ level: 'silent' }), rendererDir: tempDir('no-renderer'), restart: (r) => restarts.push(r) });
  shells.push(shell);
  return shell;
}

describe('the updater in the web shell', () => {
  it('a version on trial that gets a UI heartbeat and runs its printer self-test is committed', async () => {
    const dataDir = afterSwitch(0);
    const restarts: string[] = [];
    const kiosk = await boot(dataDir, restarts);
    expect(kiosk.updates?.status().state).toBe('trial');
    // The UI (here: its heartbeat call, as the renderer sends it) comes up.
    const res = await fetch(`${kiosk.shell.url}/api/ui.heartbeat`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.shell.token}` }, body: JSON.stringify({ screen: 'home', seq: 1 }) });
    expect(res.status).toBe(200);
    await expect.poll(() => kiosk.updates?.status().state, { timeout: 30_000 }).toBe('committed');
    expect(readTrialState(dataDir)).toMatchObject({ version: running, phase: 'committed' });
    expect(readlinkSync(path.join(dataDir, 'slots', 'current'))).toBe('b');
    expect(restarts).toEqual([]);
  });

  it('a version that restarted three times on trial is rolled back at the next boot, and the dashboard and heartbeat say so', async () => {
    const dataDir = afterSwitch(3);
    const restarts: string[] = [];
    const kiosk = await boot(dataDir, restarts);
    expect(restarts).toEqual(['rollback to 0.0.1']);
    expect(readlinkSync(path.join(dataDir, 'slots', 'current'))).toBe('a');
    const d = await kiosk.host.operations.collect();
    const f = d.findings.find((x) => x.code === 'UPDATE-ROLLED-BACK');
    expect(f?.problem['zh-CN']).toMatch(new RegExp(`新版本 ${running.replace(/\./g, '\\.')} 未通过健康检查`));
    expect(d.overall).not.toBe('ok');
    // The platform's heartbeat carries it too (the fallback when there is no broker): the boot heartbeat already.
    await expect.poll(() => kiosk.host.operations.heartbeat.last?.update, { timeout: 10_000 }).toMatchObject({ state: 'rolled-back', runningVersion: running, lastRollback: { version: running } });
  });
});
