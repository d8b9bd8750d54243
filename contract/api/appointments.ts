import { z } from 'zod';
import {
  AppointmentSchema,
  BookRefusalCodeSchema,
  CancelRefusalCodeSchema,
  HallIdSchema,
  HallsResponseSchema,
  SlotsResponseSchema,
} from '../platform/appointments';
import { PrintOutcomeSchema } from '../receipt';
import { method } from './define';

/**
 * 预约 at a hall, for the resident whose ID card is on the reader. Every
 * method asks the platform live: a booking exists only once the platform
 * confirmed it. Offline, the answer is `platform-unreachable` and the screen
 * says so and offers 12345.
 */
export const BookAnswerSchema = z.discriminatedUnion('booked', [
  z.object({
    booked: z.literal(true),
    appointment: AppointmentSchema,
    /** The 预约凭条 on the receipt printer: printed, or held with the slip for the screen. */
    slip: PrintOutcomeSchema,
  }),
  z.object({ booked: z.literal(false), code: BookRefusalCodeSchema, reason: z.string() }),
]);
export type BookAnswer = z.infer<typeof BookAnswerSchema>;

export const CancelAnswerSchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true), appointment: AppointmentSchema }),
  z.object({ cancelled: z.literal(false), code: CancelRefusalCodeSchema, reason: z.string() }),
]);

export const appointmentsMethods = {
  'appointments.halls': method({
    doc: 'The halls taking appointments and the rules (cancellation deadline, no-show limit).',
    input: z.object({}).strict(),
    output: HallsResponseSchema,
  }),
  'appointments.slots': method({
    doc: "A hall's slots of one day (default: the first bookable day), with places left, and the bookable days.",
    input: z.object({ hallId: HallIdSchema, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable() }).strict(),
    output: SlotsResponseSchema,
  }),
  'appointments.book': method({
    doc: 'Book a slot for the card holder (confirmed by the platform) and print the 预约凭条.',
    input: z
      .object({
        hallId: HallIdSchema,
        startsAt: z.iso.datetime({ offset: true }),
        /** The 一件事 the visit is for; null = a general window visit. */
        thingId: z.string().max(80).nullable(),
        /** The sub-item that needs the hall, when known. */
        subItemName: z.string().max(60).nullable(),
      })
      .strict(),
    output: BookAnswerSchema,
  }),
  'appointments.cancel': method({
    doc: "Cancel one of the card holder's appointments, until the deadline.",
    input: z.object({ appointmentNumber: z.string().min(4).max(40) }).strict(),
    output: CancelAnswerSchema,
  }),
  'appointments.mine': method({
    doc: "The card holder's appointments, newest first.",
    input: z.object({}).strict(),
    output: z.object({ appointments: z.array(AppointmentSchema) }),
  }),
  'appointments.printSlip': method({
    doc: 'Print the 预约凭条 of one of the card holder’s appointments again.',
    input: z.object({ appointmentNumber: z.string().min(4).max(40) }).strict(),
    output: PrintOutcomeSchema,
  }),
} as const;
