import { z } from 'zod';
import { MaskedIdentitySchema } from '../identity';
import { event } from './define';

export const idcardEvents = {
  'idcard.presented': event({
    doc: 'A card was read: the resident is identified for this session (masked here; the host keeps the rest).',
    payload: z.object({
      identity: MaskedIdentitySchema,
      /** GB 11643 check digit: false = the number on the card does not check out. */
      idNumberValid: z.boolean(),
      /** `placeholder` when no WLT decoder is installed. */
      photo: z.enum(['placeholder', 'decoded']),
    }),
  }),
  'idcard.removed': event({
    doc: 'The card left the reader.',
    payload: z.object({}),
  }),
  'idcard.readFailed': event({
    doc: 'A card was seen but could not be read; `message` is for the resident, `code` for technicians (e.g. SW3-41).',
    payload: z.object({ message: z.string(), code: z.string() }),
  }),
} as const;
