import { z } from 'zod';
import { IsoTimeSchema, KioskIdSchema } from './common';
import { HighestSeqsSchema } from './heartbeat';

/**
 * Device authentication. Each kiosk holds its own Ed25519 key pair; the
 * platform knows the public key (provisioned in demo, a keys file in
 * production). Every request except health and provisioning carries these
 * headers; the signature covers method, path with query, kiosk id,
 * timestamp, nonce and the SHA-256 of the exact body bytes.
 */
export const AUTH_HEADERS = {
  kioskId: 'x-kiosk-id',
  timestamp: 'x-kiosk-timestamp',
  nonce: 'x-kiosk-nonce',
  signature: 'x-kiosk-signature',
} as const;

/** A request older or newer than this (by the platform's wall clock) is refused as stale. */
export const SIGNATURE_MAX_SKEW_MS = 5 * 60 * 1000;

export const SIGNATURE_SCHEME = 'KIOSK-ED25519-V1';

export const SignedRequestHeadersSchema = z.object({
  [AUTH_HEADERS.kioskId]: KioskIdSchema,
  /** Unix epoch milliseconds, decimal. */
  [AUTH_HEADERS.timestamp]: z.string().regex(/^\d{13}$/, 'expected Unix epoch milliseconds (13 digits)'),
  /** 16–64 chars of base64url; never reused within the skew window. */
  [AUTH_HEADERS.nonce]: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected 16–64 base64url characters'),
  /** base64 of the 64-byte Ed25519 signature over `signingString(...)`. */
  [AUTH_HEADERS.signature]: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'expected base64 of 64 bytes'),
});
export type SignedRequestHeaders = z.infer<typeof SignedRequestHeadersSchema>;

export interface SigningInput {
  readonly method: string;
  /** Path and query exactly as sent, e.g. `/v1/status?cursor=0`. */
  readonly pathWithQuery: string;
  readonly kioskId: string;
  readonly timestamp: string;
  readonly nonce: string;
  /** Lower-case hex SHA-256 of the body bytes (of the empty string for GET). */
  readonly bodySha256: string;
}

/** The exact UTF-8 text both sides sign and verify. */
export function signingString(input: SigningInput): string {
  return [
    SIGNATURE_SCHEME,
    input.method.toUpperCase(),
    input.pathWithQuery,
    input.kioskId,
    input.timestamp,
    input.nonce,
    input.bodySha256,
  ].join('\n');
}

export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const Ed25519PublicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected base64 of a 32-byte Ed25519 public key');

/**
 * Demo/dev provisioning: a kiosk registers its own public key with a
 * one-time provisioning token. Production platforms load keys from a file
 * and answer 403 `provisioning-closed`.
 */
export const ProvisionRequestSchema = z.object({
  kioskId: KioskIdSchema,
  publicKey: Ed25519PublicKeySchema,
  servicePoint: z.string().min(1).max(100),
  provisioningToken: z.string().min(8).max(200),
});
export type ProvisionRequest = z.infer<typeof ProvisionRequestSchema>;

export const ProvisionResponseSchema = z.object({
  kioskId: KioskIdSchema,
  registeredAt: IsoTimeSchema,
  /** Key that signs catalogs and kiosk commands; the kiosk pins it. */
  platformPublicKey: Ed25519PublicKeySchema,
  platformKeyId: z.string(),
  /** SM2 public key (uncompressed, `04` + 128 hex) for the optional 国密 catalog signature. */
  platformSm2PublicKey: z.string().regex(/^04[0-9a-f]{128}$/, 'expected an uncompressed SM2 public key in hex').optional(),
  /** A re-provisioned kiosk (data folder wiped) continues its numbering after these. */
  highestSeqs: HighestSeqsSchema.optional(),
});
export type ProvisionResponse = z.infer<typeof ProvisionResponseSchema>;

/** Production keys file (`keys.json` in the platform data dir). */
export const KioskKeysFileSchema = z.object({
  kiosks: z.array(z.object({ kioskId: KioskIdSchema, publicKey: Ed25519PublicKeySchema, servicePoint: z.string() })),
});
export type KioskKeysFile = z.infer<typeof KioskKeysFileSchema>;

export { Ed25519PublicKeySchema };
