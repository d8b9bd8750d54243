import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { REPO_ROOT, startKioskProcess, startPlatformProcess, tempDir } from '../support/processes';
import { axeViolations } from './fixtures';
import { enterMaintenance } from './maintenance-driver';

const EXAMPLE_CODE_MAP = path.join(REPO_ROOT, 'contract', 'province-example', 'code-map.json');

test.describe('the maintenance dashboard names the platform adapter and its code map', () => {
  test('a demo kiosk on the example gateway with a map that lacks two codes: the adapter, the map, what is missing, one warning', async ({ page }) => {
    const platform = await startPlatformProcess({ args: ['--gateway-code-map', EXAMPLE_CODE_MAP] });
    const raw = JSON.parse(readFileSync(EXAMPLE_CODE_MAP, 'utf8')) as Record<string, Record<string, string>>;
    delete raw['subItems']!['18-03'];
    delete raw['eCertificates']!['EC001'];
    const map = path.join(tempDir('codemap'), 'code-map.json');
    writeFileSync(map, JSON.stringify(raw));
    // Demo mode: a gap is a warning, not a refusal (production refuses to start: code-map.test.ts).
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PLATFORM_ADAPTER: 'example-gateway', KIOSK_PLATFORM_CODE_MAP: map, KIOSK_PLATFORM_HEALTH_MS: '300' });
    try {
      await page.goto(kiosk.uiUrl);
      await enterMaintenance(page);
      await expect(page.getByTestId('platform-adapter')).toHaveText('example-gateway');
      const codeMap = page.getByTestId('platform-code-map');
      await expect(codeMap).toContainText(map);
      await expect(codeMap).toContainText('443 个编码 · 缺少 2 个：subItems 18-03, eCertificates EC001');
      await expect(page.getByTestId('findings').locator('[data-code="CODE-MAP-GAP"]')).toContainText('编码对照表缺少 2 个本机会发送的编码');
      // Reached through the gateway's own health call (the port), not a v1 path.
      await expect(page.getByRole('heading', { name: '网络与平台' }).locator('..')).toContainText('可以连通');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await kiosk.stop();
      await platform.stop();
    }
  });
});
