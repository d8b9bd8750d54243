import { createHash, verify } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CodeMap, type CodeKind } from '../../contract/code-map';
import {
  BookRequestSchema,
  CancelRequestSchema,
  ContentRangeSchema,
  EidVerifyRequestSchema,
  EnterpriseLookupRequestSchema,
  HeartbeatSchema,
  HolderQuerySchema,
  parseContentRange,
  ProvisionRequestSchema,
  Sha256HexSchema,
  SlotsRequestSchema,
  type HeartbeatResponse,
} from '../../contract/platform';
import {
  fromGatewayFields,
  GATEWAY_CHANNELS,
  GATEWAY_CODES,
  GATEWAY_FIELDS,
  GATEWAY_MORE_CODES,
  GATEWAY_PATHS,
  GATEWAY_STATES,
  GATEWAY_STREAMS,
  GATEWAY_TOKEN_HEADER,
  GATEWAY_TOKEN_WINDOW_MS,
  GatewayBatchSchema,
  GatewayCertificateQuerySchema,
  GatewayHeartbeatSchema,
  gatewayTokenText,
  toGatewayFields,
  type GatewayResult,
} from '../../contract/province-example/gateway';
import type { SimContext } from '../context';
import { provisionKiosk } from '../routes/provision';
import { lookupEnterprise } from '../store/enterprise-registry';
import { highestSeqs, recordStoreLoss } from '../store/gone-seqs';

/**
 * The example province gateway (contract/province-example/gateway.ts) in
 * front of the same store: it checks its token header, translates the
 * province's codes back to ours with the code map, and hands the items to
 * the intake ledger, the case progression, the fleet desk, the
 * attachment store, the catalog, the registries and the appointment
 * calendar that the v1 routes use. Its answers carry the province's field
 * names (`GATEWAY_FIELDS`) and codes.
 */
export function registerGatewayRoutes(app: FastifyInstance, ctx: SimContext, map: CodeMap): void {
  const send = (reply: FastifyReply, http: number, fhdm: string, fhxx: string, sj?: unknown) => reply.code(http).send({ fhdm, fhxx, ...(sj === undefined ? {} : { sj }) });
  const ours = (kind: CodeKind, theirs: string): string | null => {
    try {
      return map.fromProvince(kind, theirs);
    } catch {
      return null;
    }
  };

  /** The kiosk behind a valid token, or null after answering 4001. */
  const terminal = (req: FastifyRequest, reply: FastifyReply): string | null => {
    const raw = req.headers[GATEWAY_TOKEN_HEADER];
    const m = typeof raw === 'string' ? /^GW1 ([^:]+):(\d{1,16}):([A-Za-z0-9+/=]+)$/.exec(raw) : null;
    const refuse = (why: string) => {
      void send(reply, 401, GATEWAY_CODES.badToken, `凭证无效: ${why}`);
      return null;
    };
    if (!m) return refuse(`expected ${GATEWAY_TOKEN_HEADER}: GW1 <kioskId>:<ms>:<signature>`);
    const [, kioskId, at, sig] = m as unknown as [string, string, string, string];
    if (Math.abs(Date.now() - Number(at)) > GATEWAY_TOKEN_WINDOW_MS) return refuse('token outside its time window');
    const key = ctx.kiosks.publicKeyOf(kioskId);
    if (!key) return refuse(`unknown terminal ${kioskId}`);
    const text = gatewayTokenText(kioskId, at, req.method, req.url.split('?')[0]!, createHash('sha256').update(req.rawBody ?? Buffer.alloc(0)).digest('hex'));
    if (!verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(sig, 'base64'))) return refuse('signature does not match');
    return kioskId;
  };

  const parse = <S extends z.ZodType>(req: FastifyRequest, reply: FastifyReply, schema: S): z.output<S> | null => {
    const r = schema.safeParse(req.body);
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    void send(reply, 400, GATEWAY_CODES.badMessage, `报文错误: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
    return null;
  };

  app.get(GATEWAY_PATHS.health, async (_req, reply) => send(reply, 200, GATEWAY_CODES.ok, '正常'));

  for (const [stream, name] of Object.entries(GATEWAY_STREAMS) as [keyof typeof GATEWAY_STREAMS, string][]) {
    app.post(`/gw/bj/${name}`, async (req, reply) => {
      const kioskId = terminal(req, reply);
      if (!kioskId) return reply;
      const batch = parse(req, reply, GatewayBatchSchema);
      if (!batch) return reply;
      const unmapped: GatewayResult[] = [];
      const items: unknown[] = [];
      for (const r of batch.jl) {
        const itemCode = r.sxbm === undefined ? undefined : ours('oneThings', r.sxbm);
        const subItemCodes = r.zxbm?.map((c) => ours('subItems', c));
        const materials = Array.isArray(r.nr['materials'])
          ? (r.nr['materials'] as Record<string, unknown>[]).map((mat) => ({
              ...mat,
              materialCode: ours('materials', String(mat['materialCode'])),
              ...(typeof mat['certificateTypeCode'] === 'string' ? { certificateTypeCode: ours('eCertificates', mat['certificateTypeCode']) } : {}),
            }))
          : undefined;
        const bad = itemCode === null || subItemCodes?.includes(null) || materials?.some((x) => x.materialCode === null || x['certificateTypeCode'] === null);
        if (bad) {
          unmapped.push({ ywlsh: r.ywlsh, jg: '90', cwdm: 'E-SXBM', cwxx: '事项编码、子项编码或材料编码不在本省目录中' });
          continue;
        }
        const payload = { ...r.nr, ...(itemCode ? { itemCode } : {}), ...(subItemCodes ? { subItemCodes } : {}), ...(materials ? { materials } : {}) };
        items.push({ clientId: r.ywlsh, seq: r.xh, createdAt: r.cjsj, payload });
      }
      const outcome = items.length ? ctx.ledger.submit(kioskId, stream, items) : { results: [], createdNew: false };
      req.createdNew = outcome.createdNew;
      const results: GatewayResult[] = outcome.results.map((x) =>
        x.outcome === 'rejected'
          ? { ywlsh: x.clientId, jg: x.permanent ? '90' : '91', cwdm: x.code, cwxx: x.reason }
          : { ywlsh: x.clientId, jg: x.outcome === 'accepted' ? '00' : '01', slbh: x.platformNumber, jssj: x.receivedAt },
      );
      return send(reply, 200, GATEWAY_CODES.ok, '成功', [...results, ...unmapped]);
    });
  }

  app.post(GATEWAY_PATHS.heartbeat, async (req, reply) => {
    const kioskId = terminal(req, reply);
    if (!kioskId) return reply;
    const env = parse(req, reply, GatewayHeartbeatSchema);
    if (!env) return reply;
    const hb = HeartbeatSchema.safeParse({ ...env.nr, heartbeatId: env.xtid });
    if (!hb.success) return send(reply, 400, GATEWAY_CODES.badMessage, `报文错误: ${hb.error.issues[0]?.message ?? ''}`);
    const now = new Date();
    const commands = ctx.fleet.receive(kioskId, hb.data, now);
    if (hb.data.storeLoss) recordStoreLoss(ctx.db, kioskId, hb.data.storeLoss, now.toISOString());
    const sj: HeartbeatResponse = { receivedAt: now.toISOString(), serverTime: now.toISOString(), commands, highestSeqs: highestSeqs(ctx.db, kioskId) };
    return send(reply, 200, GATEWAY_CODES.ok, '成功', sj);
  });

  app.get(GATEWAY_PATHS.status, async (req, reply) => {
    const kioskId = terminal(req, reply);
    if (!kioskId) return reply;
    const q = req.query as { yb?: string; ts?: string };
    const cursor = q.yb ?? '0';
    const limit = Number(q.ts ?? 200);
    if (!/^\d{1,18}$/.test(cursor) || !Number.isInteger(limit) || limit < 1 || limit > 1000) return send(reply, 400, GATEWAY_CODES.badMessage, '报文错误: yb 或 ts');
    const page = ctx.progression.page(kioskId, cursor, limit, ctx.clock.nowMs());
    return send(reply, 200, GATEWAY_CODES.ok, '成功', {
      bg: page.changes.map((c) => ({
        yb: c.cursor,
        ywlsh: c.clientId,
        slbh: c.platformNumber,
        zxbm: map.toProvince('subItems', c.subItemCode),
        bm: c.department,
        zt: GATEWAY_STATES[c.state],
        sj: c.at,
        ...(c.note !== undefined ? { bz: c.note } : {}),
        ...(c.result !== undefined ? { hcjg: c.result } : {}),
      })),
      xyb: page.nextCursor,
      gd: page.hasMore,
    });
  });

  app.post(GATEWAY_PATHS.certificates, async (req, reply) => {
    const kioskId = terminal(req, reply);
    if (!kioskId) return reply;
    const q = parse(req, reply, GatewayCertificateQuerySchema);
    if (!q) return reply;
    const code = ours('eCertificates', q.zzlxdm);
    if (!code) return send(reply, 400, GATEWAY_CODES.badMessage, `报文错误: 证照类型代码 ${q.zzlxdm} 不在本省目录中`);
    const found = ctx.certificates.lookup(q.sfzh, code);
    if (found.kind === 'unknown-type') return send(reply, 400, GATEWAY_CODES.badMessage, `报文错误: 证照类型代码 ${q.zzlxdm}`);
    const sj = found.value.found ? { found: true, certificate: { ...found.value.certificate, certificateTypeCode: map.toProvince('eCertificates', found.value.certificate.certificateTypeCode) } } : found.value;
    return send(reply, 200, GATEWAY_CODES.ok, '成功', sj);
  });

  /** A v1-shaped request in the gateway's field names, checked against the v1 schema; 4002 names the gateway's field. */
  const parseFields = <S extends z.ZodType>(req: FastifyRequest, reply: FastifyReply, schema: S): z.output<S> | null => {
    const r = schema.safeParse(fromGatewayFields(req.body ?? {}));
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    const where = issue?.path.map((k) => (typeof k === 'string' ? (GATEWAY_FIELDS[k] ?? k) : String(k))).join('.') ?? '';
    void send(reply, 400, GATEWAY_CODES.badMessage, `报文错误: ${where} ${issue?.message ?? ''}`);
    return null;
  };
  const sendFields = (reply: FastifyReply, sj: unknown) => send(reply, 200, GATEWAY_CODES.ok, '成功', toGatewayFields(sj));
  const theirsOrNull = (kind: CodeKind, code: string | null) => (code === null ? null : map.toProvince(kind, code));

  app.post(GATEWAY_PATHS.provision, async (req, reply) => {
    if (!ctx.provisioning.open) return send(reply, 403, GATEWAY_MORE_CODES.forbidden, '拒绝: 本平台不接受终端自助注册（公钥由平台登记）');
    const body = parseFields(req, reply, ProvisionRequestSchema);
    if (!body) return reply;
    const r = provisionKiosk(ctx, body);
    switch (r.kind) {
      case 'closed':
        return send(reply, 403, GATEWAY_MORE_CODES.forbidden, '拒绝: 本平台不接受终端自助注册（公钥由平台登记）');
      case 'bad-token':
        return send(reply, 403, GATEWAY_MORE_CODES.forbidden, '拒绝: 注册凭证不正确');
      case 'key-conflict':
        return send(reply, 409, GATEWAY_MORE_CODES.conflict, `冲突: 终端 ${r.kioskId} 已用另一公钥注册`);
      case 'registered':
        return sendFields(reply, r.response);
    }
  });

  app.get<{ Params: { sha256: string } }>(`${GATEWAY_PATHS.attachment}:sha256`, async (req, reply) => {
    if (!terminal(req, reply)) return reply;
    if (!Sha256HexSchema.safeParse(req.params.sha256).success) return send(reply, 400, GATEWAY_CODES.badMessage, '报文错误: 附件摘要应为 64 位小写十六进制');
    return sendFields(reply, ctx.attachments.status(req.params.sha256));
  });

  app.put<{ Params: { sha256: string } }>(`${GATEWAY_PATHS.attachment}:sha256`, async (req, reply) => {
    const kioskId = terminal(req, reply);
    if (!kioskId) return reply;
    const sha = req.params.sha256;
    if (!Sha256HexSchema.safeParse(sha).success) return send(reply, 400, GATEWAY_CODES.badMessage, '报文错误: 附件摘要应为 64 位小写十六进制');
    const q = req.query as { qs?: string; zs?: string };
    const bytes = req.rawBody ?? Buffer.alloc(0);
    const header = /^\d{1,12}$/.test(q.qs ?? '') && /^\d{1,12}$/.test(q.zs ?? '') && bytes.length > 0 ? `bytes ${q.qs}-${Number(q.qs) + bytes.length - 1}/${q.zs}` : '';
    const range = ContentRangeSchema.safeParse(header).success ? parseContentRange(header) : null;
    if (!range) return send(reply, 400, GATEWAY_CODES.badMessage, '报文错误: qs（起始）与 zs（总长）应为整数，分段不能为空且不超出总长');
    const outcome = await ctx.attachments.putChunk(kioskId, sha, range, bytes);
    switch (outcome.kind) {
      case 'stored':
        req.createdNew = outcome.createdNew;
        return sendFields(reply, outcome.status);
      case 'range-mismatch':
        return send(reply, 409, GATEWAY_MORE_CODES.conflict, `冲突: ${outcome.message}`);
      case 'too-large':
        return send(reply, 413, GATEWAY_CODES.tooLarge, `过大: ${outcome.message}`);
      case 'digest-mismatch':
        return send(reply, 422, GATEWAY_MORE_CODES.rejected, `内容不符: ${outcome.message}`);
    }
  });

  app.get(GATEWAY_PATHS.catalog, async (req, reply) => {
    if (!terminal(req, reply)) return reply;
    const { body, etag } = ctx.catalog.response();
    if ((req.query as { bb?: string }).bb === etag) return send(reply, 200, GATEWAY_MORE_CODES.unchanged, '未变更');
    const sj = toGatewayFields(body);
    return send(reply, 200, GATEWAY_CODES.ok, '成功', sj && typeof sj === 'object' ? { ...sj, bb: etag } : sj);
  });

  app.post(GATEWAY_PATHS.enterprises, async (req, reply) => {
    if (!terminal(req, reply)) return reply;
    const body = parseFields(req, reply, EnterpriseLookupRequestSchema);
    return body ? sendFields(reply, lookupEnterprise(body.unifiedSocialCreditCode)) : reply;
  });

  app.post(GATEWAY_PATHS.eid, async (req, reply) => {
    if (!terminal(req, reply)) return reply;
    const body = parseFields(req, reply, EidVerifyRequestSchema);
    return body ? sendFields(reply, ctx.eid.verify(body.code)) : reply;
  });

  app.post(GATEWAY_PATHS.casesByHolder, async (req, reply) => {
    if (!terminal(req, reply)) return reply;
    const body = parseFields(req, reply, HolderQuerySchema);
    if (!body) return reply;
    const cases = ctx.holderCases.forHolder(body.holderIdNumber).map((c) => ({
      ...c,
      itemCode: theirsOrNull('oneThings', c.itemCode),
      channel: GATEWAY_CHANNELS[c.channel],
      subItems: c.subItems.map((x) => ({ ...x, code: map.toProvince('subItems', x.code), state: GATEWAY_STATES[x.state] })),
    }));
    return sendFields(reply, { cases });
  });

  type Appt = { itemCode: string | null };
  const provinceAppointment = <A extends Appt>(a: A): A => ({ ...a, itemCode: theirsOrNull('oneThings', a.itemCode) });

  app.post(GATEWAY_PATHS.halls, async (req, reply) => (terminal(req, reply) ? sendFields(reply, ctx.appointments.list()) : reply));

  app.post(GATEWAY_PATHS.slots, async (req, reply) => {
    if (!terminal(req, reply)) return reply;
    const body = parseFields(req, reply, SlotsRequestSchema);
    if (!body) return reply;
    const slots = ctx.appointments.slots(body.hallId, body.day);
    return slots ? sendFields(reply, slots) : send(reply, 404, GATEWAY_MORE_CODES.notFound, `未找到: 大厅 ${body.hallId}`);
  });

  app.post(GATEWAY_PATHS.book, async (req, reply) => {
    const kioskId = terminal(req, reply);
    if (!kioskId) return reply;
    const body = parseFields(req, reply, BookRequestSchema);
    if (!body) return reply;
    const itemCode = body.itemCode === null ? null : ours('oneThings', body.itemCode);
    if (body.itemCode !== null && itemCode === null) return send(reply, 400, GATEWAY_CODES.badMessage, `报文错误: 事项编码 ${body.itemCode} 不在本省目录中`);
    const answer = ctx.appointments.book(kioskId, { ...body, itemCode });
    req.createdNew = answer.booked;
    return sendFields(reply, answer.booked ? { ...answer, appointment: provinceAppointment(answer.appointment) } : answer);
  });

  app.post(GATEWAY_PATHS.cancel, async (req, reply) => {
    if (!terminal(req, reply)) return reply;
    const body = parseFields(req, reply, CancelRequestSchema);
    if (!body) return reply;
    const answer = ctx.appointments.cancel(body.appointmentNumber, body.holderIdNumber);
    return sendFields(reply, answer.cancelled ? { ...answer, appointment: provinceAppointment(answer.appointment) } : answer);
  });

  app.post(GATEWAY_PATHS.appointmentsByHolder, async (req, reply) => {
    if (!terminal(req, reply)) return reply;
    const body = parseFields(req, reply, HolderQuerySchema);
    return body ? sendFields(reply, { appointments: ctx.appointments.byHolder(body.holderIdNumber).map(provinceAppointment) }) : reply;
  });
}
