import { eCertificateByNumber } from '../catalog';
import type { OneThing } from '../catalog/schema';
import { questionsOf } from './conditions';
import { type Condition, type Journey, JourneySchema, type Question } from './schema';

/**
 * Mistakes a journey data file can make that the schema cannot see: codes of
 * another 一件事, questions that do not exist, an answer no option gives, a
 * certificate not in annex 3. Returns one line per mistake, empty when sound.
 */
export function checkJourney(journey: Journey, thing: OneThing): string[] {
  const out: string[] = [];
  const parsed = JourneySchema.safeParse(journey);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (journey.oneThing !== thing.id) out.push(`journey is for ${journey.oneThing}, catalog item is ${thing.id}`);
  const wired = journey.wired;
  if (!wired) return out;

  const codes = new Set(thing.subItems.map((s) => s.code));
  const questions = new Map<string, Question>();
  for (const q of wired.questions) {
    if (questions.has(q.id)) out.push(`question ${q.id} declared twice`);
    questions.set(q.id, q);
    if (q.kind === 'choice' && !q.options) out.push(`choice question ${q.id} has no options`);
    if (q.kind === 'yes-no' && q.options) out.push(`yes-no question ${q.id} has options`);
  }

  const checkCondition = (where: string, c: Condition | undefined) => {
    if (!c) return;
    for (const id of questionsOf(c)) if (!questions.has(id)) out.push(`${where}: unknown question ${id}`);
    const visit = (x: Condition): void => {
      if ('all' in x) x.all.forEach(visit);
      else if ('any' in x) x.any.forEach(visit);
      else if ('not' in x) visit(x.not);
      else if ('question' in x) {
        const q = questions.get(x.question);
        if (!q) return;
        const values = 'equals' in x ? [x.equals] : x.oneOf;
        for (const v of values) {
          const fits = q.kind === 'yes-no' ? typeof v === 'boolean' : q.options?.some((o) => o.value === v);
          if (!fits) out.push(`${where}: ${x.question} never answers ${String(v)}`);
        }
      }
    };
    visit(c);
  };
  const checkCodes = (where: string, list: readonly string[] | undefined) => {
    for (const c of list ?? []) if (!codes.has(c)) out.push(`${where}: sub-item ${c} is not part of ${thing.name}`);
  };

  for (const q of wired.questions) checkCondition(`question ${q.id}`, q.askIf);
  const ruled = new Set<string>();
  for (const r of wired.subItemRules) {
    checkCodes('rule', [r.subItem]);
    if (ruled.has(r.subItem)) out.push(`sub-item ${r.subItem} has two rules`);
    ruled.add(r.subItem);
    checkCondition(`rule ${r.subItem}`, r.when);
  }
  for (const s of thing.subItems) if (!ruled.has(s.code)) out.push(`sub-item ${s.code} ${s.name} has no rule`);

  const visits = new Set<string>();
  for (const v of wired.hallVisits ?? []) {
    checkCodes('hall visit', [v.subItem]);
    if (visits.has(v.subItem)) out.push(`sub-item ${v.subItem} has two hall visits`);
    visits.add(v.subItem);
    checkCondition(`hall visit ${v.subItem}`, v.when);
  }

  const parties = new Set<string>();
  for (const party of wired.parties ?? []) {
    if (parties.has(party.id)) out.push(`party ${party.id} declared twice`);
    parties.add(party.id);
    checkCondition(`party ${party.id}`, party.when);
  }

  const fields = new Map(wired.form.map((f) => [f.id, f]));
  if (fields.size !== wired.form.length) out.push('a form field id is declared twice');
  for (const f of wired.form) {
    checkCondition(`field ${f.id}`, f.askIf);
    checkCodes(`field ${f.id}`, f.forSubItems);
    if ((f.type === 'choice' || f.type === 'gender') && !f.options) out.push(`field ${f.id} has no options`);
    for (const b of [f.notBefore, f.notAfter]) {
      if (b && 'field' in b && fields.get(b.field)?.type !== 'date') out.push(`field ${f.id}: bound ${b.field} is not a date field`);
    }
    for (const b of f.boundsIf ?? []) {
      checkCondition(`field ${f.id} boundsIf`, b.when);
      for (const x of [b.notBefore, b.notAfter]) {
        if (x && 'field' in x && fields.get(x.field)?.type !== 'date') out.push(`field ${f.id}: bound ${x.field} is not a date field`);
      }
    }
    if ((f.notBefore || f.notAfter || f.boundsIf) && f.type !== 'date') out.push(`field ${f.id}: date bounds on a ${f.type} field`);
    if (f.fromParty !== undefined && !parties.has(f.fromParty)) out.push(`field ${f.id}: unknown party ${f.fromParty}`);
    if (f.fromParty !== undefined && f.fromCard === undefined) out.push(`field ${f.id}: fromParty without fromCard`);
    if (f.fromEnterprise !== undefined && f.fromCard !== undefined) out.push(`field ${f.id}: both fromEnterprise and fromCard`);
  }

  const materialIds = new Set<string>();
  for (const m of wired.materials) {
    if (materialIds.has(m.id)) out.push(`material ${m.id} declared twice`);
    materialIds.add(m.id);
    checkCondition(`material ${m.id}`, m.askIf);
    checkCodes(`material ${m.id}`, m.forSubItems);
    if (m.exemptedBy !== undefined && !eCertificateByNumber(m.exemptedBy)) out.push(`material ${m.id}: no annex-3 certificate ${m.exemptedBy}`);
    if (m.exemptedBy === undefined && !m.capturable && !m.commitmentAllowed) out.push(`material ${m.id} can never be provided`);
    if (m.waivedByParty !== undefined && !parties.has(m.waivedByParty)) out.push(`material ${m.id}: unknown party ${m.waivedByParty}`);
  }

  const p = wired.payload;
  if (p.phoneField && fields.get(p.phoneField)?.type !== 'mobile') out.push(`payload.phoneField ${p.phoneField} is not a mobile field`);
  if (p.enterprise) {
    if (fields.get(p.enterprise.usccField)?.type !== 'uscc') out.push(`payload.enterprise.usccField is not a uscc field`);
    if (!fields.has(p.enterprise.nameField)) out.push(`payload.enterprise.nameField ${p.enterprise.nameField} is not a field`);
  }
  for (const q of Object.keys(p.answerKeys ?? {})) if (!questions.has(q)) out.push(`payload.answerKeys: unknown question ${q}`);
  return out;
}
