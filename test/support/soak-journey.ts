import type { Page } from '@playwright/test';
import { answerQuestionsWithLastOption } from './journey-steps';
import { yesterday } from './offline-kiosk';
import type { KioskProcess } from './processes';

/** The form's typed fields; an empty value is the child's date of birth, yesterday. */
const FORM: Record<string, string> = {
  mobile: '13912345678',
  childName: '王小明',
  childBirthDate: '',
  birthPlace: '山西省妇幼保健院',
  otherParentName: '李春花',
  otherParentIdNumber: '110101199003077571',
};

/**
 * One resident's 新生儿出生, as the `soak` bench repeats it a thousand times in one page: attract → start →
 * card → questions (each answered with its last option) → the other parent (not present) → form →
 * materials → review → consent → 已提交 → receipt → 好差评 → session ends, card lifted. Returns the
 * application number shown. The e2e spec `soak-journey.spec.ts` walks it twice, so the bench cannot fall
 * behind the screens again unnoticed.
 */
export async function soakJourney(page: Page, kiosk: KioskProcess, i: number): Promise<string> {
  await page.getByTestId('start').click();
  const inserted = await kiosk.call<{ ok: boolean }>('devdock.idcard.insert', { cardId: i % 2 ? 'resident-zhang' : 'resident-longterm' });
  if (!inserted.body.ok) throw new Error('card insert failed');
  await page.getByTestId('identity').filter({ hasText: '已识别身份' }).waitFor();
  await page.getByTestId('thing-newborn').click();
  await page.getByTestId('guide-start').click();
  await answerQuestionsWithLastOption(page);
  // The other parent is not at the kiosk: their name and number are typed on the form.
  await page.getByTestId('party-skip-otherParent').click();
  await page.locator('fieldset', { hasText: '您是孩子的' }).locator('.answer').first().click();
  await page.locator('fieldset', { hasText: '孩子性别' }).locator('.answer').first().click();
  for (const [id, value] of Object.entries(FORM)) await page.getByTestId(`field-${id}`).fill(value || yesterday());
  await page.getByTestId('form-next').click();
  await page.getByTestId('materials-next').click();
  await page.getByTestId('review-next').click();
  await page.getByTestId('consent-submit').click();
  const number = page.getByTestId('application-number');
  await number.waitFor();
  const applicationNumber = (await number.textContent())!.trim();
  await page.getByTestId('print-state').and(page.locator(':not([data-state="printing"])')).waitFor();
  await page.getByTestId('to-evaluation').click();
  await page.getByTestId('level-very-satisfied').click();
  await page.getByTestId('evaluation-submit').click();
  await page.getByTestId('evaluation-finish').click();
  await page.getByTestId('start').waitFor();
  const removed = await kiosk.call<{ ok: boolean }>('devdock.idcard.remove', {});
  if (!removed.body.ok) throw new Error('card remove failed');
  return applicationNumber;
}
