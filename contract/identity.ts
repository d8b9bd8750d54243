import { z } from 'zod';
import { maskIdNumber, maskName } from './masking';

export { maskIdNumber, maskName } from './masking';

/** The three card layouts a GA/T 467 reader returns, told apart by text offset 248. */
export const CardTypeSchema = z.enum(['resident', 'foreign-permanent', 'hmt-residence']);
export type CardType = z.infer<typeof CardTypeSchema>;

/** GB/T 2261.1 */
export const GenderCodeSchema = z.enum(['0', '1', '2', '9']);

const yyyymmdd = z.string().regex(/^\d{8}$/, 'expected YYYYMMDD');

/** What the card says, parsed. Never logged; encrypted at rest. */
export const IdentitySchema = z.object({
  cardType: CardTypeSchema,
  name: z.string().min(1),
  /** Foreigner cards only. */
  nameEn: z.string().optional(),
  gender: GenderCodeSchema,
  /** GB/T 3304 code ('01'…'56', '97', '98'); absent on J and I cards. */
  nation: z.string().optional(),
  /** GB/T 2659 nationality, foreigner cards only. */
  nationality: z.string().optional(),
  birthDate: yyyymmdd,
  address: z.string(),
  idNumber: z.string().min(1),
  authority: z.string(),
  validFrom: yyyymmdd,
  /** null = 长期 (long-term). */
  validTo: yyyymmdd.nullable(),
  /** HK/Macau/Taiwan residence permit. */
  passNumber: z.string().optional(),
  issueCount: z.string().optional(),
  idNumberValid: z.boolean(),
  expired: z.boolean(),
});
export type Identity = z.infer<typeof IdentitySchema>;

/** What a screen others may see shows: 张*三, 140…1234. */
export const MaskedIdentitySchema = z.object({
  cardType: CardTypeSchema,
  name: z.string(),
  idNumber: z.string(),
  expired: z.boolean(),
});
export type MaskedIdentity = z.infer<typeof MaskedIdentitySchema>;

export function maskIdentity(identity: Identity): MaskedIdentity {
  return {
    cardType: identity.cardType,
    name: maskName(identity.name),
    idNumber: maskIdNumber(identity.idNumber),
    expired: identity.expired,
  };
}
