/**
 * `soak`: complete simulated journeys, one after another, in one kiosk
 * process and one renderer page, as a day at a busy service point would run
 * them (test/support/soak-journey.ts): attract → start → card → 新生儿出生 →
 * questions → the other parent (not present) → form → materials → review →
 * consent → 已提交 → receipt → 好差评 → session ends.
 * Figures: host RSS (the kiosk process, /proc; median of the last 20
 * journeys, since RSS moves with every collection) and renderer JS heap
 * (after a forced GC, over CDP) at the end, against the same after the first
 * 100 journeys; the bound is growth ≤ 5 %. Also journeys per minute.
 * SOAK_JOURNEYS (default 1000) sets the count.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startKioskProcess, startPlatformProcess } from '../support/processes';
import { soakJourney } from '../support/soak-journey';
import { figure, type Emit } from './format';

const JOURNEYS = Number(process.env['SOAK_JOURNEYS'] ?? 1000);
const WARMUP = Math.min(100, Math.floor(JOURNEYS / 10));

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export default async function soak(emit: Emit): Promise<void> {
  const platform = await startPlatformProcess();
  const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url });
  const browser = await chromium.launch({ executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const cdp = await page.context().newCDPSession(page);
    const heapMiB = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 1024 / 1024;
    };
    await page.goto(kiosk.uiUrl);
    const pid = kiosk.child.pid!;
    // RSS moves with every V8 collection: compare the median of the 20 journeys up to each mark.
    const rss: number[] = [];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const span = Math.min(20, WARMUP);
    let rssWarm = NaN;
    let heapWarm = NaN;
    const t0 = performance.now();
    for (let i = 1; i <= JOURNEYS; i++) {
      await soakJourney(page, kiosk, i);
      rss.push(rssMiB(pid));
      if (i === WARMUP) {
        rssWarm = median(rss.slice(-span));
        heapWarm = await heapMiB();
      }
      if (i % 100 === 0) process.stderr.write(`soak: ${i}/${JOURNEYS} rss ${rss[rss.length - 1]!.toFixed(1)} MiB\n`);
    }
    const minutes = (performance.now() - t0) / 60_000;
    const rssEnd = median(rss.slice(-span));
    const heapEnd = await heapMiB();
    emit(figure(`host-rss-after-${JOURNEYS}`, rssEnd, 'MiB', rssWarm));
    emit(figure(`renderer-heap-after-${JOURNEYS}`, heapEnd, 'MiB', heapWarm));
    emit(figure('journeys-per-minute', JOURNEYS / minutes, 'journeys/min', null));
  } finally {
    await browser.close();
    await kiosk.stop();
    await platform.stop();
  }
}
