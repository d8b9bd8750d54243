import type { Answers } from '../../../contract';
import type { OneThing, SubItem } from '../../../contract/catalog';
import { oneThingById } from '../catalog/active-catalog';
import { applicableSubItems, formFields, materialsFor, partiesFor, questionsToAsk } from '../../../contract/journeys/engine';
import type { Field, Journey, MaterialDef, Party, Question, WiredJourney } from '../../../contract/journeys/schema';

/**
 * What the journey screens need from one 一件事, through the shared journey
 * engine: which questions to ask now, which sub-items, fields and materials
 * the answers lead to. Pure, so the screens and their unit tests share it.
 */
export interface JourneyModel {
  readonly thing: OneThing;
  readonly journey: Journey;
  readonly wired: WiredJourney | null;
  questions(answers: Answers): readonly Question[];
  subItems(answers: Answers): readonly SubItem[];
  fields(answers: Answers): readonly Field[];
  /** Materials needed; those waived by a party present and consenting (`waivedByParty`) are left out. */
  materials(answers: Answers, presentParties?: ReadonlySet<string>): readonly MaterialDef[];
  parties(answers: Answers): readonly Party[];
}

export function createJourneyModel(journey: Journey): JourneyModel | null {
  const thing = oneThingById(journey.oneThing);
  if (!thing) return null;
  const wired = journey.wired ?? null;
  const codes = (answers: Answers) => (wired ? applicableSubItems(thing, wired, answers) : []);
  return {
    thing,
    journey,
    wired,
    questions: (answers) => (wired ? questionsToAsk(wired, answers) : []),
    subItems: (answers) => {
      const c = new Set(codes(answers));
      return thing.subItems.filter((s) => c.has(s.code));
    },
    fields: (answers) => (wired ? formFields(wired, answers, codes(answers)) : []),
    materials: (answers, present) => (wired ? materialsFor(wired, answers, codes(answers), [], present).map((m) => m.material) : []),
    parties: (answers) => (wired ? partiesFor(wired, answers) : []),
  };
}

/** Steps counted on "第 N 步，共 M 步": each question, each other party, then form, materials, review, consent. */
export function stepCount(model: JourneyModel, answers: Answers): number {
  return model.questions(answers).length + model.parties(answers).length + 4;
}
