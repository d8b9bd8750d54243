import { AFTER_DEATH } from './data/after-death';
import { BANKRUPTCY_CHECK } from './data/bankruptcy-check';
import { BUSINESS_CHANGE } from './data/business-change';
import { BUSINESS_DEREGISTRATION } from './data/business-deregistration';
import { BUSINESS_LICENSING } from './data/business-licensing';
import { BUSINESS_REAL_ESTATE } from './data/business-real-estate';
import { BUSINESS_START } from './data/business-start';
import { CARE_HOME_SUBSIDIES } from './data/care-home-subsidies';
import { CREDIT_REPAIR } from './data/credit-repair';
import { DEVELOPMENT_ZONE_PROJECT_START } from './data/development-zone-project-start';
import { DISABILITY_SERVICES } from './data/disability-services';
import { ELDERLY_CARE } from './data/elderly-care';
import { FLEXIBLE_EMPLOYMENT } from './data/flexible-employment';
import { HIRING_STAFF } from './data/hiring-staff';
import { LISTING_COMPLIANCE_CHECK } from './data/listing-compliance-check';
import { MARRIAGE_AND_CHILDBEARING } from './data/marriage-and-childbearing';
import { MILITARY_DISCHARGE } from './data/military-discharge';
import { NEWBORN } from './data/newborn';
import { RESTAURANT } from './data/restaurant';
import { RETIREMENT } from './data/retirement';
import { ROAD_EXCAVATION } from './data/road-excavation';
import { SCHOOL_ENROLMENT } from './data/school-enrolment';
import { SECOND_HAND_HOME_TRANSFER } from './data/second-hand-home-transfer';
import { SOCIAL_SECURITY_CARD_SERVICES } from './data/social-security-card-services';
import { TEACHER_QUALIFICATION } from './data/teacher-qualification';
import { TRANSPORT_BUSINESS } from './data/transport-business';
import { UTILITY_CONNECTION } from './data/utility-connection';
import type { Journey } from './schema';

export * from './schema';
export * from './engine';
export * from './payload';
export { holds, questionsOf } from './conditions';
export { checkJourney } from './consistency';

/** Journeys wired end to end at the kiosk: all 27 of annex 1, in annex order. */
export const WIRED_JOURNEYS: readonly Journey[] = [
  BUSINESS_START,
  BUSINESS_LICENSING,
  HIRING_STAFF,
  BUSINESS_REAL_ESTATE,
  FLEXIBLE_EMPLOYMENT,
  MARRIAGE_AND_CHILDBEARING,
  SECOND_HAND_HOME_TRANSFER,
  MILITARY_DISCHARGE,
  AFTER_DEATH,
  BUSINESS_CHANGE,
  TRANSPORT_BUSINESS,
  RESTAURANT,
  UTILITY_CONNECTION,
  CREDIT_REPAIR,
  LISTING_COMPLIANCE_CHECK,
  BANKRUPTCY_CHECK,
  BUSINESS_DEREGISTRATION,
  NEWBORN,
  SCHOOL_ENROLMENT,
  SOCIAL_SECURITY_CARD_SERVICES,
  DISABILITY_SERVICES,
  RETIREMENT,
  TEACHER_QUALIFICATION,
  ROAD_EXCAVATION,
  ELDERLY_CARE,
  CARE_HOME_SUBSIDIES,
  DEVELOPMENT_ZONE_PROJECT_START,
];

/** One journey per 一件事 of the catalog. Every one is wired; a new 一件事 may start as a guide only (no `wired` part). */
export const JOURNEYS: readonly Journey[] = WIRED_JOURNEYS;

const byThing = new Map(JOURNEYS.map((j) => [j.oneThing, j]));

export function journeyFor(oneThingId: string): Journey | undefined {
  return byThing.get(oneThingId);
}
