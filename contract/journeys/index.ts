import { AFTER_DEATH } from './data/after-death';
import { BUSINESS_START } from './data/business-start';
import { DISABILITY_SERVICES } from './data/disability-services';
import { FLEXIBLE_EMPLOYMENT } from './data/flexible-employment';
import { UNWIRED_GUIDES } from './data/guides';
import { MARRIAGE_AND_CHILDBEARING } from './data/marriage-and-childbearing';
import { NEWBORN } from './data/newborn';
import { RETIREMENT } from './data/retirement';
import type { Journey } from './schema';

export * from './schema';
export * from './engine';
export * from './payload';
export { holds, questionsOf } from './conditions';
export { checkJourney } from './consistency';

/** Journeys wired end to end at the kiosk. */
export const WIRED_JOURNEYS: readonly Journey[] = [
  NEWBORN,
  RETIREMENT,
  AFTER_DEATH,
  FLEXIBLE_EMPLOYMENT,
  MARRIAGE_AND_CHILDBEARING,
  DISABILITY_SERVICES,
  BUSINESS_START,
];

/** One journey per 一件事 of the catalog: wired, or guide only. */
export const JOURNEYS: readonly Journey[] = [...WIRED_JOURNEYS, ...UNWIRED_GUIDES];

const byThing = new Map(JOURNEYS.map((j) => [j.oneThing, j]));

export function journeyFor(oneThingId: string): Journey | undefined {
  return byThing.get(oneThingId);
}
