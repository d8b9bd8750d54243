import { z } from 'zod';
import { CatalogSchema, type Catalog } from '../catalog/schema';

/**
 * GET /v1/catalog. The catalog travels as a string (`payload`, JSON text)
 * with an Ed25519 signature over exactly those UTF-8 bytes, so neither side
 * has to agree on a canonical JSON form. `ETag` is `"` + SHA-256 hex of
 * `payload` + `"`; `If-None-Match` with it answers 304 with no body.
 * The kiosk verifies with the pinned platform key before using anything,
 * and keeps its previous catalog when verification fails.
 */
export const SignedCatalogSchema = z.object({
  /** JSON text of a `Catalog` (`CatalogDocumentSchema`). */
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
 * The parsed payload is a `Catalog` (`contract/catalog/schema.ts`): the
 * 27 一件事 and the 143 e-certificate types. Its `version` is what
 * applications carry as `catalogVersion`.
 */
export const CatalogDocumentSchema = CatalogSchema;
export type CatalogDocument = Catalog;

export const CATALOG_SIGNATURE_ALG = 'ed25519';
