import { NEWBORN } from '../../../contract/journeys/data/newborn';
import type { Journey } from '../../../contract/journeys/schema';

/**
 * The journey data files by 一件事 id. Until a 一件事 has a data file the
 * screens show its catalog entry (sub-items, departments, deadline) and send
 * the resident to the hall.
 */
const JOURNEYS: readonly Journey[] = [NEWBORN];

const byThing = new Map(JOURNEYS.map((j) => [j.oneThing, j]));

export function journeyFor(thingId: string): Journey | null {
  return byThing.get(thingId) ?? null;
}
