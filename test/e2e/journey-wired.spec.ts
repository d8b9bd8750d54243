import { CHROMIUM_ARGS } from '../../playwright.config';
import { CARD, insertCard, platformIntakeFor, platformPayloadFor, walkToConsent } from './journey-driver';
import { expect, test } from './fixtures';

test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

/** The other wired 一件事, each from the home screen to "已提交" and the platform, in one kiosk. */
const WIRED = ['retirement', 'after-death', 'flexible-employment', 'marriage-and-childbearing', 'disability-services', 'business-start'] as const;

test.describe('every wired 一件事 can be completed at the kiosk', () => {
  for (const thingId of WIRED) {
    test(`${thingId}: guide → questions → pre-filled form → materials → review → consent → 已提交 → platform`, async ({ page, kiosk, platform }) => {
      await page.goto(kiosk.uiUrl);
      await page.getByTestId('start').click();
      await insertCard(kiosk);
      await expect(page.getByTestId('identity')).toContainText(CARD.masked);
      await page.getByTestId(`thing-${thingId}`).click();
      await walkToConsent(page, { thingId, shots: thingId, answer: 'first' });
      await page.getByTestId('consent-submit').click();
      await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
      const number = (await page.getByTestId('application-number').textContent())!.trim();
      await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-delivered', 'true');
      expect(platformIntakeFor(platform.dataDir, number)).toHaveLength(1);
      const payload = platformPayloadFor(platform.dataDir, number)!;
      // The applicant came from the card, not from typing.
      expect((payload['applicant'] as { idNumber: string }).idNumber).toBe(CARD.idNumber);
      expect((payload['subItemCodes'] as string[]).length).toBeGreaterThan(0);
    });
  }
});
