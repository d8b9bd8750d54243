import { soakJourney } from '../support/soak-journey';
import { expect, test } from './fixtures';
import { platformIntakeFor } from './journey-driver';

// The `soak` bench's journey (npm run bench -- soak repeats it 1,000 times): walked here twice in one page, so
// a screen that changes under it fails the suite instead of crashing the bench months later.
test.describe('the soak bench’s journey', () => {
  test.describe.configure({ timeout: 120_000 });
  test('two residents one after another in one page: two applications, each at the platform once', async ({ page, kiosk, platform }) => {
    await page.goto(kiosk.uiUrl);
    const numbers = [await soakJourney(page, kiosk, 1), await soakJourney(page, kiosk, 2)];
    expect(numbers[0]).not.toBe(numbers[1]);
    for (const number of numbers) {
      await expect.poll(() => platformIntakeFor(platform.dataDir, number).filter((i) => i.stream === 'applications').length, { timeout: 30_000 }).toBe(1);
    }
  });
});
