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
  /**
   * Optional 国密 second signature over the same bytes: SM2 with SM3 and the
   * default user id `1234567812345678` (GB/T 35276), r‖s as 128 hex digits.
   * Verifiable in pure JS (sm-crypto), so also under Electron's BoringSSL.
   */
  sm2Signature: z
    .object({
      alg: z.literal('sm2-sm3'),
      keyId: z.string(),
      value: z.string().regex(/^[0-9a-f]{128}$/, 'expected r‖s as 128 lower-case hex digits'),
    })
    .optional(),
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
