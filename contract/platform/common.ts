import { z } from 'zod';

/** Every platform API path starts here; a breaking change gets /v2. */
export const PLATFORM_API_PREFIX = '/v1';

/** Largest accepted request body of a batch or an attachment chunk (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Most items one batch may carry (the byte limit usually bites first). */
export const MAX_BATCH_ITEMS = 1000;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A client-generated UUIDv7 (lower case): the idempotency key of one outbox item, kept forever. */
export const ClientIdSchema = z.string().regex(UUID_V7, 'expected a lower-case UUIDv7');
export type ClientId = z.infer<typeof ClientIdSchema>;

/** Kiosk identity as provisioned, e.g. `SX-TY-XD-0001` (city, county, station, number). */
export const KioskIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, 'expected 3–64 letters, digits or -');
export type KioskId = z.infer<typeof KioskIdSchema>;

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits (SHA-256)');

export const IsoTimeSchema = z.iso.datetime({ offset: true });

/** The platform's case number, e.g. `SX2026112600000042`; printed on progress screens. */
export const PlatformNumberSchema = z.string().regex(/^SX\d{16}$/, 'expected SX + 16 digits');
export type PlatformNumber = z.infer<typeof PlatformNumberSchema>;

/** Every 4xx/5xx body. `issues` name the offending fields so a technician can fix the sender. */
export const PlatformErrorSchema = z.object({
  code: z.enum([
    'invalid-body',
    'invalid-query',
    'invalid-header',
    'body-too-large',
    'unauthorized',
    'stale-timestamp',
    'replayed-request',
    'bad-signature',
    'unknown-kiosk',
    'not-found',
    'conflict',
    'range-mismatch',
    'digest-mismatch',
    'unknown-certificate-type',
    'provisioning-closed',
    'rate-limited',
    'unavailable',
    'internal',
  ]),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Seconds, mirrored from the Retry-After header on 429/503. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type PlatformError = z.infer<typeof PlatformErrorSchema>;
export type PlatformErrorCode = PlatformError['code'];

/**
 * One outbox item in a batch. `seq` counts per kiosk and per stream
 * (applications, evaluations, feedback) from 1 without gaps, so the platform
 * can show a technician an item that never arrived.
 */
export function intakeItemSchema<P extends z.ZodType>(payload: P) {
  return z.object({
    clientId: ClientIdSchema,
    seq: z.number().int().positive(),
    /** When the resident was told "已提交" (kiosk clock). */
    createdAt: IsoTimeSchema,
    payload,
  });
}

export const AcceptedResultSchema = z.object({
  clientId: ClientIdSchema,
  outcome: z.literal('accepted'),
  status: z.literal(201),
  platformNumber: PlatformNumberSchema,
  receivedAt: IsoTimeSchema,
});

/** Same key, same payload, seen before: the original number, never a new record. */
export const DuplicateResultSchema = z.object({
  clientId: ClientIdSchema,
  outcome: z.literal('duplicate'),
  status: z.literal(200),
  platformNumber: PlatformNumberSchema,
  receivedAt: IsoTimeSchema,
});

/**
 * `permanent: true` → retrying the same bytes can never succeed (quarantine it);
 * `false` → retry later (e.g. an attachment not uploaded yet).
 * A reused key with a different payload is `status: 422`, code `idempotency-key-reused`.
 */
export const RejectedResultSchema = z.object({
  clientId: z.string(),
  outcome: z.literal('rejected'),
  status: z.union([z.literal(400), z.literal(409), z.literal(422), z.literal(503)]),
  code: z.enum([
    'invalid-item',
    'idempotency-key-reused',
    'unknown-catalog-item',
    'unknown-sub-item',
    'attachment-missing',
    'temporarily-unavailable',
  ]),
  reason: z.string(),
  permanent: z.boolean(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const ItemResultSchema = z.discriminatedUnion('outcome', [AcceptedResultSchema, DuplicateResultSchema, RejectedResultSchema]);
export type ItemResult = z.infer<typeof ItemResultSchema>;
export type RejectedResult = z.infer<typeof RejectedResultSchema>;

/** Results come back in request order, one per item, even when some items are garbage. */
export const BatchResponseSchema = z.object({
  results: z.array(ItemResultSchema),
});
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

/** What the platform checks of a batch as a whole before judging item by item. */
export const BatchEnvelopeSchema = z.object({
  items: z.array(z.unknown()).min(1).max(MAX_BATCH_ITEMS),
});
