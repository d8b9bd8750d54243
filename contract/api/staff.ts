import { z } from 'zod';
import { event, method } from './define';

/** 帮代办: a village clerk signs in and applies on a resident's behalf, with the resident's on-screen consent. */
export const StaffSchema = z.object({ staffId: z.string(), displayName: z.string(), signedInAt: z.string() });
export type Staff = z.infer<typeof StaffSchema>;

export const staffMethods = {
  'staff.signIn': method({
    doc: 'A clerk signs in with a staff PIN for assisted mode (the session keeps the clerk until it ends).',
    input: z.object({ staffId: z.string().regex(/^[A-Za-z0-9-]{2,20}$/, '工号为 2–20 位字母或数字'), pin: z.string().regex(/^\d{6}$/, 'PIN 为 6 位数字') }).strict(),
    output: StaffSchema,
  }),
  'staff.signInWithCard': method({
    doc: 'The clerk placed their own ID card (a registered staff card): sign in, then drop that card from the session so it never becomes the applicant.',
    input: z.object({}).strict(),
    output: StaffSchema,
  }),
  'staff.current': method({
    doc: 'The clerk signed in for assisted mode, or null.',
    input: z.object({}).strict(),
    output: StaffSchema.nullable(),
  }),
  'staff.signOut': method({
    doc: 'Leave assisted mode.',
    input: z.object({}).strict(),
    output: z.object({ signedOut: z.boolean() }),
  }),
} as const;

export const staffEvents = {
  'staff.changed': event({
    sticky: true,
    doc: 'The clerk of assisted mode signed in or out.',
    payload: StaffSchema.nullable(),
  }),
} as const;
