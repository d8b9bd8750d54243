import { z } from 'zod';
import { event, method } from './define';

/** The A4 documents a resident can take home (composed by the host, printed on the kiosk's CUPS queue). */
export const A4DocumentSchema = z.enum(['application-form', 'commitment', 'acceptance-notice', 'appointment-slip']);
export type A4Document = z.infer<typeof A4DocumentSchema>;

/** Why the A4 printer cannot print now (technician codes; the screen shows its own words for each). */
export const A4ProblemSchema = z.enum(['MEDIA-EMPTY', 'MEDIA-JAM', 'COVER-OPEN', 'TONER-EMPTY', 'OFFLINE', 'PAUSED', 'NOT-ACCEPTING', 'UNREACHABLE']);
export type A4ProblemCode = z.infer<typeof A4ProblemSchema>;

/** Worth telling (toner low, paper low), but the printer still prints: the screen says it calmly, the dashboard warns. */
export const A4WarningSchema = z.enum(['TONER-LOW', 'MEDIA-LOW']);
export type A4WarningCode = z.infer<typeof A4WarningSchema>;

export const A4PrinterViewSchema = z.object({
  /** False: this kiosk has no A4 printer (`devices.a4Printer` is none); the UI never offers A4. */
  fitted: z.boolean(),
  ready: z.boolean(),
  problem: A4ProblemSchema.nullable(),
  warnings: z.array(A4WarningSchema),
});
export type A4PrinterView = z.infer<typeof A4PrinterViewSchema>;

export const A4JobSchema = z.object({
  jobId: z.string(),
  document: A4DocumentSchema,
  /** waiting: kept until the printer is back (while this resident is here); printing: CUPS has it; printed: out of the printer. */
  status: z.enum(['waiting', 'printing', 'printed', 'dropped']),
  problem: A4ProblemSchema.nullable(),
});
export type A4Job = z.infer<typeof A4JobSchema>;

const applicationNumber = z.string().min(1).max(40);

export const a4Methods = {
  'a4.offer': method({
    doc: 'The A4 documents that apply to an application submitted in this session (告知承诺书 only with confirmed commitments), and the A4 printer now.',
    input: z.object({ applicationNumber }).strict(),
    output: z.object({ printer: A4PrinterViewSchema, documents: z.array(A4DocumentSchema) }),
  }),
  'a4.print': method({
    doc: 'Queue A4 documents of an application submitted in this session; each prints once, now or when the printer is back while the resident is still here.',
    input: z.object({ applicationNumber, documents: z.array(A4DocumentSchema).min(1).max(4) }).strict(),
    output: z.object({ printer: A4PrinterViewSchema, jobs: z.array(A4JobSchema) }),
  }),
  'a4.printAppointmentSlip': method({
    doc: 'Queue the 预约凭条 of one of this resident’s appointments on the A4 printer (when the kiosk has one).',
    input: z.object({ appointmentNumber: z.string().min(4).max(40) }).strict(),
    output: z.object({ printer: A4PrinterViewSchema, jobs: z.array(A4JobSchema) }),
  }),
  'a4.jobs': method({
    doc: 'This session’s A4 jobs and the A4 printer now.',
    input: z.object({}).strict(),
    output: z.object({ printer: A4PrinterViewSchema, jobs: z.array(A4JobSchema) }),
  }),
} as const;

export const a4Events = {
  'a4.printer': event({ sticky: true, doc: 'The A4 printer’s condition changed (ready, paper out, offline, queue paused; toner or paper low).', payload: A4PrinterViewSchema }),
  'a4.job': event({ doc: 'An A4 job of a session changed (waiting, printing, printed, dropped with its session).', payload: A4JobSchema.extend({ sessionId: z.string() }) }),
} as const;
