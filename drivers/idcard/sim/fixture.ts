import { z } from 'zod';
import { CardTypeSchema, GenderCodeSchema } from '../../../contract';

const ymd = z.string().regex(/^\d{8}$/, 'expected YYYYMMDD');

/**
 * A card the simulator can present, as a scripted JSON fixture. Fields are
 * what is printed on the card; the simulator encodes them into the GA/T 467
 * text block exactly as a reader would return them.
 */
export const CardFixtureSchema = z
  .object({
    /** File-independent handle used by the dev dock and tests, e.g. `resident-zhang`. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Shown in the dev dock (never a real person). */
    label: z.string().min(1),
    cardType: CardTypeSchema,
    name: z.string().min(1).max(15),
    nameEn: z.string().max(60).optional(),
    gender: GenderCodeSchema,
    nation: z.string().regex(/^\d{2}$/).optional(),
    nationality: z.string().regex(/^[A-Z]{3}$/).optional(),
    birth: ymd,
    address: z.string().max(35).default(''),
    number: z.string().min(1).max(18),
    authority: z.string().max(15).default(''),
    validFrom: ymd,
    /** YYYYMMDD or 长期. */
    validTo: z.union([ymd, z.literal('长期')]),
    passNumber: z.string().max(9).optional(),
    issueCount: z.string().max(2).optional(),
  })
  .strict();
export type CardFixture = z.infer<typeof CardFixtureSchema>;
