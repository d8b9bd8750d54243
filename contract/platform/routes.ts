import { z } from 'zod';
import { ApplicationBatchRequestSchema } from './applications';
import {
  BookRequestSchema,
  BookResponseSchema,
  CancelRequestSchema,
  CancelResponseSchema,
  HallsResponseSchema,
  HolderAppointmentsResponseSchema,
  HolderCasesResponseSchema,
  HolderQuerySchema,
  SlotsRequestSchema,
  SlotsResponseSchema,
} from './appointments';
import { AttachmentStatusSchema, ContentRangeSchema } from './attachments';
import { ProvisionRequestSchema, ProvisionResponseSchema } from './auth';
import { SignedCatalogSchema } from './catalog';
import { CertificateLookupRequestSchema, CertificateLookupResponseSchema } from './certificates';
import { BatchResponseSchema, PlatformErrorSchema, Sha256HexSchema } from './common';
import { EvaluationBatchRequestSchema, FeedbackBatchRequestSchema } from './feedback';
import { HeartbeatResponseSchema, HeartbeatSchema } from './heartbeat';
import { EidVerifyRequestSchema, EidVerifyResponseSchema, EnterpriseLookupRequestSchema, EnterpriseLookupResponseSchema } from './identity';
import { StatusPageSchema, StatusQuerySchema } from './status';

export interface PlatformResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  readonly mediaType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PlatformRouteSpec {
  readonly method: 'GET' | 'PUT' | 'POST';
  /** OpenAPI form, e.g. `/v1/attachments/{sha256}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** Needs the device signature headers (`AUTH_HEADERS`). */
  readonly signed: boolean;
  readonly body?: { readonly schema: z.ZodType; readonly mediaType: string };
  readonly query?: z.ZodObject;
  readonly params?: z.ZodObject;
  readonly requestHeaders?: Readonly<Record<string, { readonly schema: z.ZodType; readonly required: boolean; readonly description: string }>>;
  readonly responses: Readonly<Record<number, PlatformResponseSpec>>;
}

export const HealthResponseSchema = z.object({ ok: z.literal(true), now: z.string() });

const err = (description: string): PlatformResponseSpec => ({ description, schema: PlatformErrorSchema });
const signedErrors = {
  400: err('Malformed request; `issues` name the fields.'),
  401: err('Missing, bad, stale or replayed device signature; or unknown kiosk.'),
  429: err('Slow down; honour Retry-After.'),
  500: err('Platform failure; retry with backoff.'),
  503: err('Platform unavailable; honour Retry-After when present.'),
} as const;
const batchErrors = { ...signedErrors, 413: err('Body larger than 1 MiB; split the batch.') } as const;

/** The provincial platform API, one row per endpoint. The simulator and the OpenAPI document both read it. */
export const platformRoutes = [
  {
    method: 'GET',
    path: '/v1/health',
    operationId: 'health',
    summary: 'Liveness for the kiosk connectivity monitor. Unsigned.',
    signed: false,
    responses: { 200: { description: 'Up.', schema: HealthResponseSchema } },
  },
  {
    method: 'POST',
    path: '/v1/devices/provision',
    operationId: 'provisionDevice',
    summary: 'Demo/dev only: register a kiosk public key with a provisioning token. Unsigned.',
    signed: false,
    body: { schema: ProvisionRequestSchema, mediaType: 'application/json' },
    responses: {
      201: { description: 'Registered (or the same key re-registered).', schema: ProvisionResponseSchema },
      400: err('Malformed request.'),
      403: err('Wrong token, or provisioning closed (production).'),
      409: err('The kiosk id is registered with a different key.'),
    },
  },
  {
    method: 'GET',
    path: '/v1/catalog',
    operationId: 'getCatalog',
    summary: 'The signed 一件事 catalog (Ed25519 over `payload`). ETag / If-None-Match.',
    signed: true,
    requestHeaders: {
      'if-none-match': { schema: z.string(), required: false, description: 'ETag of the catalog the kiosk holds.' },
    },
    responses: {
      200: { description: 'The catalog.', schema: SignedCatalogSchema, headers: { etag: '"sha256 hex of payload"' } },
      304: { description: 'Unchanged since If-None-Match.' },
      ...signedErrors,
    },
  },
  {
    method: 'POST',
    path: '/v1/applications/batch',
    operationId: 'submitApplications',
    summary: 'Intake of applications; per-item results; permanent idempotency by clientId.',
    signed: true,
    body: { schema: ApplicationBatchRequestSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'One result per item, in order.', schema: BatchResponseSchema }, ...batchErrors },
  },
  {
    method: 'GET',
    path: '/v1/attachments/{sha256}',
    operationId: 'getAttachmentStatus',
    summary: 'How many bytes of an attachment the platform holds (resume point).',
    signed: true,
    params: z.object({ sha256: Sha256HexSchema }),
    responses: { 200: { description: 'Upload state.', schema: AttachmentStatusSchema }, ...signedErrors },
  },
  {
    method: 'PUT',
    path: '/v1/attachments/{sha256}',
    operationId: 'uploadAttachmentChunk',
    summary: 'Append one chunk (≤ 1 MiB) at the current offset; digest checked on the last byte.',
    signed: true,
    params: z.object({ sha256: Sha256HexSchema }),
    requestHeaders: {
      'content-range': { schema: ContentRangeSchema, required: true, description: 'bytes {start}-{end}/{total}' },
    },
    body: { schema: z.string().meta({ format: 'binary' }), mediaType: 'application/octet-stream' },
    responses: {
      200: { description: 'Chunk stored (or already complete).', schema: AttachmentStatusSchema },
      409: err('Chunk does not start at the stored offset; GET the status and resume.'),
      413: err('Chunk or total too large.'),
      422: err('Digest of the complete upload does not match; upload discarded.'),
      ...signedErrors,
    },
  },
  {
    method: 'GET',
    path: '/v1/status',
    operationId: 'pullStatus',
    summary: "Status changes of this kiosk's applications since a cursor (受理/审批中/办结/退回 per department).",
    signed: true,
    query: StatusQuerySchema,
    responses: { 200: { description: 'A page of changes.', schema: StatusPageSchema }, ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/e-certificates/lookup',
    operationId: 'lookupCertificate',
    summary: 'Find an annex-3 electronic certificate by holder ID number and type.',
    signed: true,
    body: { schema: CertificateLookupRequestSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'Found or not.', schema: CertificateLookupResponseSchema }, ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/enterprises/lookup',
    operationId: 'lookupEnterprise',
    summary: 'Registered name, type and legal representative of an enterprise by its unified social credit code (GB 32100).',
    signed: true,
    body: { schema: EnterpriseLookupRequestSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'Found or not.', schema: EnterpriseLookupResponseSchema }, ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/eid/verify',
    operationId: 'verifyEid',
    summary: 'Verify an e-ID QR (三晋通 / 网证 CTID): issuer signature, validity (≤ 120 s) and single use; returns the identity.',
    signed: true,
    body: { schema: EidVerifyRequestSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'Verified (once) or refused with the reason.', schema: EidVerifyResponseSchema }, ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/evaluations/batch',
    operationId: 'submitEvaluations',
    summary: '好差评 (GB/T 39734 five levels); same batch semantics as applications.',
    signed: true,
    body: { schema: EvaluationBatchRequestSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'One result per item, in order.', schema: BatchResponseSchema }, ...batchErrors },
  },
  {
    method: 'POST',
    path: '/v1/feedback/batch',
    operationId: 'submitFeedback',
    summary: '办不成事 feedback; same batch semantics as applications.',
    signed: true,
    body: { schema: FeedbackBatchRequestSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'One result per item, in order.', schema: BatchResponseSchema }, ...batchErrors },
  },
  {
    method: 'GET',
    path: '/v1/appointments/halls',
    operationId: 'listHalls',
    summary: '预约: the halls that take appointments, and the rules (cancellation deadline, no-show limit, booking window).',
    signed: true,
    responses: { 200: { description: 'Halls and rules.', schema: HallsResponseSchema }, ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/appointments/slots',
    operationId: 'listSlots',
    summary: "One hall's 30-minute slots of one Beijing-time day, with the places left; and the bookable days.",
    signed: true,
    body: { schema: SlotsRequestSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'Slots.', schema: SlotsResponseSchema }, 404: err('No such hall.'), ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/appointments/book',
    operationId: 'bookAppointment',
    summary: 'Book a slot for an ID-card holder; idempotent by clientId. A full slot, the no-show rule or a second booking that day is refused with a reason.',
    signed: true,
    body: { schema: BookRequestSchema, mediaType: 'application/json' },
    responses: {
      201: { description: 'Booked (or the same clientId booked before).', schema: BookResponseSchema },
      200: { description: 'Refused, with the code and a reason for the resident.', schema: BookResponseSchema },
      ...signedErrors,
    },
  },
  {
    method: 'POST',
    path: '/v1/appointments/cancel',
    operationId: 'cancelAppointment',
    summary: 'Cancel a booking by its number and the holder ID number, until the cancellation deadline.',
    signed: true,
    body: { schema: CancelRequestSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'Cancelled or refused with the reason.', schema: CancelResponseSchema }, ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/appointments/by-holder',
    operationId: 'appointmentsByHolder',
    summary: "An ID-card holder's appointments, newest first (booked, cancelled, attended, no-show).",
    signed: true,
    body: { schema: HolderQuerySchema, mediaType: 'application/json' },
    responses: { 200: { description: 'Appointments.', schema: HolderAppointmentsResponseSchema }, ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/cases/by-holder',
    operationId: 'casesByHolder',
    summary: '办件查询 across channels: every case of an ID-card holder, filed at any kiosk or hall window, with each sub-item state.',
    signed: true,
    body: { schema: HolderQuerySchema, mediaType: 'application/json' },
    responses: { 200: { description: 'Cases, newest first.', schema: HolderCasesResponseSchema }, ...signedErrors },
  },
  {
    method: 'POST',
    path: '/v1/heartbeats',
    operationId: 'heartbeat',
    summary: 'Kiosk health; acknowledges executed commands; the reply carries signed pending commands.',
    signed: true,
    body: { schema: HeartbeatSchema, mediaType: 'application/json' },
    responses: { 200: { description: 'Received; pending commands.', schema: HeartbeatResponseSchema }, ...signedErrors },
  },
] as const satisfies readonly PlatformRouteSpec[];

export type PlatformOperationId = (typeof platformRoutes)[number]['operationId'];
