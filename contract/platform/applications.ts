import { z } from 'zod';
import { CardTypeSchema } from '../identity';
import { BatchResponseSchema, intakeItemSchema, MAX_BATCH_ITEMS, Sha256HexSchema } from './common';

/** Who applies. The platform needs it in clear (TLS on the wire); the kiosk encrypts it at rest. */
export const ApplicantSchema = z.object({
  cardType: CardTypeSchema,
  name: z.string().min(1).max(100),
  idNumber: z.string().min(6).max(32),
  phone: z.string().regex(/^1\d{10}$/, 'expected an 11-digit mobile number').optional(),
  address: z.string().max(200).optional(),
});
export type Applicant = z.infer<typeof ApplicantSchema>;

/** Enterprise 一件事 (企业开办 …): the legal representative or an agent (经办人) applies for the enterprise. */
export const EnterpriseSchema = z.object({
  unifiedSocialCreditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'expected an 18-character unified social credit code'),
  name: z.string().min(1).max(200),
  /**
   * True when the kiosk's registry lookup (`POST /v1/enterprises/lookup`) returned this code in the
   * applicant's session and the form carries the registry's values; false when typed offline (the
   * platform checks the code itself and gives its verdict on the progress screen).
   */
  verified: z.boolean().optional(),
  /** 企业类型 and 法定代表人 as registered (verified) or as typed. */
  type: z.string().max(100).optional(),
  legalRepresentative: z.string().max(100).optional(),
});

/** How a person established who they are at the kiosk: their card on the reader, or an e-ID QR verified by the platform. */
export const IdentityMethodSchema = z.enum(['card', 'qr']);
export type IdentityMethod = z.infer<typeof IdentityMethodSchema>;

/**
 * Another person in the application (the other parent, a spouse, the buyer…).
 * Present: they swiped their own card (or showed an e-ID QR) and confirmed
 * consent on screen at `consentedAt`. Not present (an optional party): their
 * data was typed into the form and nobody consented for them.
 */
export const PartyRecordSchema = z.discriminatedUnion('present', [
  z.object({
    role: z.string().min(1).max(40),
    present: z.literal(true),
    cardType: CardTypeSchema,
    name: z.string().min(1).max(100),
    idNumber: z.string().min(6).max(32),
    method: IdentityMethodSchema,
    consentedAt: z.string().datetime({ offset: true }),
  }),
  z.object({ role: z.string().min(1).max(40), present: z.literal(false) }),
]);
export type PartyRecord = z.infer<typeof PartyRecordSchema>;

/** How each required material was satisfied (材料最简化 / 容缺办理). */
export const MaterialSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('attachment'),
    materialCode: z.string().min(1),
    /** Uploaded beforehand via PUT /v1/attachments/{sha256}. */
    sha256: Sha256HexSchema,
    mediaType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    bytes: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('e-certificate'),
    materialCode: z.string().min(1),
    certificateTypeCode: z.string().min(1),
    certificateNumber: z.string().min(1),
  }),
  z.object({
    /** 告知承诺 + 容缺: the resident signed a commitment instead of providing it now. */
    kind: z.literal('commitment'),
    materialCode: z.string().min(1),
  }),
]);
export type Material = z.infer<typeof MaterialSchema>;

export const FormValueSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

/** 10 Crockford base32 characters (no I, L, O, U). */
export const ReceiptCodeSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{10}$/, 'expected the 10-character receipt code');

export const ApplicationPayloadSchema = z.object({
  /** 一件事 code from the catalog, e.g. `01` (新生儿出生). */
  itemCode: z.string().min(1).max(16),
  /** Sub-items (具体事项) chosen by the guided questions; the platform routes each to its department. */
  subItemCodes: z.array(z.string().min(1).max(32)).min(1).max(64),
  /** Catalog version the kiosk used, so the platform can tell a stale catalog from a bad request. */
  catalogVersion: z.string().min(1).max(64),
  applicant: ApplicantSchema,
  /** How the applicant identified (absent from kiosks older than e-ID support: card). */
  identityMethod: IdentityMethodSchema.optional(),
  /** The other people of the application, one per party the answers need. */
  parties: z.array(PartyRecordSchema).max(8).optional(),
  enterprise: EnterpriseSchema.optional(),
  /** 一表申请: the one consolidated form, field code → value. */
  form: z.record(z.string().min(1).max(64), FormValueSchema),
  materials: z.array(MaterialSchema).max(64),
  /** True when any material is a commitment (容缺办理), for the platform's follow-up. */
  commitmentSigned: z.boolean(),
  /** 帮代办: the clerk's staff id when a clerk applied on the resident's behalf. */
  assistedBy: z.string().max(64).nullable().optional(),
  /** The kiosk's own number printed on the receipt, e.g. `K0001-20261126-0042`. */
  localNumber: z.string().min(1).max(64),
  /** The code in the receipt QR (`c=`): the public progress page shows status details only to whoever holds it. */
  receiptCode: ReceiptCodeSchema.optional(),
});
export type ApplicationPayload = z.infer<typeof ApplicationPayloadSchema>;

export const ApplicationItemSchema = intakeItemSchema(ApplicationPayloadSchema);
export type ApplicationItem = z.infer<typeof ApplicationItemSchema>;

/**
 * POST /v1/applications/batch. The envelope is checked as a whole (400 when
 * it is not a batch); each item is checked on its own, so one malformed item
 * is rejected in its result while the others are accepted.
 */
export const ApplicationBatchRequestSchema = z.object({
  items: z.array(ApplicationItemSchema).min(1).max(MAX_BATCH_ITEMS),
});
export type ApplicationBatchRequest = z.infer<typeof ApplicationBatchRequestSchema>;

export const ApplicationBatchResponseSchema = BatchResponseSchema;
