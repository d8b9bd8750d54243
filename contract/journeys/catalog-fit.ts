import { CATALOG } from '../catalog';
import type { Catalog } from '../catalog/schema';
import { checkJourney } from './consistency';
import { JOURNEYS } from './index';

/**
 * What a catalog update may change, and what it may not: texts (names,
 * English, notes, deadlines), departments and their ★, and sub-item names
 * are data; the journey engine's code depends on the 一件事 ids and codes,
 * each 一件事's sub-item codes (rules, materials and form fields name them)
 * and the annex-3 certificate types (materials are exempted by number, the
 * platform is sent the code, lookups match by name). Returns one line per
 * thing the journeys could not run with, empty when the update fits.
 */
export function catalogFitsJourneys(catalog: Catalog, builtIn: Catalog = CATALOG): string[] {
  const out: string[] = [];
  const byId = new Map(catalog.oneThings.map((t) => [t.id, t]));
  if (byId.size !== catalog.oneThings.length) out.push('a 一件事 id appears twice');
  for (const base of builtIn.oneThings) {
    const thing = byId.get(base.id);
    if (!thing) {
      out.push(`一件事 ${base.id} (${base.name}) is missing`);
      continue;
    }
    if (thing.code !== base.code) out.push(`一件事 ${base.id}: code ${thing.code} instead of ${base.code}`);
    if (thing.audience !== base.audience) out.push(`一件事 ${base.id}: audience ${thing.audience} instead of ${base.audience}`);
    const codes = thing.subItems.map((s) => s.code).sort();
    const baseCodes = base.subItems.map((s) => s.code).sort();
    if (codes.join(',') !== baseCodes.join(',')) out.push(`一件事 ${base.id}: sub-items ${codes.join(',')} instead of ${baseCodes.join(',')}`);
  }
  for (const t of catalog.oneThings) if (!builtIn.oneThings.some((b) => b.id === t.id)) out.push(`一件事 ${t.id} has no journey on this kiosk`);
  const certs = new Map(catalog.eCertificates.map((c) => [c.number, c]));
  for (const base of builtIn.eCertificates) {
    const c = certs.get(base.number);
    if (!c || c.code !== base.code || c.name !== base.name) out.push(`e-certificate type ${base.number} (${base.code} ${base.name}) changed or missing`);
  }
  for (const journey of JOURNEYS) {
    const thing = byId.get(journey.oneThing);
    if (thing) for (const line of checkJourney(journey, thing)) out.push(`${journey.oneThing}: ${line}`);
  }
  return out;
}
