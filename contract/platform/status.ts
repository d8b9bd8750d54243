import { z } from 'zod';
import { ClientIdSchema, IsoTimeSchema, PlatformNumberSchema } from './common';

/** 受理 → 审批中 → 办结, or 退回 (returned for correction). Per department, per sub-item. */
export const CaseStateSchema = z.enum(['received', 'in-review', 'completed', 'returned']);
export type CaseState = z.infer<typeof CaseStateSchema>;

export const CASE_STATE_LABELS: Readonly<Record<CaseState, { readonly zh: string; readonly en: string }>> = {
  received: { zh: '受理', en: 'Received' },
  'in-review': { zh: '审批中', en: 'In review' },
  completed: { zh: '办结', en: 'Completed' },
  returned: { zh: '退回', en: 'Returned' },
};

/** States after which a sub-item never changes again. */
export const FINAL_CASE_STATES: ReadonlySet<CaseState> = new Set(['completed', 'returned']);

export const StatusChangeSchema = z.object({
  /** Opaque, increasing; pass the last one seen as `cursor` to get only newer changes. */
  cursor: z.string(),
  clientId: ClientIdSchema,
  platformNumber: PlatformNumberSchema,
  subItemCode: z.string(),
  department: z.string(),
  state: CaseStateSchema,
  at: IsoTimeSchema,
  /** Plain Chinese for the resident, e.g. why it was returned. */
  note: z.string().optional(),
  /**
   * Check services (信用修复, 企业上市合法合规信息核查, 企业破产信息核查): what
   * the department found, plain Chinese, with the 办结 (`completed`) change.
   */
  result: z.string().max(500).optional(),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

/** GET /v1/status?cursor=…&limit=… — only the calling kiosk's applications. */
export const StatusQuerySchema = z.object({
  cursor: z.string().regex(/^\d{1,18}$/, 'expected the cursor of an earlier change, or 0').default('0'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type StatusQuery = z.infer<typeof StatusQuerySchema>;

export const StatusPageSchema = z.object({
  changes: z.array(StatusChangeSchema),
  /** Pass back as `cursor`; equals the request cursor when nothing changed. */
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
export type StatusPage = z.infer<typeof StatusPageSchema>;
