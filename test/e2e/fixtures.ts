import AxeBuilder from '@axe-core/playwright';
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
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PLATFORM_HEALTH_MS: '300' });
    await use(kiosk);
    await kiosk.stop();
  },
});

export { expect };

/** axe-core with WCAG 2.x A/AA rules; returns the violations so the test prints them when it fails. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Screenshots kept as CI artifacts under artifacts/screens. */
export async function keepScreenshot(page: Page, name: string) {
  const dir = path.join(REPO_ROOT, 'artifacts', 'screens');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
