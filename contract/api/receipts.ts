import { z } from 'zod';
import { PaperStateSchema, PrintOutcomeSchema, PrinterConditionSchema, ReceiptDataSchema } from '../receipt';
import { event, method } from './define';
import { MaintenanceTokenSchema } from './maintenance';

/** The receipt printer as the UI sees it: conditions, held jobs, and (demo) the virtual printer's paper. */
export const HeldReceiptSchema = z.object({
  jobId: z.string(),
  reason: z.string(),
  message: z.string(),
  receipt: ReceiptDataSchema,
  heldAt: z.string(),
});
export type HeldReceipt = z.infer<typeof HeldReceiptSchema>;

export const PrintedPaperSchema = z.object({
  seq: z.number().int(),
  /** False when paper end, cover or an error tore the job. */
  complete: z.boolean(),
  at: z.string(),
  /** `data:image/png;base64,…` of the paper as the virtual printer drew it. */
  png: z.string().startsWith('data:image/png;base64,'),
  lines: z.array(z.string()),
});
export type PrintedPaper = z.infer<typeof PrintedPaperSchema>;

export const ReceiptJobEventSchema = z.object({
  jobId: z.string(),
  sessionId: z.string(),
  status: z.enum(['printed', 'held', 'dropped']),
  reason: z.string().nullable(),
});

/** A print job that will not print (its visit ended, or a restart interrupted it): the platform copy stands. */
export const NotPrintedJobSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['receipt', 'a4']),
  document: z.string(),
  reason: z.enum(['session-ended', 'interrupted', 'render-failed', 'printer-rejected']),
  /** The printer problem that kept it waiting (PAPER-END, media-empty…), or null. */
  problem: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  settledAt: z.string(),
});
export type NotPrintedJob = z.infer<typeof NotPrintedJobSchema>;

export const receiptsMethods = {
  'receipts.notPrinted': method({
    doc: 'Print jobs (receipts, A4 documents) that will not print, newest first, with the reason (maintenance dashboard).',
    requires: 'maintenance',
    input: z.object({ token: MaintenanceTokenSchema, limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ jobs: z.array(NotPrintedJobSchema) }),
  }),
  'receipts.condition': method({
    doc: 'The printer now: online, paper, cover, error, jobs held for this session.',
    input: z.object({}).strict(),
    output: PrinterConditionSchema,
  }),
  'receipts.held': method({
    doc: 'Receipts of this session that could not be printed: shown on screen with their QR.',
    input: z.object({}).strict(),
    output: z.array(HeldReceiptSchema),
  }),
  'receipts.retry': method({
    doc: 'Try a held receipt of this session again (paper refilled, cover closed).',
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: PrintOutcomeSchema,
  }),
  'receipts.printTest': method({
    doc: 'Print a test receipt with sample data (technician check; shows the QR and barcode work).',
    input: z.object({}).strict(),
    output: PrintOutcomeSchema,
    devOnly: true,
  }),
  'receipts.last': method({
    doc: 'The last paper the virtual printer produced, as a PNG (dev dock).',
    input: z.object({}).strict(),
    output: PrintedPaperSchema.nullable(),
    devOnly: true,
  }),
  'receipts.simSet': method({
    doc: 'Set the virtual printer’s condition (dev dock): paper, cover, offline.',
    input: z
      .object({
        paper: PaperStateSchema.exclude(['unknown']).optional(),
        coverOpen: z.boolean().optional(),
        offline: z.boolean().optional(),
      })
      .strict(),
    output: PrinterConditionSchema,
    devOnly: true,
  }),
} as const;

export const receiptsEvents = {
  'receipts.printer': event({
    sticky: true,
    doc: 'The printer’s condition changed (paper near end, paper end, cover open, offline, error).',
    payload: PrinterConditionSchema,
  }),
  'receipts.job': event({
    doc: 'A print job of a session was printed, held (shown on screen) or dropped with its session.',
    payload: ReceiptJobEventSchema,
  }),
} as const;
