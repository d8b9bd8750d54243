/**
 * The UI session of the packaged web shell (onething-kiosk-ui.service): waits
 * for the kiosk host's run file, then runs Debian Chromium in kiosk mode on
 * its UI. Chromium's exit ends this process; systemd starts it again.
 * The token never appears on a command line (writeLaunchPage).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../host/config';
import { readRunFile } from '../host/run-file';
import { CHROMIUM_CANDIDATES, chromiumArgs, writeLaunchPage } from './launch-plan';

function fail(message: string): never {
  console.error(`ui-session: ${message}`);
  process.exit(2);
}

let dataDir: string;
try {
  dataDir = loadConfig().dataDir;
} catch (e) {
  fail(e instanceof ConfigError ? e.message : String(e));
}
const chromium = process.env['KIOSK_CHROMIUM'] ?? CHROMIUM_CANDIDATES.find((c) => existsSync(c));
if (!chromium) fail(`no Chromium found (${CHROMIUM_CANDIDATES.join(', ')}); install the chromium package`);

/** The host writes its run file once it listens; a host still starting is waited for (systemd orders us after it). */
async function waitForHost(): Promise<{ uiUrl: string }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const run = readRunFile(dataDir);
      const res = await fetch(`${run.url}/api/system.ping`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${run.token}` }, body: '{}', signal: AbortSignal.timeout(3000) });
      if (res.status < 500) return { uiUrl: `${run.url}/#token=${run.token}` };
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) fail(`the kiosk host did not come up within 120 s (run file ${path.join(dataDir, 'run', 'webshell.json')})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const { uiUrl } = await waitForHost();
const launch = writeLaunchPage(path.join(dataDir, 'run'), uiUrl);
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const child = spawn(chromium, chromiumArgs(launch, path.join(dataDir, 'chromium-profile'), asRoot), { stdio: 'inherit' });
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
