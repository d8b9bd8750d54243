import { z } from 'zod';
import { MaskedIdentitySchema } from '../identity';
import { EidIssuerSchema } from '../platform/identity';
import { method } from './define';

/**
 * Who applies, beyond the applicant's own card: an e-ID QR instead of the
 * card, the other parties of an application swiping their own card and
 * consenting, and the enterprise named by its unified social credit code.
 * The host keeps every identity in its session (plaintext in memory only);
 * the renderer sees masked forms and names nobody itself.
 */

const partyId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/).max(40);

export const EnterpriseViewSchema = z.object({
  uscc: z.string(),
  name: z.string(),
  type: z.string(),
  legalRepresentative: z.string(),
});
export type EnterpriseView = z.infer<typeof EnterpriseViewSchema>;

export const identityMethods = {
  'identity.verifyQr': method({
    doc: 'Identify the resident with an e-ID QR (三晋通 / 网证) read by the scanner or camera: the platform verifies it (online only).',
    input: z.object({ code: z.string().min(1).max(2048) }).strict(),
    output: z.object({ identity: MaskedIdentitySchema, issuer: EidIssuerSchema }),
  }),
  'party.await': method({
    doc: 'The party screen of this journey is showing: the next card read belongs to this party (null: to the applicant again).',
    input: z.object({ partyId: partyId.nullable() }).strict(),
    output: z.object({ awaiting: z.string().nullable() }),
  }),
  'party.consent': method({
    doc: 'The party whose card was read confirmed consent on screen.',
    input: z.object({ partyId }).strict(),
    output: z.object({ partyId: z.string(), consentedAt: z.string() }),
  }),
  'party.skip': method({
    doc: 'An optional party is not here (对方不在场): their fields are typed instead; any card read for them is dropped.',
    input: z.object({ partyId }).strict(),
    output: z.object({ partyId: z.string(), present: z.literal(false) }),
  }),
  'enterprise.lookup': method({
    doc: 'Name the enterprise by USCC (typed, 营业执照 QR URL or 电子营业执照 code): online the registry fills the form and the application is verified.',
    input: z.object({ code: z.string().min(1).max(2048) }).strict(),
    output: z.object({
      uscc: z.string(),
      /** False: the platform could not be asked (offline); type the fields, the platform checks later. */
      online: z.boolean(),
      enterprise: EnterpriseViewSchema.nullable(),
    }),
  }),
  'devdock.eid.show': method({
    devOnly: true,
    doc: 'Dev dock: have the platform simulator issue an e-ID code for a fixture card and show it to the simulated scanner.',
    input: z.object({ cardId: z.string().min(1), issuer: EidIssuerSchema.default('sanjintong') }).strict(),
    output: z.object({ code: z.string(), expiresAt: z.string(), scanned: z.boolean() }),
  }),
} as const;
