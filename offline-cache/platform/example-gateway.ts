import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  CertificateLookupResponseSchema,
  HeartbeatResponseSchema,
  ItemResultSchema,
  type AttachmentStatus,
  type CaseState,
  type HeartbeatResponse,
  type ItemResult,
  type ProvisionResponse,
  type SignedCatalog,
  type StatusPage,
} from '../../contract/platform';
import {
  GATEWAY_CODES,
  GATEWAY_STATES,
  GATEWAY_STREAMS,
  GATEWAY_TOKEN_HEADER,
  GatewayEnvelopeSchema,
  GatewayResultSchema,
  GatewayStatusPageSchema,
  gatewayTokenText,
  type GatewayRecord,
} from '../../contract/province-example/gateway';
import { parseRetryAfter } from '../outbox/backoff';
import type { DeviceSigner } from '../sync/device-identity';
import { PlatformClient } from '../sync/platform-client';
import type { FetchLike } from '../sync/platform-fetch';
import type { BatchStream, CallOutcome, PlatformPort, PlatformQuery } from '../sync/platform-port';
import { UnmappedCodeError, type CodeMap } from './code-map';

export interface ExampleGatewayOptions {
  readonly baseUrl: string;
  readonly signer: DeviceSigner;
  readonly timeoutMs: number;
  readonly fetch?: FetchLike;
  readonly codeMap: CodeMap;
}

const STATE_BY_CODE = Object.fromEntries(Object.entries(GATEWAY_STATES).map(([state, code]) => [code, state])) as Record<string, CaseState>;

/**
 * The adapter for the example province gateway (`contract/province-example/`):
 * delivery, heartbeats, status and e-certificate lookups go through the
 * gateway's envelope (`/gw/…`, token header, 事项编码 field names, its own
 * status codes) with our codes mapped by the code map both ways; provisioning,
 * attachments, the catalog and the other queries are served by the gateway
 * unchanged at the v1 paths, so they ride an inner v1 client.
 */
export class ExampleGatewayAdapter implements PlatformPort {
  readonly adapter = 'example-gateway';
  private readonly v1: PlatformClient;
  private readonly map: CodeMap;
  private seen: { readonly at: number; readonly mono: number } | null = null;

  constructor(private readonly options: ExampleGatewayOptions) {
    this.v1 = new PlatformClient({ baseUrl: options.baseUrl, signer: options.signer, timeoutMs: options.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) });
    this.map = options.codeMap;
  }

  platformNow(): number | null {
    const ours = this.seen ? Math.round(this.seen.at + (performance.now() - this.seen.mono)) : null;
    return ours ?? this.v1.platformNow();
  }

  async health(): Promise<CallOutcome<unknown>> {
    return this.call('GET', '/gw/jk', null, { token: false });
  }

  provision(provisioningToken: string, servicePoint: string): Promise<CallOutcome<ProvisionResponse>> {
    return this.v1.provision(provisioningToken, servicePoint);
  }

  attachmentStatus(sha256: string): Promise<CallOutcome<AttachmentStatus>> {
    return this.v1.attachmentStatus(sha256);
  }

  uploadChunk(sha256: string, chunk: Uint8Array, start: number, total: number): Promise<CallOutcome<AttachmentStatus>> {
    return this.v1.uploadChunk(sha256, chunk, start, total);
  }

  catalog(etag: string | null): Promise<CallOutcome<SignedCatalog>> {
    return this.v1.catalog(etag);
  }

  async pushBatch(stream: BatchStream, body: string): Promise<CallOutcome<readonly ItemResult[]>> {
    const items = (JSON.parse(body) as { items: { clientId: string; seq: number; createdAt: string; payload: Record<string, unknown> }[] }).items;
    const records: GatewayRecord[] = [];
    const local: ItemResult[] = [];
    for (const item of items) {
      try {
        records.push(this.toRecord(stream, item));
      } catch (e) {
        if (!(e instanceof UnmappedCodeError)) throw e;
        // The check at start maps every code of the active catalog: a code outside it is a poison item, quarantined
        // as the v1 platform would (a technician re-queues it once the map or the item is fixed).
        local.push({ clientId: item.clientId, outcome: 'rejected', status: 422, code: 'unknown-catalog-item', reason: e.message, permanent: true });
      }
    }
    if (records.length === 0) return { kind: 'ok', value: local, status: 200, etag: null };
    const r = await this.call('POST', `/gw/bj/${GATEWAY_STREAMS[stream]}`, { jl: records }, {});
    if (r.kind !== 'ok') return r;
    const parsed = GatewayResultSchema.array().safeParse(r.value);
    if (!parsed.success) return { kind: 'retry', status: r.status, reason: 'gateway answer broke its envelope: 数据 is not a list of results', retryAfterMs: null };
    const results = parsed.data.map((g): ItemResult => {
      const v1 =
        g.jg === '00' || g.jg === '01'
          ? { clientId: g.ywlsh, outcome: g.jg === '00' ? 'accepted' : 'duplicate', status: g.jg === '00' ? 201 : 200, platformNumber: g.slbh, receivedAt: g.jssj }
          : { clientId: g.ywlsh, outcome: 'rejected', status: g.jg === '90' ? 422 : 503, code: g.jg === '90' ? 'invalid-item' : 'temporarily-unavailable', reason: `${g.cwdm ?? g.jg}: ${g.cwxx ?? ''}`, permanent: g.jg === '90' };
      const checked = ItemResultSchema.safeParse(v1);
      return checked.success ? checked.data : { clientId: g.ywlsh, outcome: 'rejected', status: 503, code: 'temporarily-unavailable', reason: 'gateway result incomplete', permanent: false };
    });
    return { ...r, value: [...results, ...local] };
  }

  async heartbeat(body: string): Promise<CallOutcome<HeartbeatResponse>> {
    const hb = JSON.parse(body) as Record<string, unknown> & { heartbeatId: string };
    const r = await this.call('POST', '/gw/xt', { xtid: hb.heartbeatId, nr: hb }, {});
    return r.kind === 'ok' ? this.checked(r, HeartbeatResponseSchema) : r;
  }

  async pullStatus(cursor: string, limit = 200): Promise<CallOutcome<StatusPage>> {
    const r = await this.call('GET', `/gw/zt?yb=${encodeURIComponent(cursor)}&ts=${limit}`, null, {});
    if (r.kind !== 'ok') return r;
    const page = GatewayStatusPageSchema.safeParse(r.value);
    if (!page.success) return { kind: 'retry', status: r.status, reason: `gateway status page broke its envelope: ${page.error.issues[0]?.message ?? ''}`, retryAfterMs: null };
    const changes: StatusPage['changes'][number][] = [];
    for (const c of page.data.bg) {
      let subItemCode: string;
      try {
        subItemCode = this.map.fromProvince('subItems', c.zxbm);
      } catch (e) {
        // A change we cannot place is not skipped past: the page is taken again once the map knows the code.
        return { kind: 'retry', status: r.status, reason: (e as Error).message, retryAfterMs: null };
      }
      changes.push({
        cursor: c.yb,
        clientId: c.ywlsh,
        platformNumber: c.slbh,
        subItemCode,
        department: c.bm,
        state: STATE_BY_CODE[c.zt]!,
        at: c.sj,
        ...(c.bz !== undefined ? { note: c.bz } : {}),
        ...(c.hcjg !== undefined ? { result: c.hcjg } : {}),
      });
    }
    return { ...r, value: { changes, nextCursor: page.data.xyb, hasMore: page.data.gd } };
  }

  async query(name: PlatformQuery, payload: unknown, options: { readonly timeoutMs: number }): Promise<CallOutcome<unknown>> {
    if (name !== 'certificates.lookup') return this.v1.query(name, payload, options);
    const q = payload as { holderIdNumber: string; certificateTypeCode: string };
    let zzlxdm: string;
    try {
      zzlxdm = this.map.toProvince('eCertificates', q.certificateTypeCode);
    } catch (e) {
      return { kind: 'refused', status: 422, code: 'code-unmapped', reason: (e as Error).message };
    }
    const r = await this.call('POST', '/gw/dzzz/cx', { sfzh: q.holderIdNumber, zzlxdm }, { timeoutMs: options.timeoutMs });
    if (r.kind !== 'ok') return r;
    const found = CertificateLookupResponseSchema.safeParse(r.value);
    if (!found.success || !found.data.found) return r;
    try {
      return { ...r, value: { found: true, certificate: { ...found.data.certificate, certificateTypeCode: this.map.fromProvince('eCertificates', found.data.certificate.certificateTypeCode) } } };
    } catch (e) {
      return { kind: 'retry', status: r.status, reason: (e as Error).message, retryAfterMs: null };
    }
  }

  private toRecord(stream: BatchStream, item: { clientId: string; seq: number; createdAt: string; payload: Record<string, unknown> }): GatewayRecord {
    const { itemCode, subItemCodes, ...rest } = item.payload as { itemCode?: string; subItemCodes?: string[] } & Record<string, unknown>;
    const nr: Record<string, unknown> = { ...rest };
    if (stream === 'applications' && Array.isArray(rest['materials'])) {
      nr['materials'] = (rest['materials'] as Record<string, unknown>[]).map((m) => ({
        ...m,
        materialCode: this.map.toProvince('materials', String(m['materialCode'])),
        ...(typeof m['certificateTypeCode'] === 'string' ? { certificateTypeCode: this.map.toProvince('eCertificates', m['certificateTypeCode']) } : {}),
      }));
    }
    return {
      ywlsh: item.clientId,
      xh: item.seq,
      cjsj: item.createdAt,
      ...(typeof itemCode === 'string' ? { sxbm: this.map.toProvince('oneThings', itemCode) } : {}),
      ...(Array.isArray(subItemCodes) ? { zxbm: subItemCodes.map((c) => this.map.toProvince('subItems', c)) } : {}),
      nr,
    };
  }

  private checked<S extends z.ZodType>(r: Extract<CallOutcome<unknown>, { kind: 'ok' }>, schema: S): CallOutcome<z.output<S>> {
    const parsed = schema.safeParse(r.value);
    if (!parsed.success) return { kind: 'retry', status: r.status, reason: `gateway answer broke the contract: ${parsed.error.issues[0]?.message ?? ''}`, retryAfterMs: null };
    return { ...r, value: parsed.data as z.output<S> };
  }

  private token(method: string, path: string, body: string): string {
    const at = String(Date.now());
    const text = gatewayTokenText(this.options.signer.kioskId, at, method, path, createHash('sha256').update(body, 'utf8').digest('hex'));
    const sig = Buffer.from(this.options.signer.sign(Buffer.from(text, 'utf8'))).toString('base64');
    return `GW1 ${this.options.signer.kioskId}:${at}:${sig}`;
  }

  /** One gateway call; its 返回代码 decides the outcome, then the HTTP status. The answer is the envelope's 数据. */
  private async call(method: 'GET' | 'POST', pathWithQuery: string, payload: unknown, opts: { token?: boolean; timeoutMs?: number }): Promise<CallOutcome<unknown>> {
    const body = payload === null ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = {};
    if (body) headers['content-type'] = 'application/json';
    if (opts.token !== false) headers[GATEWAY_TOKEN_HEADER] = this.token(method, pathWithQuery.split('?')[0]!, body);
    let res: Response;
    let text: string;
    try {
      res = await (this.options.fetch ?? ((u, i) => fetch(u, i)))(new URL(pathWithQuery, this.options.baseUrl), {
        method,
        headers,
        ...(body ? { body } : {}),
        signal: AbortSignal.timeout(opts.timeoutMs ?? this.options.timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      return { kind: 'unreachable', reason: `${(e as Error).name}${cause ? ` ${cause}` : ''}: ${(e as Error).message}` };
    }
    const date = Date.parse(res.headers.get('date') ?? '');
    if (!Number.isNaN(date)) this.seen = { at: date, mono: performance.now() };
    let envelope: z.output<typeof GatewayEnvelopeSchema> | null;
    try {
      const parsed = GatewayEnvelopeSchema.safeParse(JSON.parse(text));
      envelope = parsed.success ? parsed.data : null;
    } catch {
      envelope = null;
    }
    const reason = envelope ? `${envelope.fhdm}: ${envelope.fhxx}` : `HTTP ${res.status}`;
    if (res.status === 413 || envelope?.fhdm === GATEWAY_CODES.tooLarge) return { kind: 'too-large', reason };
    if (res.status === 429 || res.status === 408 || res.status >= 500 || envelope?.fhdm === GATEWAY_CODES.busy) {
      return { kind: 'retry', status: res.status, reason, retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), Date.now()) };
    }
    if (!envelope) return res.ok ? { kind: 'retry', status: res.status, reason: 'gateway answered outside its envelope', retryAfterMs: null } : { kind: 'refused', status: res.status, code: `http-${res.status}`, reason };
    if (envelope.fhdm === GATEWAY_CODES.ok && res.ok) return { kind: 'ok', value: envelope.sj ?? null, status: res.status, etag: null };
    // 凭证无效 / 报文错误: about the request as a whole. A bad message is judged like v1's 400 (halved to find the poison).
    const status = envelope.fhdm === GATEWAY_CODES.badToken ? 401 : envelope.fhdm === GATEWAY_CODES.badMessage ? 400 : res.ok ? 400 : res.status;
    return { kind: 'refused', status, code: `gw-${envelope.fhdm}`, reason };
  }
}
