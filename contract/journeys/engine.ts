import type { OneThing } from '../catalog/schema';
import type { Identity } from '../identity';
import { checkDate, checkIdNumber, checkInteger, checkMobile, checkUscc, isoDay, parseDate, type Check, type DateRange } from '../validators';
import { type Answers, holds } from './conditions';
import type { CardSource, DateBound, EnterpriseSource, Field, HallVisit, MaterialDef, Party, Question, WiredJourney } from './schema';

/**
 * The journey engine: pure functions over a journey's data, the resident's
 * answers, form values, card identity and materials. Runs unchanged in the
 * renderer (to guide and show problems next to fields) and in the host (to
 * refuse what the renderer should not have let through).
 */

export type { Answers } from './conditions';
/** Typed form values by field id, as entered (dates `YYYY-MM-DD`). */
export type FormValues = Readonly<Record<string, string>>;

/** A problem shown next to a field (or a question), saying how to fix it. */
export interface FieldProblem {
  /** `answers.<question>`, `form.<field>` or `materials.<material>`. */
  readonly path: string;
  readonly message: string;
  readonly messageEn: string;
}

const toProblem = (path: string, check: Check): FieldProblem[] =>
  check ? [{ path, message: check.zh, messageEn: check.en }] : [];

// ——— 智能导办: questions → sub-items ———

/** Questions to ask now: those whose `askIf` holds (follow-ups appear once their trigger is answered). */
export function questionsToAsk(wired: WiredJourney, answers: Answers): Question[] {
  return wired.questions.filter((q) => !q.askIf || holds(q.askIf, answers));
}

/**
 * The answers that count: those to questions asked now. A resident who
 * goes back and changes an answer leaves stale answers to follow-ups that
 * are no longer asked; they must not decide anything. Questions are read in
 * order, so a follow-up's `askIf` sees only answers that count.
 */
export function effectiveAnswers(wired: WiredJourney, answers: Answers): Answers {
  const out: Record<string, string | boolean> = {};
  for (const q of wired.questions) {
    const a = answers[q.id];
    if (a !== undefined && (!q.askIf || holds(q.askIf, out))) out[q.id] = a;
  }
  return out;
}

/** Problems with the answers: a question to ask still unanswered, or an answer of the wrong kind. */
export function checkAnswers(wired: WiredJourney, answers: Answers): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const q of questionsToAsk(wired, answers)) {
    const a = answers[q.id];
    const path = `answers.${q.id}`;
    if (a === undefined) out.push({ path, message: `请回答：${q.text.zh}`, messageEn: `Please answer: ${q.text.en}` });
    else if (q.kind === 'yes-no' && typeof a !== 'boolean')
      out.push({ path, message: '请选择“是”或“否”。', messageEn: 'Choose yes or no.' });
    else if (q.kind === 'choice' && !q.options?.some((o) => o.value === a))
      out.push({ path, message: '请从给出的选项中选择一项。', messageEn: 'Choose one of the options shown.' });
  }
  return out;
}

/** The sub-item codes that apply for these answers, in catalog order. */
export function applicableSubItems(thing: OneThing, wired: WiredJourney, answers: Answers): string[] {
  const counted = effectiveAnswers(wired, answers);
  const chosen = new Set(wired.subItemRules.filter((r) => holds(r.when, counted)).map((r) => r.subItem));
  return thing.subItems.filter((s) => chosen.has(s.code)).map((s) => s.code);
}

/** The applicable sub-items that need a hall visit for these answers, with why (`hallVisits`). */
export function hallVisitsFor(thing: OneThing, wired: WiredJourney, answers: Answers): HallVisit[] {
  const counted = effectiveAnswers(wired, answers);
  const applicable = new Set(applicableSubItems(thing, wired, answers));
  return (wired.hallVisits ?? []).filter((v) => applicable.has(v.subItem) && (!v.when || holds(v.when, counted)));
}

// ——— 一表申请: the consolidated form ———

function fieldApplies(field: Field | MaterialDef, answers: Answers, subItems: readonly string[]): boolean {
  if (field.askIf && !holds(field.askIf, answers)) return false;
  if (field.forSubItems && !field.forSubItems.some((c) => subItems.includes(c))) return false;
  return true;
}

/** The form fields shown for these answers and sub-items. */
export function formFields(wired: WiredJourney, answers: Answers, subItems: readonly string[]): Field[] {
  const counted = effectiveAnswers(wired, answers);
  return wired.form.filter((f) => fieldApplies(f, counted, subItems));
}

const yyyymmddToIso = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;

/** What the card says for a form field, in the form's own format. */
export function cardValue(identity: Identity, source: CardSource): string | undefined {
  switch (source) {
    case 'birthDate':
      return yyyymmddToIso(identity.birthDate);
    case 'nation':
      return identity.nation;
    case 'gender':
      // GB/T 2261.1: 1 male, 2 female; 0 and 9 (unknown, unstated) leave the choice to the resident.
      return identity.gender === '1' ? 'male' : identity.gender === '2' ? 'female' : undefined;
    default:
      return identity[source];
  }
}

/** What the card gives for this field, or undefined when the card lacks it (a foreigner card has no address). */
export function cardGives(identity: Identity | undefined, source: CardSource): string | undefined {
  if (!identity) return undefined;
  const v = cardValue(identity, source);
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** An enterprise as the platform's registry returned it (looked up by USCC in this session). */
export interface RegisteredEnterprise {
  readonly uscc: string;
  readonly name: string;
  readonly type: string;
  readonly legalRepresentative: string;
}

/** What else fills a form besides the applicant's card: the other parties' cards and the enterprise registry. */
export interface PrefillSources {
  /** Identities of the parties present (who swiped their own card), by party id. */
  readonly parties?: Readonly<Record<string, Identity>>;
  /** The registry's record, when this session's lookup returned one for the form's code. */
  readonly enterprise?: RegisteredEnterprise | null;
}

function enterpriseValue(e: RegisteredEnterprise, source: EnterpriseSource): string {
  return source === 'uscc' ? e.uscc : e[source];
}

/** Which registry value fills a field: its `fromEnterprise`, or the payload map's name field (the registered name). */
function registrySource(wired: WiredJourney, f: Field): EnterpriseSource | undefined {
  return f.fromEnterprise ?? (wired.payload.enterprise?.nameField === f.id ? 'name' : undefined);
}

/** The card that fills a field: the applicant's, or a present party's (`fromParty`); undefined when none does. */
function sourceCard(f: Field, identity: Identity | undefined, more: PrefillSources): Identity | undefined {
  if (!f.fromCard) return undefined;
  return f.fromParty ? more.parties?.[f.fromParty] : identity;
}

/**
 * Form values with every card-sourced field taken from its card (the
 * applicant's or a present party's) and every registry field from the
 * enterprise registry: the resident never retypes them. A field whose card
 * lacks the value (an address on a foreigner card) keeps what was typed.
 */
export function prefill(wired: WiredJourney, identity: Identity | undefined, values: FormValues, more: PrefillSources = {}): Record<string, string> {
  const out: Record<string, string> = { ...values };
  for (const f of wired.form) {
    if (f.fromCard) {
      const card = sourceCard(f, identity, more);
      const v = card ? cardGives(card, f.fromCard) : undefined;
      if (v !== undefined) out[f.id] = v;
    } else if (more.enterprise && registrySource(wired, f)) {
      out[f.id] = enterpriseValue(more.enterprise, registrySource(wired, f)!);
    }
  }
  return out;
}

/** Fields the resident cannot change: filled from a card that has the value, or from the registry. */
export function isFilledFromSource(wired: WiredJourney, f: Field, identity: Identity | undefined, more: PrefillSources = {}): boolean {
  if (f.fromCard) {
    const card = sourceCard(f, identity, more);
    return card !== undefined && cardGives(card, f.fromCard) !== undefined;
  }
  const source = registrySource(wired, f);
  return source !== undefined && source !== 'uscc' && more.enterprise != null;
}

/** The parties these answers need (those whose `when` holds), in journey order. */
export function partiesFor(wired: WiredJourney, answers: Answers): Party[] {
  const counted = effectiveAnswers(wired, answers);
  return (wired.parties ?? []).filter((p) => !p.when || holds(p.when, counted));
}

function boundOf(bound: DateBound, values: FormValues, today: Date, form: readonly Field[]) {
  if ('today' in bound) {
    const off = bound.offsetDays ?? 0;
    const zh = off === 0 ? '今天' : off < 0 ? `${-off}天前` : `${off}天后`;
    const en = off === 0 ? 'today' : off < 0 ? `${-off} days ago` : `${off} days from now`;
    return { date: isoDay(today, off), zh, en };
  }
  const other = form.find((f) => f.id === bound.field);
  const date = parseDate(values[bound.field] ?? '');
  if (!other || !date) return undefined;
  return { date, zh: other.label.zh, en: other.label.en.toLowerCase() };
}

/** The date bounds that hold for these answers: the last matching `boundsIf` entry wins over the field's own. */
export function dateBounds(field: Field, answers: Answers): { notBefore?: DateBound; notAfter?: DateBound } {
  let out: { notBefore?: DateBound; notAfter?: DateBound } = {
    ...(field.notBefore ? { notBefore: field.notBefore } : {}),
    ...(field.notAfter ? { notAfter: field.notAfter } : {}),
  };
  for (const b of field.boundsIf ?? []) {
    if (!holds(b.when, answers)) continue;
    out = { ...out, ...(b.notBefore ? { notBefore: b.notBefore } : {}), ...(b.notAfter ? { notAfter: b.notAfter } : {}) };
  }
  return out;
}

/** 12–30 digits once the spaces a resident types for readability are taken out. */
export function checkBankAccount(value: string): Check {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { zh: '银行账号只能是数字，请核对银行卡或存折。', en: 'A bank account number has digits only; check your bank card or passbook.' };
  if (digits.length < 12 || digits.length > 30) return { zh: '银行账号应为12到30位数字，请核对。', en: 'A bank account number has 12 to 30 digits; please check it.' };
  return null;
}

function checkField(field: Field, value: string, values: FormValues, today: Date, form: readonly Field[], answers: Answers): Check {
  switch (field.type) {
    case 'id-number':
      return checkIdNumber(value, today);
    case 'uscc':
      return checkUscc(value);
    case 'mobile':
      return checkMobile(value);
    case 'integer':
      return checkInteger(value, field.min, field.max);
    case 'date': {
      const range: { -readonly [K in keyof DateRange]: DateRange[K] } = {};
      const bounds = dateBounds(field, answers);
      if (bounds.notBefore) range.notBefore = boundOf(bounds.notBefore, values, today, form);
      if (bounds.notAfter) range.notAfter = boundOf(bounds.notAfter, values, today, form);
      return checkDate(value, range);
    }
    case 'choice':
    case 'gender':
      return field.options && !field.options.some((o) => o.value === value)
        ? { zh: '请从给出的选项中选择一项。', en: 'Choose one of the options shown.' }
        : null;
    case 'name':
      return /^[\p{Script=Han}·•A-Za-z\s]+$/u.test(value) ? null : { zh: '姓名只能包含汉字、字母和“·”。', en: 'A name has Chinese characters, letters and “·” only.' };
    case 'nation':
      return /^\d{2}$/.test(value) ? null : { zh: '请选择民族。', en: 'Choose an ethnic group.' };
    case 'bank-account':
      return checkBankAccount(value);
    case 'text':
    case 'address':
      return null;
  }
}

export interface FormInput {
  readonly answers: Answers;
  readonly subItems: readonly string[];
  readonly values: FormValues;
  readonly identity?: Identity;
  readonly today: Date;
  readonly sources?: PrefillSources;
}

/** Every problem with the form, one per field, in form order. Card fields are checked as the card gives them. */
export function validateForm(wired: WiredJourney, input: FormInput): FieldProblem[] {
  const sources = input.sources ?? {};
  const values = prefill(wired, input.identity, input.values, sources);
  const fields = formFields(wired, input.answers, input.subItems);
  const counted = effectiveAnswers(wired, input.answers);
  const out: FieldProblem[] = [];
  for (const f of fields) {
    const path = `form.${f.id}`;
    const value = (values[f.id] ?? '').trim();
    if (value === '') {
      if (f.required) out.push({ path, message: `请填写“${f.label.zh}”。`, messageEn: `Please fill in “${f.label.en}”.` });
      continue;
    }
    // The card is authoritative (the reader checked it); an older foreigner card number is not GB 11643, and
    // the resident cannot change what the card says anyway. So is the registry.
    if (isFilledFromSource(wired, f, input.identity, sources)) continue;
    if (f.maxLength !== undefined && Array.from(value).length > f.maxLength) {
      out.push({ path, message: `“${f.label.zh}”最多${f.maxLength}个字，请缩短。`, messageEn: `“${f.label.en}” takes at most ${f.maxLength} characters.` });
      continue;
    }
    out.push(...toProblem(path, checkField(f, value, values, input.today, fields, counted)));
  }
  return out;
}

// ——— 材料最简化: materials ———

/** How a material was provided; the host fills in what the platform needs. */
export type ProvidedMaterial =
  | { readonly kind: 'e-certificate'; readonly materialId: string; readonly certificateNumber: string }
  | { readonly kind: 'attachment'; readonly materialId: string; readonly sha256: string; readonly mediaType: 'image/jpeg' | 'image/png' | 'application/pdf'; readonly bytes: number }
  | { readonly kind: 'commitment'; readonly materialId: string };

export interface MaterialStatus {
  readonly material: MaterialDef;
  readonly provided: ProvidedMaterial | undefined;
  /** What the resident may still do for it. */
  readonly options: readonly ('e-certificate' | 'capture' | 'commitment')[];
}

/** Every material these sub-items need, with how it was provided (if it was) and what can still be done. */
export function materialsFor(
  wired: WiredJourney,
  answers: Answers,
  subItems: readonly string[],
  provided: readonly ProvidedMaterial[],
  /** Parties present who consented: a material they waive (`waivedByParty`) is not needed. */
  presentParties: ReadonlySet<string> = new Set(),
): MaterialStatus[] {
  const counted = effectiveAnswers(wired, answers);
  return wired.materials
    .filter((m) => fieldApplies(m, counted, subItems) && !(m.waivedByParty && presentParties.has(m.waivedByParty)))
    .map((material) => {
      const given = provided.find((p) => p.materialId === material.id);
      const usable = given && (given.kind !== 'commitment' || material.commitmentAllowed) && (given.kind !== 'e-certificate' || material.exemptedBy !== undefined);
      const options: ('e-certificate' | 'capture' | 'commitment')[] = [];
      if (material.exemptedBy !== undefined) options.push('e-certificate');
      if (material.capturable) options.push('capture');
      if (material.commitmentAllowed) options.push('commitment');
      return { material, provided: usable ? given : undefined, options };
    });
}

/** The materials still missing, as problems the materials screen can show. */
export function missingMaterials(statuses: readonly MaterialStatus[]): FieldProblem[] {
  return statuses
    .filter((s) => !s.provided)
    .map((s) => ({
      path: `materials.${s.material.id}`,
      message: s.options.includes('commitment')
        ? `还需要“${s.material.name.zh}”：可调取电子证照、用摄像头拍照，或签署告知承诺后补交。`
        : `还需要“${s.material.name.zh}”：请调取电子证照或用摄像头拍照。`,
      messageEn: s.options.includes('commitment')
        ? `“${s.material.name.en}” is still needed: fetch the e-certificate, photograph it, or sign a commitment to bring it later.`
        : `“${s.material.name.en}” is still needed: fetch the e-certificate or photograph it.`,
    }));
}
