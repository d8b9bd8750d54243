import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { dateBounds, journeyFor, type DateBound, type Field } from '../../contract/journeys';
import { idNumberCheckChar, isoDay } from '../../contract/validators';
import { FIXTURE_ENTERPRISES } from '../../platform-sim/store/enterprise-registry';
import type { KioskProcess } from '../support/processes';
import { axeViolations, keepScreenshot } from './fixtures';

/**
 * Walks a resident through a journey on screen, as a person would: taps the
 * big buttons, types with the on-screen keyboard where it matters, checks
 * every screen with axe-core and keeps a screenshot of it.
 */
export interface WalkOptions {
  readonly thingId: string;
  /** Screenshot name prefix, e.g. `newborn-elderly`. */
  readonly shots: string;
  /** Answer yes (first option) to every question, or no (last option), or follow this answer path. */
  readonly answer: 'first' | 'last' | Readonly<Record<string, string | boolean>>;
  /** Needed for journeys with other parties (they put their own card on the reader). */
  readonly kiosk?: KioskProcess;
  /** The platform is unreachable: the enterprise lookup says unverified and its fields stay typed. */
  readonly offline?: boolean;
  /**
   * Which screens get axe and a screenshot: all of them (default); only those whose content is this
   * journey's data (guide, form, materials, review), the others being the same for every journey;
   * none (a second walk of a journey already checked); or every screen whose kind (see `ScreenKinds`)
   * this walk's set has not checked yet.
   */
  readonly checks?: 'all' | 'journey' | 'none' | ScreenKinds;
  /** Looks at the materials screen as it first shows (lookups done), before anything is provided. */
  readonly onMaterials?: (page: Page) => Promise<void>;
  /** On the form screen as it first shows, before anything is typed (e.g. a video call with an agent). */
  readonly onForm?: (page: Page) => Promise<void>;
  /** Stop on the review screen instead of going on to consent. */
  readonly stopAtReview?: boolean;
}

/** Fixture cards of the other parties (spouse, other parent, buyer…), in the order the journey lists them. */
export const PARTY_CARDS = ['resident-li', 'resident-wang'] as const;

/**
 * The registered enterprise a business walk names: 张小三 (the applicant's card) is the legal representative
 * of 晋味面食; an agent applies for 大明便民超市, whose legal representative 王大明 (`resident-wang`) swipes.
 */
export function enterpriseFor(answers: WalkOptions['answer'] | undefined) {
  return typeof answers === 'object' && answers['applicantRole'] === 'agent' ? FIXTURE_ENTERPRISES.grocery : FIXTURE_ENTERPRISES.noodleCompany;
}
const LEGAL_REPRESENTATIVE_CARD = 'resident-wang';

/**
 * Other parties of the matter, from the journey data: each required (or
 * present optional) party's screen `party-<id>` takes their own card and
 * their consent `party-consent-<id>`.
 */
async function partiesOnScreen(page: Page, o: WalkOptions): Promise<void> {
  const parties = journeyFor(o.thingId)!.wired!.parties ?? [];
  let others = 0;
  for (let i = 0; i <= parties.length; i++) {
    // Either a party screen or the form comes next.
    const party = page.locator('.journey.party');
    const form = page.getByRole('heading', { name: '请核对并填写申请信息' });
    await expect(party.or(form).first()).toBeVisible();
    if (!(await party.isVisible())) return;
    expect(i, 'more party screens than the journey has parties').toBeLessThan(parties.length);
    const id = (await party.getAttribute('data-testid'))!.replace(/^party-/, '');
    if (o.kiosk) {
      await removeCard(o.kiosk);
      await insertCard(o.kiosk, id === 'legalRepresentative' ? LEGAL_REPRESENTATIVE_CARD : PARTY_CARDS[others++ % PARTY_CARDS.length]);
      // A read that times out on a loaded machine is tried again at the next poll: give it that long.
      await expect(page.getByTestId(`party-identity-${id}`)).toBeVisible({ timeout: 20_000 });
      await page.getByTestId(`party-consent-${id}`).click();
    } else {
      await page.getByTestId(`party-skip-${id}`).click();
    }
    await expect(page.getByTestId(`party-${id}`)).toBeHidden();
  }
}

export const CARD = { id: 'resident-zhang', name: '张小三', masked: '张*三', idNumber: '140105199003071234', maskedId: '140…1234' } as const;

export async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  await keepScreenshot(page, name);
}

/**
 * The kind of the screen on show: what axe-core judges, without the words. Every element of the page as
 * tag, role, input type, classes, lang, the names of its ARIA attributes (and where an ARIA reference
 * points to nothing), and whether a control, heading, label or legend is without text; then whether any id
 * is repeated. Two screens of one kind are the same components in the same states with the same
 * attributes, differing only in their (non-empty) text: axe's rules that look at text (an empty
 * button, heading or label, a dangling aria-labelledby, a repeated id) see it in the kind; contrast
 * and size follow from the classes.
 */
export async function screenKind(page: Page): Promise<string> {
  return page.evaluate(() => {
    const textual = new Set(['BUTTON', 'A', 'LABEL', 'LEGEND', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TH', 'OPTION', 'SUMMARY', 'CAPTION', 'TITLE']);
    const kinds = new Set<string>();
    const ids = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (el.id) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
      const aria = el
        .getAttributeNames()
        .filter((a) => a.startsWith('aria-'))
        .map((a) => {
          if (a !== 'aria-labelledby' && a !== 'aria-describedby' && a !== 'aria-controls') return a;
          const dangling = (el.getAttribute(a) ?? '').split(/\s+/).filter(Boolean).some((id) => !document.getElementById(id));
          return dangling ? `${a}!` : a;
        })
        .sort();
      const empty = (textual.has(el.tagName) || el.getAttribute('role') === 'button') && (el.textContent ?? '').trim() === '' && !el.getAttribute('aria-label');
      const alt = el.tagName === 'IMG' ? `alt=${el.hasAttribute('alt') ? (el.getAttribute('alt') === '' ? 'empty' : 'text') : 'none'}` : '';
      kinds.add([el.tagName, el.getAttribute('role') ?? '', el.getAttribute('type') ?? '', [...el.classList].sort().join('.'), el.getAttribute('lang') ?? '', aria.join(','), empty ? 'empty' : '', alt].join('|'));
    }
    const repeated = [...ids.values()].some((n) => n > 1);
    return `${[...kinds].sort().join('\n')}\nrepeated-id:${repeated}`;
  });
}

/**
 * The screens checked so far by kind (`screenKind`): a walk over many journeys runs axe (and keeps a
 * screenshot) on each kind of screen the first time it shows, not again on every journey that shows the
 * same components with other words.
 */
export class ScreenKinds {
  private readonly checked = new Map<string, string>();
  /** Names of the screens axe looked at, in order. */
  readonly names: string[] = [];
  async check(page: Page, name: string): Promise<void> {
    const kind = await screenKind(page);
    if (this.checked.has(kind)) return;
    await checkScreen(page, name);
    this.checked.set(kind, name);
    this.names.push(name);
  }
}

export async function insertCard(kiosk: KioskProcess, cardId: string = CARD.id): Promise<void> {
  const r = await kiosk.call<{ ok: boolean; message?: string }>('devdock.idcard.insert', { cardId });
  expect(r.body.ok, r.body.message).toBe(true);
}

export async function removeCard(kiosk: KioskProcess): Promise<void> {
  const r = await kiosk.call<{ ok: boolean }>('devdock.idcard.remove', {});
  expect(r.body.ok).toBe(true);
}

function validIdNumber(): string {
  const first17 = '11010119900307757';
  return first17 + idNumberCheckChar(first17);
}

/** What the walk knows when it picks a value: the answers given and the values already typed. */
export interface FormContext {
  readonly answers?: Readonly<Record<string, string | boolean>>;
  readonly values?: Readonly<Record<string, string>>;
}

/**
 * A date inside the field's bounds (those the answers impose included):
 * yesterday when that is allowed, else a day inside the nearer bound; a bound
 * on another field of the form is taken from the value typed there.
 */
function dateFor(field: Field, ctx: FormContext): string {
  const bounds = dateBounds(field, ctx.answers ?? {});
  const day = (b: DateBound | undefined): string | undefined =>
    b === undefined ? undefined : 'today' in b ? isoDay(new Date(), b.offsetDays ?? 0) : ctx.values?.[b.field];
  const next = (d: string, by: number) => isoDay(new Date(`${d}T12:00:00Z`), by);
  const lower = day(bounds.notBefore);
  const upper = day(bounds.notAfter);
  let d = isoDay(new Date(), -1);
  if (upper !== undefined && d > upper) d = next(upper, -1);
  if (lower !== undefined && d < lower) d = bounds.notBefore && 'today' in bounds.notBefore ? next(lower, 1) : lower;
  if (upper !== undefined && d > upper) d = upper;
  return d;
}

/** A value a careful resident would give for this field. */
export function valueFor(field: Field, ctx: FormContext = {}): string | null {
  switch (field.type) {
    case 'name':
      return '王小明';
    case 'id-number':
      return validIdNumber();
    case 'uscc':
      return enterpriseFor(ctx.answers).unifiedSocialCreditCode;
    case 'mobile':
      return '13912345678';
    case 'bank-account':
      return '6222020200112345678';
    case 'integer':
      return String(field.min ?? 1);
    case 'date':
      return dateFor(field, ctx);
    case 'choice':
    case 'gender':
      return null;
    default:
      return '山西省太原市测试内容';
  }
}

/** From the guide to the consent screen. */
export async function walkToConsent(page: Page, o: WalkOptions): Promise<void> {
  const journey = journeyFor(o.thingId)!;
  const wired = journey.wired!;
  const checks = o.checks ?? 'all';
  const check = async (name: string, ofJourney: boolean) => {
    if (checks instanceof ScreenKinds) await checks.check(page, `${o.shots}-${name}`);
    else if (checks === 'all' || (checks === 'journey' && ofJourney)) await checkScreen(page, `${o.shots}-${name}`);
  };
  await expect(page.getByTestId('guide-start')).toBeVisible();
  await check('1-guide', true);
  await page.getByTestId('guide-start').click();
  // The first question (or the form, when there is none) is step 1.
  await expect(page.getByTestId('step-progress')).toContainText('第 1 步');

  // Questions: one per screen with "第 N 步，共 M 步".
  let n = 0;
  while (await page.locator('.journey.question').isVisible()) {
    n += 1;
    await expect(page.getByTestId('step-progress')).toContainText(`第 ${n} 步`);
    if (n === 1) await check('2-question', false);
    const answers = page.locator('.answers .answer');
    if (typeof o.answer === 'object') {
      // The question on screen is known by its heading; the path says what to answer.
      const heading = (await page.locator('.journey.question #step-heading').textContent())?.trim();
      const q = wired.questions.find((x) => x.text.zh === heading);
      expect(q, `question on screen: ${heading}`).toBeDefined();
      expect(o.answer[q!.id], `answer path has ${q!.id}`).toBeDefined();
      await page.getByTestId(`answer-${String(o.answer[q!.id])}`).click();
    } else await (o.answer === 'first' ? answers.first() : answers.last()).click();
    // The next screen (a question or the form) says the next step number.
    await expect(page.getByTestId('step-progress')).toContainText(`第 ${n + 1} 步`);
    expect(n).toBeLessThanOrEqual(wired.questions.length);
  }

  // Other parties: each party screen the answers call for takes that person's own card and consent
  // (a walk without a kiosk to insert cards types an optional party's fields instead).
  await partiesOnScreen(page, o);

  // The form: card fields are filled and masked; the rest (and a skipped party's) typed.
  await expect(page.getByRole('heading', { name: '请核对并填写申请信息' })).toBeVisible();
  await o.onForm?.(page);
  const typed: Record<string, string> = {};
  for (const f of wired.form) {
    if (f.fromCard && !f.fromParty) continue;
    const input = page.getByTestId(`field-${f.id}`);
    const value = valueFor(f, { answers: typeof o.answer === 'object' ? o.answer : {}, values: typed });
    if (value !== null) {
      typed[f.id] = value;
      if (await input.isVisible()) await input.fill(value);
    } else {
      const group = page.locator('fieldset', { has: page.locator('legend', { hasText: f.label.zh }) });
      if (await group.isVisible()) await group.locator('.answer').first().click();
    }
  }
  // Business: the enterprise named by its code is looked up on the platform: verified online (the registry's
  // name, type and legal representative replace what was typed), unverified offline (the typed fields stay).
  const enterprise = wired.payload.enterprise;
  if (enterprise && wired.form.some((f) => f.fromEnterprise)) {
    const e = enterpriseFor(o.answer);
    await page.getByTestId('enterprise-lookup').click();
    if (o.offline) {
      await expect(page.getByTestId('enterprise-unverified')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('field-enterpriseName')).not.toHaveValue(e.name);
    } else {
      await expect(page.getByTestId('enterprise-verified')).toContainText(e.name, { timeout: 20_000 });
      await expect(page.getByTestId('field-enterpriseName')).toHaveValue(e.name);
    }
  }
  await check('3-form', true);
  await page.getByTestId('form-next').click();

  await provideMaterials(page, o.onMaterials);
  await check('4-materials', true);
  await page.getByTestId('materials-next').click();

  await expect(page.getByRole('heading', { name: '请核对您的申请' })).toBeVisible();
  // Everyone's identifiers are masked alike on the review: nothing typed shows in full.
  const review = await page.locator('.journey.review').innerText();
  for (const typed of [validIdNumber(), '13912345678']) expect(review).not.toContain(typed);
  await check('5-review', true);
  if (o.stopAtReview) return;
  await page.getByTestId('review-next').click();
  await expect(page.getByRole('heading', { name: '确认提交' })).toBeVisible();
  await check('6-consent', false);
}

/**
 * The materials screen: once the e-certificate lookups are done, every material still missing is promised
 * (告知承诺) where that is allowed, else photographed with the document camera.
 */
export async function provideMaterials(page: Page, first?: (page: Page) => Promise<void>): Promise<void> {
  await expect(page.getByRole('heading', { name: '提供材料' })).toBeVisible();
  await expect(page.locator('.journey.materials').getByTestId('voice-prompt')).not.toContainText('正在查询', { timeout: 20_000 });
  await first?.(page);
  for (const item of await page.locator('.material').all()) {
    if ((await item.getAttribute('data-provided')) !== 'none') continue;
    const commit = item.locator('[data-testid^="commit-"]');
    if (await commit.isVisible()) {
      await commit.click();
      await item.getByTestId('commitment-confirm').click();
      await expect(item).toHaveAttribute('data-provided', 'commitment');
      continue;
    }
    await item.locator('[data-testid^="capture-"]').click();
    // The camera starts on a loaded machine in its own time.
    await item.getByTestId('capture-take').click({ timeout: 30_000 });
    await expect(item.getByTestId('capture-still')).toBeVisible();
    await item.getByTestId('capture-use').click();
    await expect(item).toHaveAttribute('data-provided', 'capture');
  }
}

/** Rates the service: a low level must give a reason before it is sent (`shots: null`: no axe or screenshot). */
export async function evaluate(page: Page, shots: string | null): Promise<void> {
  await page.getByTestId('to-evaluation').click();
  await expect(page.getByRole('heading', { name: '请您评价本次服务' })).toBeVisible();
  for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) await expect(page.getByRole('button', { name: level, exact: true })).toBeVisible();
  await page.getByTestId('level-dissatisfied').click();
  await page.getByTestId('evaluation-submit').click();
  await expect(page.getByTestId('evaluation-error')).toContainText('请至少选择一个原因');
  await page.getByTestId('reason-too-slow').click();
  if (shots !== null) await checkScreen(page, `${shots}-8-evaluation`);
  await page.getByTestId('evaluation-submit').click();
  await expect(page.getByRole('heading', { name: '谢谢您的评价！' })).toBeVisible();
}

/** Applications the platform simulator holds for this receipt number (read from its own SQLite file). */
export function platformIntakeFor(platformDataDir: string, localNumber: string): { stream: string; platformNumber: string }[] {
  const db = new Database(path.join(platformDataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT stream, platform_number AS platformNumber FROM intake WHERE json_extract(payload, '$.localNumber') = ?`).all(localNumber) as { stream: string; platformNumber: string }[]);
  } finally {
    db.close();
  }
}

/** How many items of a stream the platform simulator holds (from its own SQLite file). */
export function platformIntakeCount(platformDataDir: string, stream: 'applications' | 'evaluations' | 'feedback'): number {
  const db = new Database(path.join(platformDataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) FROM intake WHERE stream = ?').pluck().get(stream) as number) ?? 0;
  } finally {
    db.close();
  }
}

/** The payload the platform received for this receipt number. */
export function platformPayloadFor(platformDataDir: string, localNumber: string): Record<string, unknown> | null {
  const db = new Database(path.join(platformDataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const raw = db.prepare(`SELECT payload FROM intake WHERE stream = 'applications' AND json_extract(payload, '$.localNumber') = ?`).pluck().get(localNumber) as string | undefined;
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  } finally {
    db.close();
  }
}
