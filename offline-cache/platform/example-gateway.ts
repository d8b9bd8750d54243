import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  AttachmentStatusSchema,
  HeartbeatResponseSchema,
  ItemResultSchema,
  ProvisionResponseSchema,
  SignedCatalogSchema,
  type AttachmentStatus,
  type CaseState,
  type HeartbeatResponse,
  type ItemResult,
  type ProvisionResponse,
  type SignedCatalog,
  type StatusPage,
} from '../../contract/platform';
import {
  fromGatewayFields,
  GATEWAY_CHANNELS,
  GATEWAY_CODES,
  GATEWAY_MORE_CODES,
  GATEWAY_PATHS,
  GATEWAY_STATES,
  GATEWAY_STREAMS,
  GATEWAY_TOKEN_HEADER,
  GatewayEnvelopeSchema,
  GatewayResultSchema,
  GatewayStatusPageSchema,
  gatewayTokenText,
  toGatewayFields,
  type GatewayRecord,
} from '../../contract/province-example/gateway';
import { parseRetryAfter } from '../outbox/backoff';
import type { DeviceSigner } from '../sync/device-identity';
import { PlatformHttp, type FetchLike } from '../sync/platform-fetch';
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
const CHANNEL_BY_CODE = Object.fromEntries(Object.entries(GATEWAY_CHANNELS).map(([channel, code]) => [code, channel])) as Record<string, string>;

/** 返回代码 → the HTTP status the kiosk's model judges by (the gateway answers most refusals with HTTP 200). */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [GATEWAY_CODES.badToken]: 401,
  [GATEWAY_CODES.badMessage]: 400,
  [GATEWAY_MORE_CODES.forbidden]: 403,
  [GATEWAY_MORE_CODES.notFound]: 404,
  [GATEWAY_MORE_CODES.conflict]: 409,
  [GATEWAY_MORE_CODES.rejected]: 422,
};

/** Where each query lives on the gateway. */
const GATEWAY_QUERIES: Readonly<Record<PlatformQuery, string>> = {
  'certificates.lookup': GATEWAY_PATHS.certificates,
  'enterprises.lookup': GATEWAY_PATHS.enterprises,
  'eid.verify': GATEWAY_PATHS.eid,
  'cases.byHolder': GATEWAY_PATHS.casesByHolder,
  'appointments.halls': GATEWAY_PATHS.halls,
  'appointments.slots': GATEWAY_PATHS.slots,
  'appointments.book': GATEWAY_PATHS.book,
  'appointments.cancel': GATEWAY_PATHS.cancel,
  'appointments.byHolder': GATEWAY_PATHS.appointmentsByHolder,
};

type Ok = Extract<CallOutcome<unknown>, { kind: 'ok' }>;

/**
 * The adapter for the example province gateway (`contract/province-example/`),
 * a complete second implementation of `PlatformPort`: every call goes through
 * the gateway's envelope (`/gw/…`, 返回代码 / 返回信息 / 数据, token header),
 * its field names (`GATEWAY_FIELDS`) and its codes — 事项编码, 子项编码,
 * 证照类型代码 and 材料编码 through the code map, states and channels through
 * its own tables — both ways. Nothing rides the v1 API. An integrator copies
 * this file, replaces the wire, and keeps the outcomes.
 */
export class ExampleGatewayAdapter implements PlatformPort {
  readonly adapter = 'example-gateway';
  private readonly http: PlatformHttp;
  private readonly map: CodeMap;

  constructor(private readonly options: ExampleGatewayOptions) {
    this.http = new PlatformHttp({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) });
    this.map = options.codeMap;
  }

  platformNow(): number | null {
    return this.http.platformNow();
  }

  async health(): Promise<CallOutcome<unknown>> {
    return this.call('GET', GATEWAY_PATHS.health, null, { token: false });
  }

  /** 终端注册: no token yet (the gateway does not know the key); the answer carries the platform's keys to pin. */
  async provision(provisioningToken: string, servicePoint: string): Promise<CallOutcome<ProvisionResponse>> {
    const request = { kioskId: this.options.signer.kioskId, publicKey: this.options.signer.publicKeyBase64, servicePoint, provisioningToken };
    const r = await this.call('POST', GATEWAY_PATHS.provision, toGatewayFields(request), { token: false });
    return r.kind === 'ok' ? this.checked(r, ProvisionResponseSchema, fromGatewayFields(r.value)) : r;
  }

  async attachmentStatus(sha256: string): Promise<CallOutcome<AttachmentStatus>> {
    const r = await this.call('GET', `${GATEWAY_PATHS.attachment}${sha256}`, null, {});
    return r.kind === 'ok' ? this.checked(r, AttachmentStatusSchema, fromGatewayFields(r.value)) : r;
  }

  /** 附件分段: the chunk as octet-stream, where it starts and the total in the query; 4009 = resume from the status. */
  async uploadChunk(sha256: string, chunk: Uint8Array, start: number, total: number): Promise<CallOutcome<AttachmentStatus>> {
    const r = await this.call('PUT', `${GATEWAY_PATHS.attachment}${sha256}?qs=${start}&zs=${total}`, chunk, {});
    return r.kind === 'ok' ? this.checked(r, AttachmentStatusSchema, fromGatewayFields(r.value)) : r;
  }

  /**
   * 事项目录: the platform's signed catalog, its payload and signatures as
   * signed (the kiosk verifies the bytes the platform signed, so nothing in
   * them is renamed or re-coded); `bb` is the version the kiosk holds, 0304
   * says it is still current.
   */
  async catalog(etag: string | null): Promise<CallOutcome<SignedCatalog>> {
    const r = await this.call('GET', `${GATEWAY_PATHS.catalog}${etag ? `?bb=${encodeURIComponent(etag)}` : ''}`, null, {});
    if (r.kind !== 'ok') return r;
    const sj = r.value as { bb?: unknown } | null;
    const checked = this.checked(r, SignedCatalogSchema, fromGatewayFields(r.value));
    return checked.kind === 'ok' ? { ...checked, etag: typeof sj?.bb === 'string' ? sj.bb : null } : checked;
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
    let request: unknown;
    try {
      request = this.requestFor(name, payload);
    } catch (e) {
      if (!(e instanceof UnmappedCodeError)) throw e;
      return { kind: 'refused', status: 422, code: 'code-unmapped', reason: e.message };
    }
    const r = await this.call('POST', GATEWAY_QUERIES[name], toGatewayFields(request), { timeoutMs: options.timeoutMs });
    if (r.kind !== 'ok') return r;
    try {
      return { ...r, value: this.answerFor(name, fromGatewayFields(r.value)) };
    } catch (e) {
      if (!(e instanceof UnmappedCodeError)) throw e;
      // An answer naming a code we cannot place is no answer: the caller says "try again", never shows a wrong item.
      return { kind: 'retry', status: r.status, reason: e.message, retryAfterMs: null };
    }
  }

  /** Our request, our codes → the province's codes (field names follow in `toGatewayFields`). */
  private requestFor(name: PlatformQuery, payload: unknown): unknown {
    const body = (payload ?? {}) as Record<string, unknown>;
    switch (name) {
      case 'certificates.lookup':
        return { ...body, certificateTypeCode: this.map.toProvince('eCertificates', String(body['certificateTypeCode'])) };
      case 'appointments.book':
        return { ...body, itemCode: typeof body['itemCode'] === 'string' ? this.map.toProvince('oneThings', body['itemCode']) : null };
      default:
        return body;
    }
  }

  /** The province's answer (v1 field names by now) → our codes, states and channels. Shapes are validated by the caller. */
  private answerFor(name: PlatformQuery, answer: unknown): unknown {
    const a = answer as Record<string, unknown> | null;
    if (!a || typeof a !== 'object') return answer;
    const item = (code: unknown) => (typeof code === 'string' ? this.map.fromProvince('oneThings', code) : code);
    const appointment = (x: unknown) => (x && typeof x === 'object' ? { ...(x as Record<string, unknown>), itemCode: item((x as Record<string, unknown>)['itemCode']) } : x);
    switch (name) {
      case 'certificates.lookup': {
        const c = a['certificate'] as Record<string, unknown> | undefined;
        return c ? { ...a, certificate: { ...c, certificateTypeCode: this.map.fromProvince('eCertificates', String(c['certificateTypeCode'])) } } : a;
      }
      case 'cases.byHolder':
        return {
          ...a,
          cases: Array.isArray(a['cases'])
            ? (a['cases'] as Record<string, unknown>[]).map((c) => ({
                ...c,
                itemCode: item(c['itemCode']),
                channel: CHANNEL_BY_CODE[String(c['channel'])] ?? c['channel'],
                subItems: Array.isArray(c['subItems'])
                  ? (c['subItems'] as Record<string, unknown>[]).map((s) => ({ ...s, code: this.map.fromProvince('subItems', String(s['code'])), state: STATE_BY_CODE[String(s['state'])] ?? s['state'] }))
                  : c['subItems'],
              }))
            : a['cases'],
        };
      case 'appointments.book':
      case 'appointments.cancel':
        return a['appointment'] ? { ...a, appointment: appointment(a['appointment']) } : a;
      case 'appointments.byHolder':
        return Array.isArray(a['appointments']) ? { ...a, appointments: (a['appointments'] as unknown[]).map(appointment) } : a;
      default:
        return a;
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

  private checked<S extends z.ZodType>(r: Ok, schema: S, value: unknown = r.value): CallOutcome<z.output<S>> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { kind: 'retry', status: r.status, reason: `gateway answer broke the contract: ${parsed.error.issues[0]?.message ?? ''}`, retryAfterMs: null };
    return { ...r, value: parsed.data as z.output<S> };
  }

  private token(method: string, path: string, body: Uint8Array): string {
    const at = String(Date.now());
    const text = gatewayTokenText(this.options.signer.kioskId, at, method, path, createHash('sha256').update(body).digest('hex'));
    const sig = Buffer.from(this.options.signer.sign(Buffer.from(text, 'utf8'))).toString('base64');
    return `GW1 ${this.options.signer.kioskId}:${at}:${sig}`;
  }

  /** One gateway call; its 返回代码 decides the outcome, then the HTTP status. The answer is the envelope's 数据. */
  private async call(method: 'GET' | 'POST' | 'PUT', pathWithQuery: string, payload: unknown, opts: { token?: boolean; timeoutMs?: number }): Promise<CallOutcome<unknown>> {
    const binary = payload instanceof Uint8Array;
    const body = binary ? payload : payload === null ? new Uint8Array(0) : Buffer.from(JSON.stringify(payload), 'utf8');
    const headers: Record<string, string> = {};
    if (body.length) headers['content-type'] = binary ? 'application/octet-stream' : 'application/json';
    if (opts.token !== false) headers[GATEWAY_TOKEN_HEADER] = this.token(method, pathWithQuery.split('?')[0]!, body);
    const x = await this.http.send(method, pathWithQuery, { headers, ...(body.length ? { body } : {}), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
    if (x.kind === 'unreachable') return x;
    const ok = x.status >= 200 && x.status < 300;
    let envelope: z.output<typeof GatewayEnvelopeSchema> | null;
    try {
      const parsed = GatewayEnvelopeSchema.safeParse(JSON.parse(x.text));
      envelope = parsed.success ? parsed.data : null;
    } catch {
      envelope = null;
    }
    const reason = envelope ? `${envelope.fhdm}: ${envelope.fhxx}` : `HTTP ${x.status}`;
    if (x.status === 413 || envelope?.fhdm === GATEWAY_CODES.tooLarge) return { kind: 'too-large', reason };
    if (x.status === 429 || x.status === 408 || x.status >= 500 || envelope?.fhdm === GATEWAY_CODES.busy) {
      return { kind: 'retry', status: x.status, reason, retryAfterMs: parseRetryAfter(x.headers.get('retry-after'), Date.now()) };
    }
    if (!envelope) return ok ? { kind: 'retry', status: x.status, reason: 'gateway answered outside its envelope', retryAfterMs: null } : { kind: 'refused', status: x.status, code: `http-${x.status}`, reason };
    if (envelope.fhdm === GATEWAY_MORE_CODES.unchanged && ok) return { kind: 'not-modified' };
    if (envelope.fhdm === GATEWAY_CODES.ok && ok) return { kind: 'ok', value: envelope.sj ?? null, status: x.status, etag: null };
    // 凭证无效 / 报文错误 / 拒绝 / 未找到 / 冲突 / 内容不符: about the request as a whole. A bad message is judged like v1's 400.
    return { kind: 'refused', status: STATUS_BY_CODE[envelope.fhdm] ?? (ok ? 400 : x.status), code: `gw-${envelope.fhdm}`, reason };
  }
}
