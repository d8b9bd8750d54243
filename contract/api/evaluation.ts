import { z } from 'zod';
import { method } from './define';

/** The national five levels of 好差评 (GB/T 39734-2020), best first. */
export const EvaluationLevelSchema = z.enum(['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied']);
export type EvaluationLevel = z.infer<typeof EvaluationLevelSchema>;

/** The two lowest levels must say why. */
export function evaluationNeedsReasons(level: EvaluationLevel): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied';
}

/**
 * GB/T 39734 差评 content, as reason codes: materials, repeated visits,
 * time taken, the guide, the staff's attitude, ease of use, the device.
 */
export const EvaluationReasonSchema = z.enum(['too-many-materials', 'repeated-visits', 'too-slow', 'unclear-guide', 'staff-attitude', 'hard-to-use', 'device-problem', 'other']);
export type EvaluationReason = z.infer<typeof EvaluationReasonSchema>;

/** What is rated: 好差评 covers every service the kiosk gives, not only a submitted application. */
export const RatedServiceSchema = z.enum(['application', 'hall-guide', 'progress', 'appointment', 'video']);
export type RatedService = z.infer<typeof RatedServiceSchema>;

export const EvaluationInputSchema = z
  .object({
    /** Default: an application submitted in this session (`applicationNumber`). */
    service: RatedServiceSchema.default('application'),
    /** The appointment number, or the video call id, the rating is about. */
    reference: z.string().max(64).nullable().default(null),
    applicationNumber: z.string().max(40).nullable(),
    thingId: z.string().max(80).nullable(),
    /** A video call: the staff id of the agent who answered it. */
    agentId: z.string().max(64).nullable().default(null),
    level: EvaluationLevelSchema,
    reasons: z.array(EvaluationReasonSchema).max(8),
    comment: z.string().max(500),
  })
  .strict()
  .refine((e) => !evaluationNeedsReasons(e.level) || e.reasons.length > 0, {
    path: ['reasons'],
    message: '请选择至少一个原因',
  });

export const FeedbackCategorySchema = z.enum(['cannot-find-item', 'material-problem', 'device-problem', 'rejected-unfairly', 'other']);
export type FeedbackCategory = z.infer<typeof FeedbackCategorySchema>;

export const FeedbackInputSchema = z
  .object({
    category: FeedbackCategorySchema.default('other'),
    /** 办不成事: what the resident could not get done. */
    text: z.string().trim().min(2, '请写下您遇到的问题（至少两个字）').max(1000),
    /** Optional call-back number; validated, never logged. */
    mobile: z.string().regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 1 开头').nullable(),
    thingId: z.string().max(80).nullable(),
  })
  .strict();

export const QueuedSchema = z.object({ queuedAt: z.string(), reference: z.string() });

export const evaluationMethods = {
  'evaluation.submit': method({
    doc: '好差评 for this service, queued to the platform like an application.',
    input: EvaluationInputSchema,
    output: QueuedSchema,
  }),
  'feedback.submit': method({
    doc: '"办不成事" feedback, queued to the platform.',
    input: FeedbackInputSchema,
    output: QueuedSchema,
  }),
} as const;
