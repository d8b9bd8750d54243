import { z } from 'zod';
import { MaskedIdentitySchema } from '../identity';
import { event, method } from './define';

export const SessionEndReasonSchema = z.enum(['idle', 'finished', 'home', 'card-removed', 'maintenance']);

export const SessionSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  /** Masked only: the renderer never receives the plaintext name or number unless a form needs it. */
  identity: MaskedIdentitySchema.nullable(),
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
