import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The walk over all journeys (journeys-all.spec.ts) is queued last. Playwright queues spec files
 * alphabetically (grouped by their fixtures) and each worker takes the next one when it is free, so a long
 * file queued late leaves one worker alone at the end. The walk's tests are independent and handed out one
 * at a time (half a minute each), the fine grain that lets both workers finish together after the
 * other, coarser files.
 */
const WALK = 'journeys-all.spec.ts';

export default defineConfig({
  testDir: 'test/e2e',
  // The kiosk and the platform simulator bundled once for the run (test/support/entry-bundles.ts).
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Spec files run in parallel on two workers (CI has 2 cores); the tests of one file stay in order in one
  // worker, so a file can share one kiosk among its tests (`sharedTest` in test/e2e/fixtures.ts).
  fullyParallel: false,
  workers: Number(process.env['KIOSK_E2E_WORKERS'] ?? 2),
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'e2e', testIgnore: WALK },
    { name: 'journeys-all', testMatch: WALK },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1080, height: 1920 },
    deviceScaleFactor: 0.5,
    hasTouch: true,
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
