import { describe, expect, it } from 'vitest';
import { CATALOG, oneThingById } from '../../../contract/catalog';
import type { OneThing } from '../../../contract/catalog/schema';
import {
  type Answers,
  applicableSubItems,
  buildPayload,
  checkJourney,
  type Field,
  formFields,
  holds,
  JourneySchema,
  materialsFor,
  type ProvidedMaterial,
  questionsToAsk,
  validateForm,
  WIRED_JOURNEYS,
  type WiredJourney,
} from '../../../contract/journeys';
import { partiesFor } from '../../../contract/journeys/engine';
import { isoDay } from '../../../contract/validators';
import { OTHER_ID, RESIDENT, TODAY } from './fixtures';

/**
 * Tests derived from the journey data itself, for every one of the 27: the
 * answer space is searched, each sub-item must be reached by some answers,
 * and each path that reaches a new sub-item must produce a payload the
 * platform accepts from plausible values.
 */

const wiredJourneys = WIRED_JOURNEYS.map((j) => ({ id: j.oneThing, thing: oneThingById(j.oneThing)!, wired: j.wired! }));

const searched = new WeakMap<WiredJourney, Answers[]>();

/** Every complete set of answers a resident can give, following `askIf` in question order. */
export function answerPaths(wired: WiredJourney): Answers[] {
  const known = searched.get(wired);
  if (known) return known;
  const out: Answers[] = [];
  searched.set(wired, out);
  const walk = (i: number, answers: Record<string, string | boolean>) => {
    if (i === wired.questions.length) return void out.push({ ...answers });
    const q = wired.questions[i]!;
    if (q.askIf && !holds(q.askIf, answers)) return walk(i + 1, answers);
    const values: (string | boolean)[] = q.kind === 'yes-no' ? [true, false] : q.options!.map((o) => o.value);
    for (const v of values) walk(i + 1, { ...answers, [q.id]: v });
  };
  walk(0, {});
  return out;
}

const USCC = '91350100M000100Y43';
const DATE_OFFSETS = [0, -1, -30, -100, -200, -400, -1000, -2000, -2400, -3000, -4000, -5000, -20000, 1, 5, 10, 30, 100, 300];

function plausible(f: Field, dateTry: number): string {
  switch (f.type) {
    case 'name':
      return '李华';
    case 'id-number':
      return OTHER_ID;
    case 'uscc':
      return USCC;
    case 'mobile':
      return '13812345678';
    case 'integer':
      return String(Math.max(f.min ?? 1, Math.min(f.max ?? 100, 100)));
    case 'choice':
    case 'gender':
      return f.options![0]!.value;
    case 'nation':
      return '01';
    case 'bank-account':
      return '6222 0200 1234 5678 901';
    case 'date':
      return isoDay(TODAY, DATE_OFFSETS[dateTry % DATE_OFFSETS.length]!);
    case 'text':
    case 'address':
      return '山西省太原市小店区坞城路1号'.slice(0, f.maxLength ?? 100);
  }
}

/** Form values that pass every check for these answers: dates are tried until they fit their bounds. */
function plausibleValues(wired: WiredJourney, answers: Answers, subItems: readonly string[]): Record<string, string> {
  const fields = formFields(wired, answers, subItems).filter((f) => !f.fromCard || f.fromParty);
  const tries = new Map<string, number>(fields.map((f) => [f.id, 0]));
  const values = () => Object.fromEntries(fields.map((f) => [f.id, plausible(f, tries.get(f.id)!)]));
  // A date bound to another date may have to go round the candidates again once that one moves.
  for (let round = 0; round < DATE_OFFSETS.length * 3; round++) {
    const problems = validateForm(wired, { answers, subItems, values: values(), identity: RESIDENT, today: TODAY });
    if (problems.length === 0) break;
    for (const p of problems) {
      const id = p.path.replace(/^form\./, '');
      if (tries.has(id)) tries.set(id, tries.get(id)! + 1);
    }
  }
  return values();
}

function provideAll(wired: WiredJourney, answers: Answers, subItems: readonly string[]): ProvidedMaterial[] {
  return materialsFor(wired, answers, subItems, []).map(({ material: m }): ProvidedMaterial => {
    if (m.exemptedBy !== undefined) return { kind: 'e-certificate', materialId: m.id, certificateNumber: `EC-${m.id}` };
    if (m.capturable) return { kind: 'attachment', materialId: m.id, sha256: 'c'.repeat(64), mediaType: 'image/jpeg', bytes: 2048 };
    return { kind: 'commitment', materialId: m.id };
  });
}

/** For each sub-item, the first answers (in search order) that reach it. */
function pathPerSubItem(thing: OneThing, wired: WiredJourney): Map<string, Answers> {
  const out = new Map<string, Answers>();
  for (const answers of answerPaths(wired)) {
    for (const code of applicableSubItems(thing, wired, answers)) if (!out.has(code)) out.set(code, answers);
  }
  return out;
}

describe('journey data, all 27', () => {
  it('parses, and checkJourney finds no mistake in any of them', () => {
    expect(wiredJourneys).toHaveLength(27);
    for (const j of WIRED_JOURNEYS) {
      expect(JourneySchema.safeParse(j).success, j.oneThing).toBe(true);
      expect(checkJourney(j, oneThingById(j.oneThing)!), j.oneThing).toEqual([]);
    }
  });

  it.each(wiredJourneys)('$id: one rule per sub-item of annex 1, and every sub-item is reached by some answers', ({ thing, wired }) => {
    expect(wired.subItemRules.map((r) => r.subItem).sort()).toEqual(thing.subItems.map((s) => s.code).sort());
    expect([...pathPerSubItem(thing, wired).keys()].sort()).toEqual(thing.subItems.map((s) => s.code).sort());
  });

  it.each(wiredJourneys)('$id: every question, field and material is used on some answer path', ({ thing, wired }) => {
    const asked = new Set<string>();
    const shown = new Set<string>();
    const needed = new Set<string>();
    for (const answers of answerPaths(wired)) {
      const subItems = applicableSubItems(thing, wired, answers);
      for (const q of questionsToAsk(wired, answers)) asked.add(q.id);
      for (const f of formFields(wired, answers, subItems)) shown.add(f.id);
      for (const s of materialsFor(wired, answers, subItems, [])) needed.add(s.material.id);
    }
    expect([...asked].sort()).toEqual(wired.questions.map((q) => q.id).sort());
    expect([...shown].sort()).toEqual(wired.form.map((f) => f.id).sort());
    expect([...needed].sort()).toEqual(wired.materials.map((m) => m.id).sort());
  });

  it.each(wiredJourneys)('$id: a path to each sub-item builds a payload the platform accepts', ({ thing, wired }) => {
    for (const [code, answers] of pathPerSubItem(thing, wired)) {
      const subItems = applicableSubItems(thing, wired, answers);
      const values = plausibleValues(wired, answers, subItems);
      const r = buildPayload({
        thing,
        wired,
        catalogVersion: CATALOG.version,
        answers,
        values,
        identity: RESIDENT,
        // Every party the answers need swiped their own card and consented (required ones cannot be typed).
        parties: partiesFor(wired, answers).map((p) => ({ partyId: p.id, identity: { ...RESIDENT, name: '李小红', idNumber: OTHER_ID }, method: 'card' as const, consentedAt: '2026-11-20T08:00:00.000Z' })),
        materials: provideAll(wired, answers, subItems),
        localNumber: 'K0001-20261126-0001',
        today: TODAY,
      });
      expect(r.ok ? r.value.subItemCodes : r.issues ?? r.message, `${code} via ${JSON.stringify(answers)}`).toEqual(subItems);
      if (!r.ok) continue;
      expect(r.value.itemCode).toBe(thing.code);
      // 企业开办 has no code until the enterprise is registered; every other business journey names it.
      if (thing.audience === 'business' && values['uscc']) expect(r.value.enterprise, code).toMatchObject({ unifiedSocialCreditCode: USCC, name: values['enterpriseName'], verified: false });
      else if (thing.id !== 'business-start') expect(r.value.enterprise, code).toBeUndefined();
    }
  });

  it.each(wiredJourneys.filter((j) => j.thing.audience === 'business' && j.id !== 'business-start'))(
    '$id: names the enterprise by its code from the registry, and an agent brings an authorisation unless the legal representative consents',
    ({ wired }) => {
      const byId = new Map(wired.form.map((f) => [f.id, f]));
      expect(byId.get('uscc')).toMatchObject({ type: 'uscc', fromEnterprise: 'uscc', required: true });
      expect(byId.get('enterpriseName')?.fromEnterprise).toBe('name');
      expect(byId.get('enterpriseType')?.fromEnterprise).toBe('type');
      expect(byId.get('legalRepresentativeName')?.fromEnterprise).toBe('legalRepresentative');
      expect(wired.payload.enterprise).toEqual({ usccField: 'uscc', nameField: 'enterpriseName' });
      expect(wired.parties).toContainEqual(expect.objectContaining({ id: 'legalRepresentative', presence: 'optional', when: { question: 'applicantRole', equals: 'agent' } }));
      const auth = wired.materials.find((m) => m.id === 'authorisation');
      expect(auth).toMatchObject({ waivedByParty: 'legalRepresentative', askIf: { question: 'applicantRole', equals: 'agent' } });
      const legalRepAnswers = answerPaths(wired).filter((a) => a['applicantRole'] === 'legalRepresentative' || a['applicantRole'] === 'administrator');
      expect(legalRepAnswers.length).toBeGreaterThan(0);
      for (const a of legalRepAnswers.slice(0, 20)) {
        expect(materialsFor(wired, a, auth!.forSubItems, []).map((s) => s.material.id)).not.toContain('authorisation');
      }
    },
  );

  it('every text a resident reads has English as well as Chinese', () => {
    const texts: { zh: string; en: string }[] = [];
    for (const j of WIRED_JOURNEYS) {
      texts.push(j.guide.covers, j.guide.timeLimit, ...j.guide.eligibility, j.guide.where.hall, j.guide.where.window, j.guide.where.appointment);
      const w = j.wired!;
      for (const q of w.questions) texts.push(q.text, ...(q.hint ? [q.hint] : []), ...(q.options ?? []).map((o) => o.label));
      for (const f of w.form) texts.push(f.label, ...(f.options ?? []).map((o) => o.label));
      for (const m of w.materials) texts.push(m.name);
      for (const p of w.parties ?? []) texts.push(p.label);
    }
    for (const x of texts) {
      expect(x.en, x.zh).not.toMatch(/\p{Script=Han}/u);
      expect(x.en.trim().length, x.zh).toBeGreaterThan(1);
    }
  });
});
