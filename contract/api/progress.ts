import { z } from 'zod';
import { method } from './define';

/** 办件查询: by the ID card in the session, or by the code scanned from a receipt. */
export const SubItemStatusSchema = z.object({
  name: z.string(),
  department: z.string(),
  status: z.enum(['queued', 'received', 'processing', 'done', 'rejected', 'unknown']),
  /** Check services (信用修复, 核查): what the department found, once done. Plain Chinese from the platform. */
  result: z.string().optional(),
});

export const ApplicationProgressSchema = z.object({
  applicationNumber: z.string(),
  thingName: z.string(),
  submittedAt: z.string(),
  /** Masked applicant (张*三). */
  applicant: z.string(),
  delivered: z.boolean(),
  subItems: z.array(SubItemStatusSchema),
  /** When this status was last confirmed by the platform; null = never (still queued here). */
  statusAsOf: z.string().nullable(),
  /** Where it was filed: this kiosk (default), another kiosk, or a hall window (named in `filedAt`). */
  channel: z.enum(['this-kiosk', 'other-kiosk', 'window']).optional(),
  filedAt: z.string().max(80).optional(),
});
export type ApplicationProgress = z.infer<typeof ApplicationProgressSchema>;

export const ProgressAnswerSchema = z.object({
  /** False: the platform did not answer, what is shown is the last known status. */
  live: z.boolean(),
  applications: z.array(ApplicationProgressSchema),
});
export type ProgressAnswer = z.infer<typeof ProgressAnswerSchema>;

export const progressMethods = {
  'progress.byCard': method({
    doc: 'Applications of the identified resident: on this kiosk and, online, on the platform.',
    input: z.object({}).strict(),
    output: ProgressAnswerSchema,
  }),
  'progress.byReceipt': method({
    doc: 'One application by the code printed on its receipt (QR or CODE128).',
    input: z.object({ code: z.string().min(4).max(200) }).strict(),
    output: ProgressAnswerSchema,
  }),
} as const;
