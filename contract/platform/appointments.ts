import { z } from 'zod';
import { ClientIdSchema, IsoTimeSchema } from './common';

/**
 * 预约办理 (appointments at a hall). The platform owns the calendar: halls,
 * slots and their capacity, the cancellation deadline and the no-show rule.
 * A booking exists only once the platform confirmed it (never queued offline).
 */

export const HallIdSchema = z.string().regex(/^[a-z0-9-]{2,40}$/, 'expected a hall id (lower-case letters, digits, -)');

export const HallSchema = z.object({
  hallId: HallIdSchema,
  name: z.string().min(1).max(60),
  nameEn: z.string().min(1).max(120),
  address: z.string().min(1).max(120),
  /** People served per 30-minute slot. */
  capacityPerSlot: z.number().int().min(1).max(100),
});
export type Hall = z.infer<typeof HallSchema>;

export const AppointmentRulesSchema = z.object({
  /** Cancelling is possible until this many minutes before the slot starts. */
  cancelBeforeMinutes: z.number().int().min(0),
  /** This many missed appointments within `noShowWindowDays` blocks new bookings. */
  noShowLimit: z.number().int().min(1),
  noShowWindowDays: z.number().int().min(1),
  /** How many days ahead slots are offered. */
  bookAheadDays: z.number().int().min(1),
  slotMinutes: z.number().int().min(5),
});
export type AppointmentRules = z.infer<typeof AppointmentRulesSchema>;

export const HallsResponseSchema = z.object({ halls: z.array(HallSchema), rules: AppointmentRulesSchema });
export type HallsResponse = z.infer<typeof HallsResponseSchema>;

export const SlotsRequestSchema = z.object({
  hallId: HallIdSchema,
  /** Beijing-time calendar day, YYYY-MM-DD. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
});

export const SlotSchema = z.object({
  startsAt: IsoTimeSchema,
  endsAt: IsoTimeSchema,
  capacity: z.number().int().min(1),
  remaining: z.number().int().min(0),
});
export type Slot = z.infer<typeof SlotSchema>;

export const SlotsResponseSchema = z.object({
  hallId: HallIdSchema,
  day: z.string(),
  /** Working days only; empty on weekends and outside the booking window. */
  slots: z.array(SlotSchema),
  /** The bookable days (Beijing time) from today. */
  days: z.array(z.string()),
});
export type SlotsResponse = z.infer<typeof SlotsResponseSchema>;

export const AppointmentStatusSchema = z.enum(['booked', 'cancelled', 'attended', 'no-show']);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

export const AppointmentNumberSchema = z.string().regex(/^YY\d{8}-\d{4}$/, 'expected YY + 8 digits + - + 4 digits');

export const AppointmentSchema = z.object({
  appointmentNumber: AppointmentNumberSchema,
  hallId: HallIdSchema,
  hallName: z.string(),
  startsAt: IsoTimeSchema,
  endsAt: IsoTimeSchema,
  /** Until then a cancellation is accepted. */
  cancelDeadline: IsoTimeSchema,
  itemCode: z.string().max(16).nullable(),
  /** What the visit is for, e.g. the 一件事 or sub-item name. */
  purpose: z.string().max(80),
  holderNameMasked: z.string().max(20),
  status: AppointmentStatusSchema,
  bookedAt: IsoTimeSchema,
});
export type Appointment = z.infer<typeof AppointmentSchema>;

export const BookRequestSchema = z.object({
  /** Idempotency: the same clientId books once. */
  clientId: ClientIdSchema,
  holderIdNumber: z.string().min(6).max(32),
  holderNameMasked: z.string().min(1).max(20),
  hallId: HallIdSchema,
  startsAt: IsoTimeSchema,
  itemCode: z.string().max(16).nullable(),
  purpose: z.string().min(1).max(80),
});
export type BookRequest = z.infer<typeof BookRequestSchema>;

export const BookRefusalCodeSchema = z.enum(['slot-full', 'unknown-hall', 'no-such-slot', 'slot-past', 'already-booked', 'no-show-limit']);
export type BookRefusalCode = z.infer<typeof BookRefusalCodeSchema>;

export const BookResponseSchema = z.discriminatedUnion('booked', [
  z.object({ booked: z.literal(true), appointment: AppointmentSchema }),
  /** `reason`: plain Chinese for the resident. */
  z.object({ booked: z.literal(false), code: BookRefusalCodeSchema, reason: z.string() }),
]);
export type BookResponse = z.infer<typeof BookResponseSchema>;

export const CancelRequestSchema = z.object({
  appointmentNumber: AppointmentNumberSchema,
  /** Only the holder cancels: the number alone is not enough. */
  holderIdNumber: z.string().min(6).max(32),
});

export const CancelRefusalCodeSchema = z.enum(['not-found', 'past-deadline', 'not-active']);
export const CancelResponseSchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true), appointment: AppointmentSchema }),
  z.object({ cancelled: z.literal(false), code: CancelRefusalCodeSchema, reason: z.string() }),
]);
export type CancelResponse = z.infer<typeof CancelResponseSchema>;

export const HolderQuerySchema = z.object({ holderIdNumber: z.string().min(6).max(32) });
export const HolderAppointmentsResponseSchema = z.object({ appointments: z.array(AppointmentSchema) });
export type HolderAppointmentsResponse = z.infer<typeof HolderAppointmentsResponseSchema>;

/** 办件查询 across channels: every case the platform holds for one ID number (any kiosk, any hall window). */
export const FilingChannelSchema = z.enum(['kiosk', 'window']);
export const HolderCaseSchema = z.object({
  platformNumber: z.string(),
  itemCode: z.string().nullable(),
  thingName: z.string(),
  channel: FilingChannelSchema,
  /** Kiosk id or the hall and window where it was filed. */
  filedAt: z.string().max(80),
  receivedAt: IsoTimeSchema,
  subItems: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      department: z.string(),
      state: z.enum(['received', 'in-review', 'completed', 'returned']),
      result: z.string().optional(),
    }),
  ),
});
export type HolderCase = z.infer<typeof HolderCaseSchema>;
export const HolderCasesResponseSchema = z.object({ cases: z.array(HolderCaseSchema) });
export type HolderCasesResponse = z.infer<typeof HolderCasesResponseSchema>;
