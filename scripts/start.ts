/**
 * `npm start`: the platform simulator (unless KIOSK_PLATFORM_URL is set), the
 * host with the configured (default: simulated) devices, and the UI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig, type KioskConfig } from '../host/config';
import { DEMO_AGENT, DEMO_KIOSK_SECRET } from '../video-desk/demo';
import { REPO_ROOT, runWebShell } from '../host/main';
import { DEMO_MAINTENANCE_PIN } from '../host/operations';
import { productionRefusal } from '../host/provisioning';
import { CHROMIUM_CANDIDATES, chooseOpener, chromiumArgs, electronBinary, KIOSK_NODE_FLAGS, writeLaunchPage } from './launch-plan';

const children: ChildProcess[] = [];

function startPlatformSim(config: KioskConfig): Promise<string> {
  const entry = path.join(REPO_ROOT, 'platform-sim', 'main.ts');
  // The production bundle (scripts/build-production.ts) carries no simulator.
  if (!existsSync(entry)) return Promise.reject(new Error('this build has no platform simulator: set platform.url (KIOSK_PLATFORM_URL)'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', entry, '--port', '0', '--data', path.join(config.dataDir, 'platform-sim')],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: REPO_ROOT },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('platform simulator did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`platform simulator exited with code ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^PLATFORM_URL=(\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
}

/**
 * Demo mode's 远程视频帮办: the video desk (signalling + agent console) with a
 * local coturn, started beside the platform simulator when no desk is configured.
 */
function startVideoDesk(config: KioskConfig): Promise<string | null> {
  const entry = path.join(REPO_ROOT, 'video-desk', 'main.ts');
  if (!existsSync(entry)) return Promise.resolve(null);
  const child = spawn(process.execPath, ['--import', 'tsx', entry, '--demo'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: REPO_ROOT,
    env: { ...process.env, VIDEO_DESK_PORT: process.env['VIDEO_DESK_PORT'] ?? '0', VIDEO_LOCAL_TURN_PORT: process.env['VIDEO_LOCAL_TURN_PORT'] ?? '0' },
  });
  children.push(child);
  return new Promise((resolve) => {
    // Video help is an extra: a desk that cannot start leaves the kiosk running, and the button offers 12345.
    const timer = setTimeout(() => resolve(null), 30_000);
    child.once('exit', () => resolve(null));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^VIDEO_DESK_URL=(\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        console.log(`video help (demo): agent console ${m[1]}/ · sign in as ${DEMO_AGENT.id} / ${DEMO_AGENT.password} · kiosk ${config.kioskId}`);
        resolve(m[1]!);
      }
    });
  });
}

async function main(): Promise<void> {
  const t0 = performance.now();
  let config: KioskConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const refusal = await productionRefusal(config, { demoPin: DEMO_MAINTENANCE_PIN, newPin: process.env['KIOSK_MAINTENANCE_PIN'] });
  if (refusal) {
    console.error(`KIOSK-REFUSED ${refusal}`);
    process.exit(2);
  }
  const platformUrl = config.platform.url ?? (await startPlatformSim(config));
  // A whole-local demo (no platform configured) gets a local video desk too, unless one is configured.
  if (config.mode === 'demo' && !config.platform.url && !config.video.deskUrl) {
    const deskUrl = await startVideoDesk(config);
    if (deskUrl) {
      config = { ...config, video: { ...config.video, deskUrl, secret: DEMO_KIOSK_SECRET, secretFile: null } };
      process.env['KIOSK_VIDEO_DESK_URL'] = deskUrl;
      process.env['KIOSK_VIDEO_SECRET'] = DEMO_KIOSK_SECRET;
    }
  }
  const opener = chooseOpener(config.ui.open, {
    electron: electronBinary(REPO_ROOT),
    chromium: CHROMIUM_CANDIDATES.find((c) => existsSync(c)) ?? null,
  });
  if (opener.kind === 'electron') {
    // Electron's main process composes its own host and serves the UI over IPC.
    // Its main process runs the host, so it gets the host's V8 flags (js-flags only take effect there from the command line).
    const child = spawn(opener.binary, [`--js-flags=${KIOSK_NODE_FLAGS.join(' ')}`, REPO_ROOT], { stdio: 'inherit', env: { ...process.env, KIOSK_PLATFORM_URL: platformUrl } });
    children.push(child);
    child.on('exit', (code) => {
      for (const c of children) c.kill('SIGTERM');
      process.exit(code ?? 0);
    });
    return;
  }
  const running = await runWebShell({ config, platformUrl });
  // The stop is in place before ready is printed: a service manager (or a test) that stops the kiosk the
  // moment it is ready gets the orderly stop (the PIN stored, the store closed), never the default kill.
  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  const readyMs = Math.round(performance.now() - t0);
  console.log(`KIOSK_UI_URL=${running.shell.uiUrl}`);
  console.log(
    `kiosk ${config.kioskId} ready in ${readyMs} ms · platform ${platformUrl}${config.platform.url ? '' : ' (local simulator)'} · UI: ${
      opener.kind === 'none' ? `open the URL above (${opener.reason})` : opener.kind
    }`,
  );
  if (opener.kind === 'chromium') {
    const profile = path.join(config.dataDir, 'chromium-profile');
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    // A Chromium that exits on its own (crash, OOM kill) is started again; the kiosk never shows a desktop.
    const launchBrowser = (): ChildProcess => {
      const child = spawn(opener.binary, chromiumArgs(writeLaunchPage(path.join(config.dataDir, 'run'), running.shell.uiUrl), profile, asRoot), { stdio: 'ignore' });
      children.push(child);
      child.once('exit', () => {
        children.splice(children.indexOf(child), 1);
        // A second's pause keeps a browser that cannot start at all from spinning the CPU.
        setTimeout(() => {
          if (!stopping && browser === child) browser = launchBrowser();
        }, 1000).unref();
      });
      return child;
    };
    let browser = launchBrowser();
    // Watchdog escalation in the web shell: a UI that reloading did not revive gets a fresh Chromium process.
    running.host.operations.useUiRecoverer({
      reload: () => running.host.bus.emit('ui.reload', { reason: 'watchdog' }),
      relaunch: () => browser.kill('SIGKILL'),
    });
  }

}

await main();
