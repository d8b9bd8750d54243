import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, startKioskProcess, startPlatformProcess, type KioskProcess, type PlatformProcess } from '../support/processes';

export interface KioskFixtures {
  platform: PlatformProcess;
  kiosk: KioskProcess;
}

/** Each test gets a real platform simulator and a real kiosk process (`scripts/start.ts`). */
export const test = base.extend<KioskFixtures>({
  // eslint-disable-next-line no-empty-pattern
  platform: async ({}, use) => {
    const platform = await startPlatformProcess();
    await use(platform);
    await platform.stop();
  },
  kiosk: async ({ platform }, use) => {
    // Two workers share CI's two cores: the UI watchdog (its own spec runs it at 1.5 s) must not reload a page mid-test.
    // One kiosk, not a fleet: once its probe sees the platform again it retries within 10 s (a fleet's default is 120 s).
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PLATFORM_HEALTH_MS: '300', KIOSK_WATCHDOG_MS: '60000', KIOSK_RETURN_SPREAD_MS: '10000' });
    await use(kiosk);
    await kiosk.stop();
  },
});

/**
 * One platform and one kiosk per Playwright worker, shared by the tests of a
 * spec file that walk many journeys in sequence: each test starts from the
 * attract screen after the privacy wipe (`session.end`), not from a new
 * process. Use `sharedTest` and reset with `freshVisit`.
 */
export interface SharedKioskFixtures {
  sharedPlatform: PlatformProcess;
  sharedKiosk: KioskProcess;
}

export const sharedTest = base.extend<object, SharedKioskFixtures>({
  sharedPlatform: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const platform = await startPlatformProcess();
      await use(platform);
      await platform.stop();
    },
    { scope: 'worker' },
  ],
  sharedKiosk: [
    async ({ sharedPlatform }, use) => {
      // One page after another talks to this kiosk: the UI watchdog must not take the gap between two tests
      // (a closed page's silence) for a hung UI and reload the next test's page. Its retry after the platform's return
      // comes within 10 s (a fleet's default is 120 s).
      const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: sharedPlatform.url, KIOSK_PLATFORM_HEALTH_MS: '300', KIOSK_WATCHDOG_MS: '60000', KIOSK_RETURN_SPREAD_MS: '10000' });
      await use(kiosk);
      await kiosk.stop();
    },
    { scope: 'worker' },
  ],
});

/** Fault injection on the platform simulator's /v1 routes (`PUT /admin/faults`); `{}` clears it. */
export async function platformFaults(platform: PlatformProcess, config: Record<string, unknown>): Promise<void> {
  const r = await fetch(new URL('/admin/faults', platform.url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
  expect(r.status, await r.text()).toBe(200);
}

/** The privacy wipe between two residents of a shared kiosk: card lifted, session ended, attract screen. */
export async function freshVisit(page: Page, kiosk: KioskProcess): Promise<void> {
  await kiosk.call('devdock.idcard.remove', {});
  // The reader polls: a card lifted and put back between two polls is the same card still lying there, which an
  // ended visit never carries over. Wait until the reader has seen it lifted, as a resident's hand would.
  await expect
    .poll(async () => {
      const r = await kiosk.call<{ ok: boolean; value?: { kind: string; conditions: Record<string, unknown> }[] }>('devices.list', {});
      return r.body.value?.find((d) => d.kind === 'idcard')?.conditions['card'] ?? 'none';
    }, { timeout: 15_000 })
    .not.toBe('present');
  await kiosk.call('session.end', { reason: 'finished' });
  await page.goto(kiosk.uiUrl);
  await expect(page.getByTestId('start')).toBeVisible();
}

export { expect };

/**
 * axe-core with WCAG 2.x A/AA rules; returns the violations so the test prints them when it fails.
 * The kiosk UI has no frames: axe runs in the page itself (legacy mode) instead of opening a blank page
 * per check to merge frame results, which costs seconds per screen on CI's two cores.
 */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Screenshots kept as CI artifacts under artifacts/screens. */
export async function keepScreenshot(page: Page, name: string) {
  const dir = path.join(REPO_ROOT, 'artifacts', 'screens');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** A 好差评 as platform-sim stored it. */
export interface PlatformEvaluation {
  level: string;
  reasons: string[];
  service?: string;
  reference?: string;
  agentId?: string;
  itemCode?: string;
  /** An application's rating: the receipt's local number. */
  localNumber?: string;
  comment?: string;
}

/** The 好差评 the platform received, in arrival order (read from platform-sim's own database). */
export function platformEvaluations(platform: PlatformProcess): PlatformEvaluation[] {
  const db = new Database(path.join(platform.dataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT payload FROM intake WHERE stream = 'evaluations' ORDER BY seq").pluck().all() as string[]).map((p) => JSON.parse(p) as PlatformEvaluation);
  } finally {
    db.close();
  }
}
