/**
 * `startup`: how long until a resident can touch the kiosk.
 * - host-ready: spawn `scripts/start.ts` (platform simulator + host + simulated
 *   devices) → KIOSK_UI_URL printed, vs spawning a bare tsx process that
 *   prints one line (the floor any TypeScript entry point pays).
 * - ui-interactive: Chromium page.goto → attract screen's start button
 *   visible, vs the same browser loading a one-heading static page from a
 *   bare node:http server.
 * - production-host-ready: the production bundle (scripts/build-production.ts,
 *   what the Debian package runs: plain node, no tsx) → KIOSK_UI_URL, vs a bare
 *   `node` process starting an HTTP server and printing one line.
 * - production-ui-interactive: the same, in Chromium, vs the static page.
 * - production-host-restart: the production bundle started again on the data
 *   folder of its first start (a service restart, the common case in a fleet:
 *   keys and store exist, no PIN to hash), vs the bare node start.
 * - production-host-floor: the least any host on this stack does before it
 *   answers (test/bench/support/floor-host.ts: zod, better-sqlite3 opening a
 *   WAL store, node:http listening), bundled like the production bundle, vs
 *   the bare node start — the ratio no host built on them can go under.
 * - production-ui-floor: a page whose one button React draws (react +
 *   react-dom, minified), vs the static page — the ratio no React UI can go
 *   under.
 * - renderer-first-load-js: bytes of JavaScript the page loads before the
 *   attract screen can show (the entry and its static imports; screens split
 *   off with React.lazy come after), from the built renderer's index.html.
 *
 * Host ready means the kiosk can serve a resident: UI served, contract
 * reachable, store open, devices being opened; what starts after ready is in
 * docs/packaging.md "Start-up".
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildProduction, kioskBundleOptions } from '../../scripts/build-production';
import { KIOSK_NODE_FLAGS } from '../../scripts/launch-plan';
import { chromium, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { REPO_ROOT, spawnTs, startKioskProcess, startPlatformProcess, tempDir } from '../support/processes';
import { figure, type Emit } from './format';
import { firstLoadJsBytes } from './support/first-load';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function startup(emit: Emit): Promise<void> {
  const bare: number[] = [];
  const ready: number[] = [];
  const ui: number[] = [];
  const staticPage: number[] = [];
  const browser = await chromium.launch({ executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><html lang="zh-CN"><body><h1>一件事，一次办</h1><button>点击开始办事</button></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const staticUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  try {
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const b = await spawnTs(path.relative(REPO_ROOT, path.join(REPO_ROOT, 'test/bench/support/print-ready.ts')), [], { readyLine: /^READY/ });
      bare.push(performance.now() - t);
      await b.stop();

      t = performance.now();
      const kiosk = await startKioskProcess();
      ready.push(performance.now() - t);

      const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
      t = performance.now();
      await page.goto(kiosk.uiUrl);
      await page.getByTestId('start').waitFor({ state: 'visible' });
      ui.push(performance.now() - t);
      await page.close();
      await kiosk.stop();

      const p2 = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
      t = performance.now();
      await p2.goto(staticUrl);
      await p2.getByRole('button').waitFor({ state: 'visible' });
      staticPage.push(performance.now() - t);
      await p2.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  emit(figure('host-ready', median(ready), 'ms', median(bare)));
  emit(figure('ui-interactive', median(ui), 'ms', median(staticPage)));
  await productionStartup(emit);
}

/** Spawns `node ARGS` and resolves with the first stdout line matching `ready`, and a stop function. */
function spawnNode(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ line: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => new Promise<void>((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'))));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited with ${code} before ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (ready.test(line)) {
        child.removeAllListeners('exit');
        resolve({ line, stop });
      }
    });
  });
}

const BARE_HTTP = "require('node:http').createServer().listen(0, '127.0.0.1', () => console.log('READY'))";

/** A React page with one button (see production-ui-floor), minified as a production build would ship it. */
async function reactFloorPage(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<main><h1>一件事，一次办</h1><button type=\"button\" data-testid=\"start\">点击开始办事</button></main>);",
      loader: 'jsx',
      resolveDir: REPO_ROOT,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

export async function productionStartup(emit: Emit): Promise<void> {
  const bundle = await buildProduction({ out: tempDir('bench-production') });
  // Beside the bundle's app/, so that better-sqlite3 resolves from its node_modules as the kiosk's own does.
  await build({ ...kioskBundleOptions({ 'floor-host': 'test/bench/support/floor-host.ts' }, path.join(bundle.dir, 'app'), { readable: false }), logLevel: 'error' });
  const floorHost = path.join(bundle.dir, 'app', 'floor-host.mjs');
  const reactJs = await reactFloorPage();
  const platform = await startPlatformProcess();
  const browser = await chromium.launch({ executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const server = createServer((req, res) => {
    if (req.url === '/react-floor.js') {
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      res.end(reactJs);
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/react-floor') {
      res.end('<!doctype html><html lang="zh-CN"><body><div id="root"></div><script type="module" src="/react-floor.js"></script></body></html>');
      return;
    }
    res.end('<!doctype html><html lang="zh-CN"><body><h1>一件事，一次办</h1><button>点击开始办事</button></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const staticUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const bare: number[] = [];
  const ready: number[] = [];
  const restart: number[] = [];
  const floor: number[] = [];
  const ui: number[] = [];
  const uiFloor: number[] = [];
  const staticPage: number[] = [];
  const timeButton = async (url: string, button: (page: Page) => Locator) => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const t = performance.now();
    await page.goto(url);
    await button(page).waitFor({ state: 'visible' });
    const ms = performance.now() - t;
    await page.close();
    return ms;
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const b = await spawnNode(['-e', BARE_HTTP], {}, /^READY/);
      bare.push(performance.now() - t);
      await b.stop();

      t = performance.now();
      const f = await spawnNode([...KIOSK_NODE_FLAGS, floorHost], {}, /^READY/);
      floor.push(performance.now() - t);
      await f.stop();

      t = performance.now();
      const env = { KIOSK_ID: `SX-BENCH-${i}`, KIOSK_OPEN: 'none', KIOSK_HTTP_PORT: '0', KIOSK_DATA_DIR: tempDir('bench-production-data'), KIOSK_LOG_LEVEL: 'warn', KIOSK_PLATFORM_URL: platform.url };
      const kiosk = await spawnNode([...KIOSK_NODE_FLAGS, path.join(bundle.dir, 'app', 'start.mjs')], env, /^KIOSK_UI_URL=/);
      ready.push(performance.now() - t);
      ui.push(await timeButton(kiosk.line.slice('KIOSK_UI_URL='.length), (p) => p.getByTestId('start')));
      await kiosk.stop();

      t = performance.now();
      const again = await spawnNode([...KIOSK_NODE_FLAGS, path.join(bundle.dir, 'app', 'start.mjs')], env, /^KIOSK_UI_URL=/);
      restart.push(performance.now() - t);
      await again.stop();

      staticPage.push(await timeButton(staticUrl, (p) => p.getByRole('button')));
      uiFloor.push(await timeButton(`${staticUrl}react-floor`, (p) => p.getByTestId('start')));
    }
  } finally {
    await browser.close();
    server.close();
    await platform.stop();
  }
  emit(figure('production-host-ready', median(ready), 'ms', median(bare)));
  emit(figure('production-host-restart', median(restart), 'ms', median(bare)));
  emit(figure('production-host-floor', median(floor), 'ms', median(bare)));
  emit(figure('production-ui-interactive', median(ui), 'ms', median(staticPage)));
  emit(figure('production-ui-floor', median(uiFloor), 'ms', median(staticPage)));
  emit(figure('renderer-first-load-js', firstLoadJsBytes(path.join(bundle.dir, 'dist', 'renderer')) / 1024, 'KiB', null));
}
