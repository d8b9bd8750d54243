import { z } from 'zod';
import type { Catalog } from './catalog/schema';

/**
 * The code map: our codes → the province's. Ours are the catalog's 一件事
 * codes ("01"–"27"), sub-item codes ("18-03"), annex-3 e-certificate type
 * codes ("EC001"–"EC143") and the journeys' material ids ("birthCertificate");
 * the province's are its 事项编码, 证照类型代码 and 材料编码. One JSON file
 * beside the adapter (docs/platform-api.md), checked at start against the
 * active catalog.
 */
const provinceCode = z.string().min(1, 'expected a non-empty province code').max(64);
const table = (ours: RegExp, what: string) =>
  z.record(z.string().regex(ours, `expected ${what} as the key`), provinceCode).default({});

export const CodeMapSchema = z
  .object({
    format: z.literal('onething-kiosk/code-map@1', { message: "expected format 'onething-kiosk/code-map@1'" }),
    /** Whose codes these are, e.g. 山西省政务服务平台 (logs and the dashboard). */
    province: z.string().min(1).max(80),
    oneThings: table(/^\d{2}$/, 'a two-digit 一件事 code'),
    subItems: table(/^\d{2}-\d{2}$/, 'a sub-item code NN-NN'),
    eCertificates: table(/^EC\d{3}$/, 'an annex-3 code ECnnn'),
    materials: table(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a material id'),
  })
  .strict();
export type CodeMapFile = z.infer<typeof CodeMapSchema>;

export type CodeKind = 'oneThings' | 'subItems' | 'eCertificates' | 'materials';
export const CODE_KINDS: readonly CodeKind[] = ['oneThings', 'subItems', 'eCertificates', 'materials'];

/** A code with no mapping: the adapter cannot say it to the province. */
export class UnmappedCodeError extends Error {
  constructor(
    readonly kind: CodeKind,
    readonly code: string,
    direction: 'ours' | 'theirs',
  ) {
    super(direction === 'ours' ? `code map: no province code for ${kind} ${code}` : `code map: the province's ${kind} code ${code} maps to none of ours`);
  }
}

/** Both directions of one loaded map. Lookups throw `UnmappedCodeError` (an adapter turns it into a per-item outcome). */
export class CodeMap {
  private readonly back: Record<CodeKind, Map<string, string>>;

  constructor(readonly file: CodeMapFile) {
    this.back = { oneThings: new Map(), subItems: new Map(), eCertificates: new Map(), materials: new Map() };
    for (const kind of CODE_KINDS) {
      for (const [ours, theirs] of Object.entries(file[kind])) {
        const other = this.back[kind].get(theirs);
        if (other !== undefined) throw new Error(`${kind}: ${ours} and ${other} both map to ${theirs}; the province's codes must be distinct`);
        this.back[kind].set(theirs, ours);
      }
    }
  }

  get province(): string {
    return this.file.province;
  }

  toProvince(kind: CodeKind, ours: string): string {
    const theirs = this.file[kind][ours];
    if (theirs === undefined) throw new UnmappedCodeError(kind, ours, 'ours');
    return theirs;
  }

  fromProvince(kind: CodeKind, theirs: string): string {
    const ours = this.back[kind].get(theirs);
    if (ours === undefined) throw new UnmappedCodeError(kind, theirs, 'theirs');
    return ours;
  }
}

/** Every code the kiosk could send with this catalog and these material ids, by kind. */
export function codesWeSend(catalog: Catalog, materialIds: Iterable<string>): Record<CodeKind, string[]> {
  return {
    oneThings: catalog.oneThings.map((t) => t.code),
    subItems: catalog.oneThings.flatMap((t) => t.subItems.map((s) => s.code)),
    eCertificates: catalog.eCertificates.map((c) => c.code),
    materials: [...new Set(materialIds)].sort(),
  };
}

/** The codes with no mapping, as `kind code` strings (empty when the map covers everything we could send). */
export function missingCodes(map: CodeMap, catalog: Catalog, materialIds: Iterable<string>): string[] {
  const sent = codesWeSend(catalog, materialIds);
  return CODE_KINDS.flatMap((kind) => sent[kind].filter((code) => map.file[kind][code] === undefined).map((code) => `${kind} ${code}`));
}

/** One line for the log or the refusal at start: how many are missing and the first few. */
export function describeMissing(missing: readonly string[], file: string, shown = 8): string {
  const more = missing.length > shown ? ` and ${missing.length - shown} more` : '';
  return `code map ${file} has no province code for ${missing.length} code(s) the kiosk can send: ${missing.slice(0, shown).join(', ')}${more}`;
}

/** The material ids the wired journeys can send (`materialCode` of a payload). */
export function materialIdsOf(journeys: readonly { readonly wired?: { readonly materials: readonly { readonly id: string }[] } | undefined }[]): string[] {
  return journeys.flatMap((j) => (j.wired ? j.wired.materials.map((m) => m.id) : []));
}
