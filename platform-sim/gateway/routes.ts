import { createHash, verify } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CodeMap, type CodeKind } from '../../contract/code-map';
import { HeartbeatSchema, type HeartbeatResponse } from '../../contract/platform';
import {
  GATEWAY_CODES,
  GATEWAY_STATES,
  GATEWAY_STREAMS,
  GATEWAY_TOKEN_HEADER,
  GATEWAY_TOKEN_WINDOW_MS,
  GatewayBatchSchema,
  GatewayCertificateQuerySchema,
  GatewayHeartbeatSchema,
  gatewayTokenText,
  type GatewayResult,
} from '../../contract/province-example/gateway';
import type { SimContext } from '../context';
import { highestSeqs, recordStoreLoss } from '../store/gone-seqs';

/**
 * The example province gateway (contract/province-example/gateway.ts) in
 * front of the same store: it checks its token header, translates the
 * province's codes back to ours with the code map, and hands the items to
 * the intake ledger, the case progression, the fleet desk and the
 * certificate registry that the v1 routes use.
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

  app.get('/gw/jk', async (_req, reply) => send(reply, 200, GATEWAY_CODES.ok, '正常'));

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

  app.post('/gw/xt', async (req, reply) => {
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

  app.get('/gw/zt', async (req, reply) => {
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

  app.post('/gw/dzzz/cx', async (req, reply) => {
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
}
