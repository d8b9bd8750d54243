import { z } from 'zod';

/** What rides the outbox. Evaluations, feedback and heartbeats use the same delivery as applications. */
export const OutboxKindSchema = z.enum(['application', 'evaluation', 'feedback', 'heartbeat']);
export type OutboxKind = z.infer<typeof OutboxKindSchema>;

export const OutboxStateSchema = z.enum(['queued', 'sending', 'accepted', 'quarantined']);
export type OutboxState = z.infer<typeof OutboxStateSchema>;

export interface AttachmentRef {
  readonly address: string;
  readonly role: string;
}

/** One item claimed for sending, its payload opened (JSON text, spliced into the request as is). Lives only for the length of a batch. */
export interface OutboxItem {
  readonly seq: number;
  /** Per-kind sequence number sent to the platform (gap detection per stream). */
  readonly streamSeq: number;
  readonly clientId: string;
  readonly kind: OutboxKind;
  readonly payloadJson: string;
  readonly bodyBytes: number;
  readonly attempts: number;
  readonly createdAt: number;
  readonly attachments: readonly AttachmentRef[];
}

/** The platform's verdict on one item. `retry` = transient for this item only. */
export type ItemOutcome =
  | { readonly clientId: string; readonly outcome: 'accepted' | 'duplicate'; readonly platformRef: string }
  | { readonly clientId: string; readonly outcome: 'rejected'; readonly reason: string }
  | { readonly clientId: string; readonly outcome: 'retry'; readonly reason: string; readonly retryAfterMs?: number | null };

export interface OutboxSummary {
  readonly queued: number;
  readonly sending: number;
  readonly accepted: number;
  readonly quarantined: number;
  /** Oldest item not yet accepted nor quarantined, epoch ms. */
  readonly oldestPendingAt: number | null;
  readonly lastSeq: number;
}

export interface QuarantinedItem {
  readonly seq: number;
  readonly clientId: string;
  readonly kind: OutboxKind;
  readonly reason: string;
  readonly attempts: number;
  readonly createdAt: number;
  readonly settledAt: number | null;
}
