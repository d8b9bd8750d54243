/**
 * `startup`: how long until a resident can touch the kiosk.
 * - host-ready: spawn `scripts/start.ts` (platform simulator + host + simulated
 *   devices) → KIOSK_UI_URL printed, vs spawning a bare tsx process that
 *   prints one line (the floor any TypeScript entry point pays).
 * - ui-interactive: Chromium page.goto → attract screen's start button
 *   visible, vs the same browser loading a one-heading static page from a
 *   bare node:http server.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { REPO_ROOT, spawnTs, startKioskProcess } from '../support/processes';
import { figure, type Emit } from './format';

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
}
