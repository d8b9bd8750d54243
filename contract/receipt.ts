import { z } from 'zod';

/**
 * What a printed receipt (回执) carries. Built by the journey that submitted
 * the application, printed by the receipt service, shown on screen when the
 * printer cannot print. Personal data arrive here already masked.
 */
export const ReceiptSubItemSchema = z.object({
  /** 事项 name, e.g. 出生医学证明办理. */
  name: z.string().min(1).max(60),
  /** Responsible department, e.g. 县卫生健康局. */
  department: z.string().min(1).max(40),
});
export type ReceiptSubItem = z.infer<typeof ReceiptSubItemSchema>;

/** The local number doubles as the CODE128 payload: printable ASCII, kiosk id + per-kiosk sequence (SX-TY-0042-000123), short enough for readable bars. */
export const LocalApplicationNumberSchema = z
  .string()
  .regex(/^[A-Z0-9-]{6,40}$/, 'expected 6–40 capital letters, digits or dashes');

export const ReceiptDataSchema = z
  .object({
    /** 办件回执 (an application) or 预约凭条 (a hall appointment: number, time, hall). */
    kind: z.enum(['application', 'appointment']).default('application'),
    kioskId: z.string().min(1).max(40),
    servicePoint: z.string().min(1).max(60),
    /** 一件事 name, e.g. 新生儿出生"一件事". */
    oneThingName: z.string().min(1).max(40),
    subItems: z.array(ReceiptSubItemSchema).max(20).readonly(),
    /** Masked: 张*三. The composer refuses anything that looks unmasked. */
    applicantName: z.string().min(1).max(20),
    /** Masked: 140…1234. */
    applicantIdNumber: z.string().min(1).max(20),
    /**
     * The person the matter is for, when the resident typed their name (孩子姓名 for a newborn): the form's
     * label and the name, masked like the applicant's (王*䶮); characters beyond the BMP print as GB 18030.
     */
    subject: z.object({ label: z.string().min(1).max(12), name: z.string().min(1).max(20) }).strict().optional(),
    localNumber: LocalApplicationNumberSchema,
    /** ISO 8601. */
    submittedAt: z.iso.datetime({ offset: true }),
    /** Promised completion date (YYYY-MM-DD) or the guide's time-limit sentence; the composer wraps it. */
    deadline: z.string().min(1).max(200),
    /** Materials promised under 告知承诺 (容缺受理), to be handed in later: printed so the resident keeps the list. */
    commitments: z.array(z.string().min(1).max(60)).max(20).readonly().default([]),
    /** Encoded in the QR code: where a phone or this kiosk queries progress. */
    progressUrl: z.url({ protocol: /^https?$/ }).max(200),
    hotline: z.string().min(3).max(20).default('12345'),
  })
  .strict()
  .readonly();
export type ReceiptData = z.infer<typeof ReceiptDataSchema>;
export type ReceiptDataInput = z.input<typeof ReceiptDataSchema>;

/** Did the paper copy come out, or must the resident photograph the screen? */
export const PrintOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('printed'), jobId: z.string(), printedAt: z.string() }),
  z.object({
    status: z.literal('held'),
    jobId: z.string(),
    /** Technician code, e.g. PAPER-END, COVER-OPEN, OFFLINE. */
    reason: z.string(),
    /** Resident-facing: why no paper, and where to get a copy. */
    message: z.string(),
    receipt: ReceiptDataSchema,
  }),
]);
export type PrintOutcome = z.infer<typeof PrintOutcomeSchema>;

/** Printer conditions shown to residents and technicians alike. */
export const PaperStateSchema = z.enum(['ok', 'near-end', 'end', 'unknown']);
export type PaperState = z.infer<typeof PaperStateSchema>;

export const PrinterConditionSchema = z.object({
  online: z.boolean(),
  paper: PaperStateSchema,
  coverOpen: z.boolean(),
  /** Cutter, mechanical or unrecoverable error. */
  error: z.string().nullable(),
  heldJobs: z.number().int().min(0),
});
export type PrinterCondition = z.infer<typeof PrinterConditionSchema>;

/**
 * The progress query URL of a receipt QR: the local number (`?n=`) and the
 * receipt's unguessable code (`&c=`) that lets a phone or a kiosk show the
 * status without the applicant's card. Shared by composer and scanner screens.
 */
export function progressQueryUrl(base: string, localNumber: string, code?: string): string {
  const url = new URL(base);
  url.searchParams.set('n', localNumber);
  if (code) url.searchParams.set('c', code);
  return url.toString();
}
