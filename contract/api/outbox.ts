import { z } from 'zod';
import { event, method } from './define';

/**
 * Offline-first delivery as the UI and the technician see it: is the
 * platform reachable, how much waits, what was refused for good. Times are
 * ISO strings; ages are whole seconds.
 */
export const SyncStatusSchema = z.object({
  online: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** Technician-facing reason of the last failure (never personal data). */
  lastError: z.string().nullable(),
  /** Items the platform does not have yet (queued + sending). */
  queueDepth: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  oldestPendingAgeSec: z.number().int().nonnegative().nullable(),
  nextAttemptAt: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
});
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;

export const OutboxKindViewSchema = z.enum(['application', 'evaluation', 'feedback', 'heartbeat']);

export const OutboxSummarySchema = z.object({
  queued: z.number().int().nonnegative(),
  sending: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  lastSeq: z.number().int().nonnegative(),
});
export type OutboxSummaryView = z.infer<typeof OutboxSummarySchema>;

export const QuarantinedOutboxItemSchema = z.object({
  clientId: z.string(),
  seq: z.number().int().positive(),
  kind: OutboxKindViewSchema,
  /** The platform's code and reason, e.g. `invalid-item: form.phone: expected …`. */
  reason: z.string(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});
export type QuarantinedOutboxItemView = z.infer<typeof QuarantinedOutboxItemSchema>;

export const AuditChainHeadSchema = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  algorithm: z.enum(['sha256', 'sm3']),
});

/**
 * Read-only views. The technician's actions (sync now, re-queue, verify the
 * audit chain) are `maintenance.*` methods behind the maintenance token; they
 * call the same host services.
 */
export const outboxMethods = {
  'sync.status': method({
    doc: 'Platform reachability, queue depth, oldest pending age, next attempt.',
    input: z.object({}).strict(),
    output: SyncStatusSchema,
  }),
  'outbox.summary': method({
    doc: 'Counts of outbox items per state and the highest sequence number.',
    input: z.object({}).strict(),
    output: OutboxSummarySchema,
  }),
  'outbox.quarantined': method({
    doc: 'Items the platform refused for good (kept, with the reason), oldest first.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ items: z.array(QuarantinedOutboxItemSchema) }),
  }),
  'audit.head': method({
    doc: 'Current head of the audit chain (sent with heartbeats).',
    input: z.object({}).strict(),
    output: AuditChainHeadSchema,
  }),
} as const;

export const outboxEvents = {
  'sync.status': event({
    sticky: true,
    doc: 'Delivery state changed (online, queue depth, next attempt).',
    payload: SyncStatusSchema,
  }),
} as const;
