import { z } from 'zod';

/**
 * The wire of an example province gateway (docs/platform-api.md, "The example
 * adapter"): its own envelope (返回代码 / 返回信息 / 数据), its own field names
 * (业务流水号, 事项编码 …), its own status codes and a token header instead of
 * KIOSK-ED25519-V1 request signing. It is what an integrator's province
 * might look like; `offline-cache/platform/example-gateway.ts` is the
 * kiosk's adapter for it and `platform-sim/gateway/` serves it over HTTP.
 */

/** Token header: `GW1 <kioskId>:<unix ms>:<base64 Ed25519 signature of gatewayTokenText(...)>`. */
export const GATEWAY_TOKEN_HEADER = 'x-gw-token';
/** Tokens older or newer than this are refused. */
export const GATEWAY_TOKEN_WINDOW_MS = 5 * 60_000;

export function gatewayTokenText(kioskId: string, atMs: string, method: string, path: string, bodySha256Hex: string): string {
  return `GW1\n${kioskId}\n${atMs}\n${method.toUpperCase()} ${path}\n${bodySha256Hex}`;
}

/** 返回代码: the gateway's own answer codes. */
export const GATEWAY_CODES = {
  ok: '0000',
  badToken: '4001',
  badMessage: '4002',
  tooLarge: '4013',
  busy: '5001',
} as const;

export const GatewayEnvelopeSchema = z.object({
  /** 返回代码 */
  fhdm: z.string(),
  /** 返回信息 */
  fhxx: z.string(),
  /** 数据 */
  sj: z.unknown().optional(),
});
export type GatewayEnvelope = z.infer<typeof GatewayEnvelopeSchema>;

/** 办件 streams by the gateway's names: 申请 / 评价 / 意见反馈. */
export const GATEWAY_STREAMS = { applications: 'sqsb', evaluations: 'pj', feedback: 'yjfk' } as const;

export const GatewayRecordSchema = z.object({
  /** 业务流水号: the kiosk's clientId, the idempotency key. */
  ywlsh: z.string().min(1).max(64),
  /** 序号: per-stream sequence. */
  xh: z.number().int().positive(),
  /** 创建时间 */
  cjsj: z.string(),
  /** 事项编码 (the province's), absent for feedback without one. */
  sxbm: z.string().optional(),
  /** 子项编码 (the province's). */
  zxbm: z.array(z.string()).optional(),
  /** 内容: the payload, its codes in the province's. */
  nr: z.record(z.string(), z.unknown()),
});
export type GatewayRecord = z.infer<typeof GatewayRecordSchema>;

export const GatewayBatchSchema = z.object({ jl: z.array(GatewayRecordSchema).min(1).max(500) });

/** 结果: 00 受理 · 01 重复 · 90 拒收 (permanent) · 91 稍后重试. */
export const GatewayResultSchema = z.object({
  ywlsh: z.string(),
  jg: z.enum(['00', '01', '90', '91']),
  /** 受理编号 */
  slbh: z.string().optional(),
  /** 接收时间 */
  jssj: z.string().optional(),
  /** 错误代码 / 错误信息 */
  cwdm: z.string().optional(),
  cwxx: z.string().optional(),
});
export type GatewayResult = z.infer<typeof GatewayResultSchema>;

/** 办件状态: 01 受理 · 02 审批中 · 03 办结 · 04 退回. */
export const GATEWAY_STATES = { received: '01', 'in-review': '02', completed: '03', returned: '04' } as const;

export const GatewayStatusChangeSchema = z.object({
  /** 游标 */
  yb: z.string(),
  ywlsh: z.string(),
  slbh: z.string(),
  /** 子项编码 (the province's) */
  zxbm: z.string(),
  /** 部门 */
  bm: z.string(),
  zt: z.enum(['01', '02', '03', '04']),
  /** 时间 */
  sj: z.string(),
  /** 备注 / 核查结果 */
  bz: z.string().optional(),
  hcjg: z.string().optional(),
});

export const GatewayStatusPageSchema = z.object({
  bg: z.array(GatewayStatusChangeSchema),
  /** 下一游标 */
  xyb: z.string(),
  /** 更多 */
  gd: z.boolean(),
});

/** 心跳 */
export const GatewayHeartbeatSchema = z.object({ xtid: z.string().min(1), nr: z.record(z.string(), z.unknown()) });

/** 电子证照查询: 身份证号 + 证照类型代码 (the province's). */
export const GatewayCertificateQuerySchema = z.object({ sfzh: z.string().min(6).max(32), zzlxdm: z.string().min(1).max(64) });

/**
 * The gateway's field names for the v1 shapes it carries beyond 办件 and
 * 心跳 (provisioning, attachments, the catalog, lookups, appointments,
 * 办件查询): ours → theirs, one name each way (checked below). Values keep
 * their shape; codes inside them (事项编码, 子项编码, 证照类型代码, states,
 * channels) are mapped separately by each side, never renamed here.
 */
export const GATEWAY_FIELDS: Readonly<Record<string, string>> = {
  // 终端注册
  kioskId: 'zdbh',
  publicKey: 'zdgy',
  servicePoint: 'fwd',
  provisioningToken: 'zcpz',
  registeredAt: 'zcsj',
  platformPublicKey: 'ptgy',
  platformKeyId: 'ptgyid',
  platformSm2PublicKey: 'ptsm2gy',
  highestSeqs: 'zdxh',
  // 附件
  totalBytes: 'zzj',
  receivedBytes: 'yjs',
  complete: 'wc',
  // 事项目录
  payload: 'mlnr',
  signature: 'qm',
  sm2Signature: 'gmqm',
  // 电子证照
  holderIdNumber: 'sfzh',
  certificateTypeCode: 'zzlxdm',
  certificateTypeName: 'zzlxmc',
  certificateNumber: 'zzbh',
  issuingDepartment: 'fzjg',
  issuedAt: 'fzrq',
  validUntil: 'yxqz',
  holderNameMasked: 'cyrxm',
  found: 'cz',
  certificate: 'zz',
  // 市场主体
  unifiedSocialCreditCode: 'tyshxydm',
  enterprise: 'qy',
  name: 'mc',
  type: 'lx',
  legalRepresentative: 'fddbr',
  status: 'zt',
  registrationAuthority: 'djjg',
  // 网证
  code: 'dm',
  valid: 'yx',
  issuer: 'qfjg',
  identity: 'sfxx',
  idNumber: 'gmsfhm',
  gender: 'xb',
  birthDate: 'csrq',
  nation: 'mz',
  address: 'dz',
  verifiedAt: 'yzsj',
  reason: 'sm',
  // 办件查询
  cases: 'bjlb',
  platformNumber: 'slbh',
  itemCode: 'sxbm',
  thingName: 'sxmc',
  channel: 'qd',
  filedAt: 'sldd',
  receivedAt: 'jssj',
  subItems: 'zxlb',
  department: 'bm',
  state: 'blzt',
  result: 'hcjg',
  // 预约
  halls: 'dtlb',
  rules: 'gz',
  hallId: 'dtbm',
  nameEn: 'ywmc',
  capacityPerSlot: 'mdrs',
  cancelBeforeMinutes: 'qxtqfz',
  noShowLimit: 'sycs',
  noShowWindowDays: 'syts',
  bookAheadDays: 'kyts',
  slotMinutes: 'sdfz',
  day: 'rq',
  slots: 'sdlb',
  days: 'kyrq',
  startsAt: 'kssj',
  endsAt: 'jzsj',
  capacity: 'rl',
  remaining: 'syrl',
  appointmentNumber: 'yybh',
  hallName: 'dtmc',
  cancelDeadline: 'qxjzsj',
  purpose: 'bsyt',
  bookedAt: 'yysj',
  clientId: 'ywlsh',
  booked: 'cg',
  cancelled: 'yqx',
  appointment: 'yy',
  appointments: 'yylb',
};

const FIELDS_BACK: Readonly<Record<string, string>> = (() => {
  const back: Record<string, string> = {};
  for (const [ours, theirs] of Object.entries(GATEWAY_FIELDS)) {
    if (back[theirs] !== undefined) throw new Error(`GATEWAY_FIELDS: ${back[theirs]} and ${ours} both named ${theirs}`);
    back[theirs] = ours;
  }
  return back;
})();

function renamed(value: unknown, names: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(value)) return value.map((v) => renamed(v, names));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [names[k] ?? k, renamed(v, names)]));
}

/** A v1 shape in the gateway's field names (deep; names not in the table are kept). */
export function toGatewayFields(value: unknown): unknown {
  return renamed(value, GATEWAY_FIELDS);
}

/** A gateway shape back in the v1 field names. */
export function fromGatewayFields(value: unknown): unknown {
  return renamed(value, FIELDS_BACK);
}

/**
 * The gateway's paths for the calls beyond 办件 / 心跳 / 状态 / 证照. `{sha256}`
 * is the attachment's address; PUT carries `?qs=<start>&zs=<total>` (起始 / 总长)
 * and the chunk as octet-stream; GET 目录 carries `?bb=<the version it holds>`.
 */
export const GATEWAY_PATHS = {
  health: '/gw/jk',
  provision: '/gw/zd/zc',
  attachment: '/gw/fj/',
  catalog: '/gw/ml',
  heartbeat: '/gw/xt',
  status: '/gw/zt',
  certificates: '/gw/dzzz/cx',
  enterprises: '/gw/qy/cx',
  eid: '/gw/wz/yz',
  casesByHolder: '/gw/bjcx',
  halls: '/gw/yy/dt',
  slots: '/gw/yy/sd',
  book: '/gw/yy/bl',
  cancel: '/gw/yy/qx',
  appointmentsByHolder: '/gw/yy/cx',
} as const;

/** 返回代码 beyond the basic five: 未变更 (catalog), 拒绝, 未找到, 冲突, 内容不符. */
export const GATEWAY_MORE_CODES = {
  unchanged: '0304',
  forbidden: '4003',
  notFound: '4004',
  conflict: '4009',
  rejected: '4022',
} as const;

/** 办理渠道: 1 自助终端 · 2 窗口. */
export const GATEWAY_CHANNELS = { kiosk: '1', window: '2' } as const;
