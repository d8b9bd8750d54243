import { CORRECTIONS } from './corrections';
import { E_CERTIFICATES } from './e-certificates';
import { ONE_THINGS } from './one-things';
import type { Catalog, ECertificateType, OneThing } from './schema';

export * from './schema';
export { LIFE_EVENTS } from './life-events';
export { departmentNameEn, subItemNameEn } from './english';

/** The built-in catalog. `version` changes whenever the data does. */
export const CATALOG: Catalog = {
  version: '2024-8.1',
  source: '山西省人民政府 晋政发〔2024〕8号 附件1、附件3',
  oneThings: ONE_THINGS,
  eCertificates: E_CERTIFICATES,
  corrections: CORRECTIONS,
};

/**
 * Check services (信用修复, 企业上市合法合规信息核查, 企业破产信息核查): the
 * application asks departments for a finding, and what they found comes
 * back with each sub-item's status, shown on the progress screen.
 */
export const CHECK_SERVICE_CODES: ReadonlySet<string> = new Set(['14', '15', '16']);

const byId = new Map(ONE_THINGS.map((t) => [t.id, t]));
const byNumber = new Map(E_CERTIFICATES.map((c) => [c.number, c]));

export function oneThingById(id: string): OneThing | undefined {
  return byId.get(id);
}

export function eCertificateByNumber(n: number): ECertificateType | undefined {
  return byNumber.get(n);
}

/** Lead departments (★) of a 一件事, in annex order, without repeats. */
export function leadDepartments(thing: OneThing): string[] {
  return [...new Set(thing.subItems.flatMap((s) => s.departments.filter((d) => d.lead).map((d) => d.name)))];
}

/** All departments of a 一件事, in annex order, without repeats. */
export function allDepartments(thing: OneThing): string[] {
  return [...new Set(thing.subItems.flatMap((s) => s.departments.map((d) => d.name)))];
}

export { createCatalogSearch, normalizeQuery, type CatalogSearch, type SearchHit } from './search';
export { SEARCH_KEYWORDS } from './keywords';
