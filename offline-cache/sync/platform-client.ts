import { createHash, randomBytes } from 'node:crypto';
import {
  AUTH_HEADERS,
  AttachmentStatusSchema,
  BatchResponseSchema,
  EMPTY_BODY_SHA256,
  formatContentRange,
  HeartbeatResponseSchema,
  PlatformErrorSchema,
  ProvisionResponseSchema,
  signingString,
  SignedCatalogSchema,
  StatusPageSchema,
  type AttachmentStatus,
  type HeartbeatResponse,
  type ItemResult,
  type ProvisionResponse,
  type SignedCatalog,
  type StatusPage,
} from '../../contract/platform';
import type { z } from 'zod';
import { parseRetryAfter } from '../outbox/backoff';
import type { DeviceSigner } from './device-identity';
import { PlatformHttp, type FetchLike } from './platform-fetch';
import type { BatchStream, CallOutcome, PlatformPort, PlatformQuery } from './platform-port';

export type { BatchStream, CallOutcome } from './platform-port';

export interface PlatformClientOptions {
  readonly baseUrl: string;
  readonly signer: DeviceSigner;
  /** Every request is abandoned after this (ms). */
  readonly timeoutMs: number;
  /** Wall clock for request timestamps (never a virtual clock: the platform checks them against its own). */
  readonly now?: () => number;
  /** The transport (CA bundle, client certificate: `platformFetch`); the global fetch when absent. */
  readonly fetch?: FetchLike;
}

/** Beyond this, the kiosk signs with the platform's clock (learned from `Date` headers), not its own. */
const SKEW_TOLERANCE_MS = 60_000;

/** Where each query lives in the v1 API. */
const V1_QUERIES: Readonly<Record<PlatformQuery, { readonly method: 'GET' | 'POST'; readonly path: string }>> = {
  'certificates.lookup': { method: 'POST', path: '/v1/e-certificates/lookup' },
  'enterprises.lookup': { method: 'POST', path: '/v1/enterprises/lookup' },
  'eid.verify': { method: 'POST', path: '/v1/eid/verify' },
  'cases.byHolder': { method: 'POST', path: '/v1/cases/by-holder' },
  'appointments.halls': { method: 'GET', path: '/v1/appointments/halls' },
  'appointments.slots': { method: 'POST', path: '/v1/appointments/slots' },
  'appointments.book': { method: 'POST', path: '/v1/appointments/book' },
  'appointments.cancel': { method: 'POST', path: '/v1/appointments/cancel' },
  'appointments.byHolder': { method: 'POST', path: '/v1/appointments/by-holder' },
};

/**
 * The provincial platform as the kiosk sees it: signed requests
 * (KIOSK-ED25519-V1), a timeout on every call, answers validated against the
 * platform contract. Returns outcomes; only bugs throw. The v1
 * implementation of `PlatformPort`.
 */
export class PlatformClient implements PlatformPort {
  readonly adapter: string = 'v1';
  private readonly now: () => number;
  private readonly http: PlatformHttp;

  constructor(private readonly options: PlatformClientOptions) {
    this.now = options.now ?? Date.now;
    this.http = new PlatformHttp(options);
  }

  /** The platform's clock now, carried forward from its last answer on the monotonic clock; null before any answer. */
  platformNow(): number | null {
    return this.http.platformNow();
  }

  /** Platform clock minus kiosk clock as last observed (ms, 1 s resolution). */
  get clockSkewMs(): number {
    return this.http.skewMs;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** The same transport for other calls to the platform (lookups, health), so they trust what this client trusts. */
  get fetch(): FetchLike {
    return this.http.fetch;
  }

  async provision(provisioningToken: string, servicePoint: string): Promise<CallOutcome<ProvisionResponse>> {
    const body = JSON.stringify({ kioskId: this.options.signer.kioskId, publicKey: this.options.signer.publicKeyBase64, servicePoint, provisioningToken });
    return this.call('POST', '/v1/devices/provision', ProvisionResponseSchema, { body, signed: false });
  }

  async health(): Promise<CallOutcome<unknown>> {
    return this.call('GET', '/v1/health', null, { signed: false });
  }

  async pushBatch(stream: BatchStream, body: string): Promise<CallOutcome<readonly ItemResult[]>> {
    const out = await this.call('POST', `/v1/${stream}/batch`, BatchResponseSchema, { body });
    return out.kind === 'ok' ? { ...out, value: out.value.results } : out;
  }

  async heartbeat(body: string): Promise<CallOutcome<HeartbeatResponse>> {
    return this.call('POST', '/v1/heartbeats', HeartbeatResponseSchema, { body });
  }

  async attachmentStatus(sha256: string): Promise<CallOutcome<AttachmentStatus>> {
    return this.call('GET', `/v1/attachments/${sha256}`, AttachmentStatusSchema, {});
  }

  async uploadChunk(sha256: string, chunk: Uint8Array, start: number, total: number): Promise<CallOutcome<AttachmentStatus>> {
    return this.call('PUT', `/v1/attachments/${sha256}`, AttachmentStatusSchema, {
      body: chunk,
      contentType: 'application/octet-stream',
      headers: { 'content-range': formatContentRange({ start, end: start + chunk.length - 1, total }) },
    });
  }

  async pullStatus(cursor: string, limit = 200): Promise<CallOutcome<StatusPage>> {
    return this.call('GET', `/v1/status?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, StatusPageSchema, {});
  }

  async catalog(etag: string | null): Promise<CallOutcome<SignedCatalog>> {
    return this.call('GET', '/v1/catalog', SignedCatalogSchema, etag ? { headers: { 'if-none-match': etag } } : {});
  }

  async query(name: PlatformQuery, payload: unknown, options: { readonly timeoutMs: number }): Promise<CallOutcome<unknown>> {
    const route = V1_QUERIES[name];
    return this.call(route.method, route.path, null, { ...(route.method === 'POST' ? { body: JSON.stringify(payload ?? {}) } : {}), timeoutMs: options.timeoutMs });
  }

  private signedHeaders(method: string, pathWithQuery: string, body: Uint8Array | null): Record<string, string> {
    // A kiosk whose clock drifted (no RTC battery, no NTP in a village) would be refused as stale for ever.
    const timestamp = String(this.now() + (Math.abs(this.http.skewMs) > SKEW_TOLERANCE_MS ? this.http.skewMs : 0));
    const nonce = randomBytes(18).toString('base64url');
    const bodySha256 = body && body.length > 0 ? createHash('sha256').update(body).digest('hex') : EMPTY_BODY_SHA256;
    const text = signingString({ method, pathWithQuery, kioskId: this.options.signer.kioskId, timestamp, nonce, bodySha256 });
    const signature = Buffer.from(this.options.signer.sign(Buffer.from(text, 'utf8'))).toString('base64');
    return {
      [AUTH_HEADERS.kioskId]: this.options.signer.kioskId,
      [AUTH_HEADERS.timestamp]: timestamp,
      [AUTH_HEADERS.nonce]: nonce,
      [AUTH_HEADERS.signature]: signature,
    };
  }

  private async call<S extends z.ZodType | null>(
    method: 'GET' | 'POST' | 'PUT',
    pathWithQuery: string,
    schema: S,
    opts: { body?: string | Uint8Array; contentType?: string; headers?: Record<string, string>; signed?: boolean; timeoutMs?: number },
  ): Promise<CallOutcome<S extends z.ZodType ? z.output<S> : unknown>> {
    const bodyBytes = opts.body === undefined ? null : typeof opts.body === 'string' ? Buffer.from(opts.body, 'utf8') : opts.body;
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (bodyBytes) headers['content-type'] = opts.contentType ?? 'application/json';
    if (opts.signed !== false) Object.assign(headers, this.signedHeaders(method, pathWithQuery, bodyBytes));
    const x = await this.http.send(method, pathWithQuery, { headers, ...(bodyBytes ? { body: bodyBytes } : {}), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
    if (x.kind === 'unreachable') return x;
    const res = { status: x.status, ok: x.status >= 200 && x.status < 300, headers: x.headers };
    const text = x.text;
    if (res.status === 304) return { kind: 'not-modified' };
    if (res.ok) {
      let parsed: unknown;
      try {
        parsed = text.length ? JSON.parse(text) : null;
      } catch {
        return { kind: 'retry', status: res.status, reason: 'platform answered with invalid JSON', retryAfterMs: null };
      }
      if (!schema) return { kind: 'ok', value: parsed as never, status: res.status, etag: res.headers.get('etag') };
      const checked = schema.safeParse(parsed);
      // An answer that breaks the contract is treated as no answer: the items stay queued.
      if (!checked.success) return { kind: 'retry', status: res.status, reason: `platform answer broke the contract: ${checked.error.issues[0]?.message ?? ''}`, retryAfterMs: null };
      return { kind: 'ok', value: checked.data as never, status: res.status, etag: res.headers.get('etag') };
    }
    const errBody = safeError(text);
    const reason = errBody ? `${errBody.code}: ${errBody.message}` : `HTTP ${res.status}`;
    if (res.status === 413) return { kind: 'too-large', reason };
    if (res.status === 429 || res.status >= 500 || res.status === 408) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.now()) ?? (errBody?.retryAfterSeconds !== undefined ? errBody.retryAfterSeconds * 1000 : null);
      return { kind: 'retry', status: res.status, reason, retryAfterMs };
    }
    // Stale timestamp / replayed nonce are the kiosk clock's or the network's fault, not the item's.
    if (res.status === 401 && errBody && (errBody.code === 'stale-timestamp' || errBody.code === 'replayed-request')) {
      return { kind: 'retry', status: res.status, reason, retryAfterMs: null };
    }
    return { kind: 'refused', status: res.status, code: errBody?.code ?? `http-${res.status}`, reason };
  }
}

function safeError(text: string) {
  try {
    const r = PlatformErrorSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
