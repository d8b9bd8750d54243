import type { Page } from '@playwright/test';

/**
 * The journey's questions, each answered with its last option (usually "no"), until the next step shows:
 * the benches' way through the questions (`soak`, `prefill`), where the answers are not what is measured.
 */
export async function answerQuestionsWithLastOption(page: Page): Promise<void> {
  await page.getByTestId('step-progress').waitFor();
  while (await page.locator('.journey.question').isVisible()) {
    const before = await page.getByTestId('step-progress').textContent();
    await page.locator('.answers .answer').last().click();
    await page.getByTestId('step-progress').filter({ hasText: before! }).waitFor({ state: 'detached' });
  }
}
