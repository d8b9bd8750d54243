import { z } from 'zod';
import { CardTypeSchema } from '../identity';
import { method } from './define';

/** Faults the simulated ID-card reader can be told to commit (dev dock, tests). */
export const IdCardSimFaultSchema = z.enum([
  'checksum-error',
  'sw3-41',
  'sw3-31',
  'sw3-32',
  'sw3-40',
  'truncated-frame',
  'split-frames',
  'garbage-bytes',
  'slow-bytes',
  'no-reply',
]);
export type IdCardSimFault = z.infer<typeof IdCardSimFaultSchema>;

export const DevDockCardSchema = z.object({ id: z.string(), label: z.string(), cardType: CardTypeSchema });

/**
 * The dev dock: try the kiosk without hardware. Every method is refused in
 * production mode. Other peripherals keep their dock methods in their own
 * domain files (`receipts.simSet`, `scanner.simulate`).
 */
export const devdockMethods = {
  'devdock.idcard.cards': method({
    devOnly: true,
    doc: 'Fixture cards the simulated reader can present.',
    input: z.object({}).strict(),
    output: z.object({ available: z.boolean(), cards: z.array(DevDockCardSchema), inserted: z.string().nullable() }),
  }),
  'devdock.idcard.insert': method({
    devOnly: true,
    doc: 'Place a fixture card on the simulated reader.',
    input: z.object({ cardId: z.string().min(1) }).strict(),
    output: z.object({ inserted: z.string() }),
  }),
  'devdock.idcard.remove': method({
    devOnly: true,
    doc: 'Lift the card off the simulated reader.',
    input: z.object({}).strict(),
    output: z.object({ removed: z.boolean() }),
  }),
  'devdock.idcard.fault': method({
    devOnly: true,
    doc: 'Make the simulated reader misbehave once (or unplug it for `seconds`).',
    input: z.union([
      z.object({ fault: IdCardSimFaultSchema, times: z.number().int().min(1).max(20).default(1) }).strict(),
      z.object({ fault: z.literal('unplug'), seconds: z.number().min(0.1).max(30).default(3) }).strict(),
    ]),
    output: z.object({ applied: z.string() }),
  }),
} as const;
