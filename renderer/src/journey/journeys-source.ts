import { journeyFor as catalogJourney } from '../../../contract/journeys';
import type { Journey } from '../../../contract/journeys/schema';

/** The journey data of a 一件事: wired end to end, or its guide only; null when the catalog has no such 一件事. */
export function journeyFor(thingId: string): Journey | null {
  return catalogJourney(thingId) ?? null;
}
