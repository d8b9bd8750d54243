import { z } from 'zod';
import { GenderCodeSchema } from '../identity';
import { IsoTimeSchema } from './common';

/**
 * Who applies, asked of the platform while the resident waits:
 * the enterprise registry (市场主体登记, by unified social credit code) and
 * e-ID QR verification (三晋通 code, 网证/CTID code). Both POST, so neither a
 * code nor an identity sits in a URL or an access log.
 */

const Uscc = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'expected an 18-character unified social credit code');

/** POST /v1/enterprises/lookup */
export const EnterpriseLookupRequestSchema = z.object({ unifiedSocialCreditCode: Uscc }).strict();
export type EnterpriseLookupRequest = z.infer<typeof EnterpriseLookupRequestSchema>;

export const RegisteredEnterpriseSchema = z.object({
  unifiedSocialCreditCode: Uscc,
  /** 企业名称 as registered. */
  name: z.string().min(1).max(200),
  /** 企业类型, e.g. 有限责任公司（自然人投资或控股）. */
  type: z.string().min(1).max(100),
  /** 法定代表人 (or 经营者 / 执行事务合伙人): public on the national credit publicity system. */
  legalRepresentative: z.string().min(1).max(100),
  /** 登记状态: 存续, 在业, 吊销, 注销… */
  status: z.string().min(1).max(20),
  registrationAuthority: z.string().max(100),
});
export type RegisteredEnterpriseRecord = z.infer<typeof RegisteredEnterpriseSchema>;

export const EnterpriseLookupResponseSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), enterprise: RegisteredEnterpriseSchema }),
  z.object({ found: z.literal(false) }),
]);
export type EnterpriseLookupResponse = z.infer<typeof EnterpriseLookupResponseSchema>;

/** Who issued an e-ID code. */
export const EidIssuerSchema = z.enum(['sanjintong', 'ctid']);
export type EidIssuer = z.infer<typeof EidIssuerSchema>;

/** POST /v1/eid/verify: the text the scanner or camera read off the resident's phone. */
export const EidVerifyRequestSchema = z.object({ code: z.string().min(8).max(2048) }).strict();

/** The identity an e-ID code stands for (resident ID card data; the platform holds it, the code only points at it). */
export const EidIdentitySchema = z.object({
  name: z.string().min(1).max(100),
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
  gender: GenderCodeSchema,
  birthDate: z.string().regex(/^\d{8}$/),
  nation: z.string().regex(/^\d{2}$/).optional(),
  address: z.string().max(200),
});
export type EidIdentity = z.infer<typeof EidIdentitySchema>;

/**
 * Why a code was refused: not a code at all, a signature that is not the
 * issuer's (forged), never issued, past its validity, or already used once.
 */
export const EidRefusalSchema = z.enum(['malformed', 'bad-signature', 'unknown', 'expired', 'replayed']);
export type EidRefusal = z.infer<typeof EidRefusalSchema>;

export const EidVerifyResponseSchema = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), issuer: EidIssuerSchema, identity: EidIdentitySchema, verifiedAt: IsoTimeSchema }),
  z.object({ valid: z.literal(false), reason: EidRefusalSchema }),
]);
export type EidVerifyResponse = z.infer<typeof EidVerifyResponseSchema>;

/** Simulator only (`POST /admin/eid/issue`): what the resident's phone would show. */
export const IssueEidRequestSchema = z.object({
  issuer: EidIssuerSchema.default('sanjintong'),
  identity: EidIdentitySchema,
  /** How long the code is good for (real codes refresh every 60–120 s). */
  ttlSeconds: z.number().int().min(1).max(600).default(90),
});
export const IssueEidResponseSchema = z.object({ code: z.string(), expiresAt: IsoTimeSchema });
