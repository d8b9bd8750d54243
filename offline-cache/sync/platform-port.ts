import type { AttachmentStatus, HeartbeatResponse, ItemResult, ProvisionResponse, SignedCatalog, StatusPage } from '../../contract/platform';

/**
 * How a platform call ended. `unreachable` and `retry` are transient (the
 * outbox keeps the items); `refused` is a permanent answer about the request
 * as a whole (bad envelope, auth); `too-large` asks for a smaller batch.
 */
export type CallOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly status: number; readonly etag: string | null }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'retry'; readonly status: number; readonly reason: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'too-large'; readonly reason: string }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly reason: string };

export type BatchStream = 'applications' | 'evaluations' | 'feedback';

/**
 * The questions a resident waits for, by name. Each takes the v1 request body
 * (`contract/platform`: certificates, identity, appointments) and answers with
 * the v1 response body, which the caller validates; an adapter translates both.
 */
export const PLATFORM_QUERIES = [
  'certificates.lookup',
  'enterprises.lookup',
  'eid.verify',
  'cases.byHolder',
  'appointments.halls',
  'appointments.slots',
  'appointments.book',
  'appointments.cancel',
  'appointments.byHolder',
] as const;
export type PlatformQuery = (typeof PLATFORM_QUERIES)[number];

/**
 * The provincial platform as the kiosk depends on it. The sync engine, the
 * attachment uploader, the status puller, the catalog refresh, lookups,
 * appointments and connectivity see only this; the v1 HTTP client
 * (`PlatformClient`) is one implementation and a province adapter
 * (`offline-cache/platform/`) another. Everything in and out is in the
 * kiosk's own model — the v1 contract's shapes and the project's codes
 * ("01"…"27", "01-01", "EC001", "M01"); an adapter maps them to the
 * province's wire format and codes. Calls return outcomes; only bugs throw.
 */
export interface PlatformPort {
  /** Which adapter this is ("v1", "example-gateway" …), for logs and the dashboard. */
  readonly adapter: string;
  /** Is the platform there (unsigned; connectivity and the check at start). */
  health(): Promise<CallOutcome<unknown>>;
  /** Registers the kiosk key with a demo/dev platform and learns the platform's key. */
  provision(provisioningToken: string, servicePoint: string): Promise<CallOutcome<ProvisionResponse>>;
  /**
   * Delivers one batch of a stream. `body` is the v1 batch envelope
   * (`BatchEnvelopeSchema`: items with clientId — the idempotency key —,
   * seq, createdAt and payload), as JSON text, at most `MAX_BODY_BYTES`.
   * The answer has one result per clientId the platform took a view on.
   */
  pushBatch(stream: BatchStream, body: string): Promise<CallOutcome<readonly ItemResult[]>>;
  /** One heartbeat (`HeartbeatSchema` as JSON, with its heartbeatId as the idempotency key). */
  heartbeat(body: string): Promise<CallOutcome<HeartbeatResponse>>;
  attachmentStatus(sha256: string): Promise<CallOutcome<AttachmentStatus>>;
  uploadChunk(sha256: string, chunk: Uint8Array, start: number, total: number): Promise<CallOutcome<AttachmentStatus>>;
  /** Status changes after `cursor` ("0" at first), in the kiosk's sub-item codes and states. */
  pullStatus(cursor: string, limit?: number): Promise<CallOutcome<StatusPage>>;
  /** The signed catalog (`If-None-Match` semantics with `etag`). */
  catalog(etag: string | null): Promise<CallOutcome<SignedCatalog>>;
  /** A signed question a resident waits for; `timeoutMs` shorter than delivery's. The answer is unvalidated JSON. */
  query(name: PlatformQuery, payload: unknown, options: { readonly timeoutMs: number }): Promise<CallOutcome<unknown>>;
  /** The platform's clock now, carried forward from its last answer on the monotonic clock; null before any answer. */
  platformNow(): number | null;
}
