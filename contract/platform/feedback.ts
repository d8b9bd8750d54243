import { z } from 'zod';
import { BatchResponseSchema, intakeItemSchema, MAX_BATCH_ITEMS, PlatformNumberSchema } from './common';

/** GB/T 39734-2020 five levels, best first. */
export const EvaluationLevelSchema = z.enum(['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied']);
export type EvaluationLevel = z.infer<typeof EvaluationLevelSchema>;

export const EVALUATION_LEVEL_LABELS: Readonly<Record<EvaluationLevel, string>> = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
};

/** 好差评. The two lowest levels must say why. */
export const EvaluationPayloadSchema = z
  .object({
    level: EvaluationLevelSchema,
    /** The application evaluated, when known (platform or local number). */
    platformNumber: PlatformNumberSchema.optional(),
    localNumber: z.string().max(64).optional(),
    itemCode: z.string().max(16).optional(),
    reasons: z.array(z.string().min(1).max(64)).max(16).default([]),
    comment: z.string().max(500).optional(),
    /** The service rated (default: an application): a hall-only guide, a progress query, an appointment, a video call. */
    service: z.enum(['application', 'hall-guide', 'progress', 'appointment', 'video']).optional(),
    /** The appointment number or video call id rated. */
    reference: z.string().max(64).optional(),
    /** 远程视频帮办: the staff id of the video desk's agent who answered the call rated. */
    agentId: z.string().max(64).optional(),
    /** 帮代办: the clerk's staff id when the service evaluated was assisted. */
    assistedBy: z.string().max(64).nullable().optional(),
  })
  .refine((e) => !(e.level === 'dissatisfied' || e.level === 'very-dissatisfied') || e.reasons.length > 0, {
    message: 'reasons are required for 不满意 and 非常不满意',
    path: ['reasons'],
  });
export type EvaluationPayload = z.infer<typeof EvaluationPayloadSchema>;

/** 办不成事 feedback: what the resident could not get done. Contact is optional. */
export const FeedbackPayloadSchema = z.object({
  itemCode: z.string().max(16).optional(),
  category: z.enum(['cannot-find-item', 'material-problem', 'device-problem', 'rejected-unfairly', 'other']),
  description: z.string().min(1).max(1000),
  contactPhone: z.string().regex(/^1\d{10}$/, 'expected an 11-digit mobile number').optional(),
});
export type FeedbackPayload = z.infer<typeof FeedbackPayloadSchema>;

export const EvaluationItemSchema = intakeItemSchema(EvaluationPayloadSchema);
export type EvaluationItem = z.infer<typeof EvaluationItemSchema>;
export const FeedbackItemSchema = intakeItemSchema(FeedbackPayloadSchema);
export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;

export const EvaluationBatchRequestSchema = z.object({ items: z.array(EvaluationItemSchema).min(1).max(MAX_BATCH_ITEMS) });
export const FeedbackBatchRequestSchema = z.object({ items: z.array(FeedbackItemSchema).min(1).max(MAX_BATCH_ITEMS) });
export const EvaluationBatchResponseSchema = BatchResponseSchema;
export const FeedbackBatchResponseSchema = BatchResponseSchema;
