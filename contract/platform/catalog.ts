import { z } from 'zod';
import { IsoTimeSchema } from './common';

/**
 * GET /v1/catalog. The catalog travels as a string (`payload`, JSON text)
 * with an Ed25519 signature over exactly those UTF-8 bytes, so neither side
 * has to agree on a canonical JSON form. `ETag` is `"` + SHA-256 hex of
 * `payload` + `"`; `If-None-Match` with it answers 304 with no body.
 * The kiosk verifies with the pinned platform key before using anything,
 * and keeps its previous catalog when verification fails.
 */
export const SignedCatalogSchema = z.object({
  /** JSON text of `CatalogDocumentSchema`. */
  payload: z.string().min(2),
  signature: z.object({
    alg: z.literal('ed25519'),
    keyId: z.string(),
    /** base64, 64 bytes. */
    value: z.string(),
  }),
});
export type SignedCatalog = z.infer<typeof SignedCatalogSchema>;

/**
 * The parsed payload. `items` and `certificateTypes` follow the catalog
 * types in `contract/catalog/`; they are kept open here so a newer catalog
 * with extra fields still verifies on an older kiosk.
 */
export const CatalogDocumentSchema = z.object({
  version: z.string().min(1).max(64),
  issuedAt: IsoTimeSchema,
  items: z.array(z.looseObject({ code: z.string() })),
  certificateTypes: z.array(z.looseObject({ code: z.string(), name: z.string() })),
});
export type CatalogDocument = z.infer<typeof CatalogDocumentSchema>;

export const CATALOG_SIGNATURE_ALG = 'ed25519';
