import { z } from 'zod';
import { MaskedIdentitySchema } from '../identity';
import { event, method } from './define';

export const SessionEndReasonSchema = z.enum(['idle', 'finished', 'home', 'card-removed', 'maintenance']);

/** How the resident established who they are: their card on the reader, or an e-ID QR the platform verified. */
export const IdentityMethodViewSchema = z.enum(['card', 'qr']);

/** Another person of the application, as screens may show them. */
export const SessionPartySchema = z.object({
  partyId: z.string(),
  identity: MaskedIdentitySchema,
  method: IdentityMethodViewSchema,
  consented: z.boolean(),
});
export type SessionParty = z.infer<typeof SessionPartySchema>;

export const SessionSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  /** Masked only: the renderer never receives the plaintext name or number unless a form needs it. */
  identity: MaskedIdentitySchema.nullable(),
  /** How `identity` was established (absent until identified). */
  method: IdentityMethodViewSchema.optional(),
  /** The party whose card the reader is waiting for (a party screen is showing), or null. */
  awaitingParty: z.string().nullable().optional(),
  /** Other parties read in this session, masked. */
  parties: z.array(SessionPartySchema).optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export const sessionMethods = {
  'session.begin': method({
    doc: 'A resident touched the attract screen: start a fresh session (ends any previous one).',
    input: z.object({}).strict(),
    output: SessionSchema,
  }),
  'session.current': method({
    doc: 'The active session, or null on the attract screen.',
    input: z.object({}).strict(),
    output: SessionSchema.nullable(),
  }),
  'session.end': method({
    doc: 'Wipe the session: identity, form data, print jobs and captures held for it.',
    input: z.object({ reason: SessionEndReasonSchema }).strict(),
    output: z.object({ ended: z.boolean() }),
  }),
} as const;

export const sessionEvents = {
  'session.changed': event({
    sticky: true,
    doc: 'The session began, was identified, or ended.',
    payload: SessionSchema.nullable(),
  }),
} as const;
