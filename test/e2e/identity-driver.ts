import { expect, type Page } from '@playwright/test';
import { journeyFor } from '../../contract/journeys';
import type { KioskProcess } from '../support/processes';
import { checkScreen, provideMaterials, valueFor } from './journey-driver';

/**
 * Who applies, walked on screen: party screens (their card or 对方不在场),
 * every visible form input filled (card fields the card lacks included),
 * materials promised or photographed, up to the consent screen.
 */

/** Answers every question with its first option (yes) or last (no), up to the next screen after the questions. */
export async function answerAll(page: Page, answer: 'first' | 'last'): Promise<void> {
  // The first question is step 1: wait for it before asking whether a question is on screen.
  await expect(page.getByTestId('step-progress')).toContainText('第 1 步');
  await expect(page.locator('.journey.question')).toBeVisible();
  let n = 0;
  while (await page.locator('.journey.question').isVisible()) {
    n += 1;
    const answers = page.locator('.answers .answer');
    await (answer === 'first' ? answers.first() : answers.last()).click();
    // The next question, a party screen or the form says the next step; the identify step (no card yet) has none.
    await expect(page.getByTestId('step-progress').filter({ hasText: `第 ${n + 1} 步` }).or(page.locator('.journey.identify'))).toBeVisible();
  }
}

/** Fills every empty visible input and unchosen choice of the form, then goes on to the materials. */
export async function fillForm(page: Page, thingId: string, shot: string): Promise<void> {
  const wired = journeyFor(thingId)!.wired!;
  await expect(page.getByRole('heading', { name: '请核对并填写申请信息' })).toBeVisible();
  const typed: Record<string, string> = {};
  for (const f of wired.form) {
    const input = page.getByTestId(`field-${f.id}`);
    const value = valueFor(f, { values: typed });
    if (value !== null) {
      typed[f.id] = value;
      if ((await input.isVisible()) && (await input.inputValue()) === '') await input.fill(value);
    } else {
      const group = page.locator('fieldset', { has: page.locator('legend', { hasText: f.label.zh }) });
      if ((await group.isVisible()) && (await group.locator('[aria-pressed="true"]').count()) === 0) await group.locator('.answer').first().click();
    }
  }
  await checkScreen(page, shot);
  await page.getByTestId('form-next').click();
}

/** Materials (promised or photographed), review, up to the consent screen; then submit and return the number. */
export async function materialsToSubmit(page: Page): Promise<string> {
  await provideMaterials(page);
  await page.getByTestId('materials-next').click();
  await expect(page.getByRole('heading', { name: '请核对您的申请' })).toBeVisible();
  await page.getByTestId('review-next').click();
  await expect(page.getByRole('heading', { name: '确认提交' })).toBeVisible();
  await page.getByTestId('consent-submit').click();
  await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
  return (await page.getByTestId('application-number').textContent())!.trim();
}

/** Checks a screen with axe in normal and in elderly mode (and leaves it normal). */
export async function checkBothModes(page: Page, shot: string): Promise<void> {
  await checkScreen(page, shot);
  await page.getByTestId('elderly-toggle').click();
  await expect(page.locator('html')).toHaveClass(/elderly/);
  await checkScreen(page, `${shot}-elderly`);
  await page.getByTestId('elderly-toggle').click();
  await expect(page.locator('html')).not.toHaveClass(/elderly/);
}

/** The dev dock's "show a 三晋通 code": the platform simulator issues one for the card and the simulated scanner reads it. */
export async function showEid(kiosk: KioskProcess, cardId: string): Promise<string> {
  const r = await kiosk.call<{ ok: boolean; message?: string; value?: { code: string; scanned: boolean } }>('devdock.eid.show', { cardId, issuer: 'sanjintong' });
  expect(r.body.ok, r.body.message).toBe(true);
  expect(r.body.value!.scanned).toBe(true);
  return r.body.value!.code;
}

/** Ends the visit the way a resident does on the confirmation screen. */
export async function finish(page: Page): Promise<void> {
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('start')).toBeVisible();
}
