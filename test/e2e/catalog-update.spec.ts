import { ed25519 } from '@noble/curves/ed25519.js';
import { CATALOG, type Catalog } from '../../contract/catalog';
import { startKioskProcess, type KioskProcess, type PlatformProcess } from '../support/processes';
import { expect, test } from './fixtures';
import { enterMaintenance } from './maintenance-driver';

/** The demo kiosk's provisioned maintenance PIN (docs/maintenance.md). */
const first = CATALOG.oneThings[0]!;
const NEW_NAME = '新生儿出生一件事（省平台新版）';
const renamed = (version: string): Catalog => ({ ...CATALOG, version, oneThings: CATALOG.oneThings.map((t) => (t.id === first.id ? { ...t, name: NEW_NAME } : t)) });

async function admin(platform: PlatformProcess, path: string, body: unknown): Promise<void> {
  const r = await fetch(new URL(path, platform.url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status, await r.clone().text()).toBe(200);
}

/** A kiosk that fetches the catalog right after it registers (no boot jitter). */
const kioskFor = (platform: PlatformProcess): Promise<KioskProcess> =>
  startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PLATFORM_HEALTH_MS: '300', KIOSK_WATCHDOG_MS: '60000', KIOSK_BOOT_JITTER_MS: '0' });

test.describe('catalog updates from the platform', () => {
  test('a signed update changes the item text on the home screen', async ({ page, platform }) => {
    await admin(platform, '/admin/catalog', renamed('2024-8.2'));
    const kiosk = await kioskFor(platform);
    try {
      await page.goto(kiosk.uiUrl);
      // Fetched and verified after registration, taken at once: no resident is at the kiosk.
      await expect
        .poll(async () => (await kiosk.call<{ value?: { version: string; source: string } }>('catalog.current', {})).body.value, { timeout: 20_000 })
        .toMatchObject({ version: '2024-8.2', source: 'platform' });
      await page.getByTestId('start').click();
      await expect(page.getByTestId(`thing-${first.id}`)).toContainText(NEW_NAME);
    } finally {
      await kiosk.stop();
    }
  });

  test('a forged update changes nothing and the dashboard reports it', async ({ page, platform }) => {
    const payload = JSON.stringify(renamed('2024-8.3'));
    const forger = ed25519.utils.randomSecretKey();
    await admin(platform, '/admin/catalog/as-is', { payload, signature: { alg: 'ed25519', keyId: 'forger', value: Buffer.from(ed25519.sign(Buffer.from(payload), forger)).toString('base64') } });
    const kiosk = await kioskFor(platform);
    try {
      await page.goto(kiosk.uiUrl);
      await enterMaintenance(page);
      const finding = page.getByTestId('findings').locator('[data-code="CATALOG-REFUSED"]');
      await expect(finding).toContainText('签名校验不通过', { timeout: 20_000 });
      await expect(finding).toContainText(CATALOG.version);
      const r = await kiosk.call<{ value?: { version: string; source: string } }>('catalog.current', {});
      expect(r.body.value).toMatchObject({ version: CATALOG.version, source: 'built-in' });
      // The home screen a resident sees after the refusal: the built-in text.
      const page2 = await page.context().newPage();
      await page2.goto(kiosk.uiUrl);
      await page2.getByTestId('start').click();
      await expect(page2.getByTestId(`thing-${first.id}`)).toContainText(first.name);
      await expect(page2.getByTestId(`thing-${first.id}`)).not.toContainText(NEW_NAME);
    } finally {
      await kiosk.stop();
    }
  });
});
