import { err, ok, type FoundCertificate, type Result } from '../../contract';
import { CATALOG, type Catalog } from '../../contract/catalog';
import type { z } from 'zod';
import {
  CertificateLookupResponseSchema,
  EidVerifyResponseSchema,
  EnterpriseLookupResponseSchema,
  HolderCasesResponseSchema,
  type EidVerifyResponse,
  type EnterpriseLookupResponse,
} from '../../contract/platform';
import type { OfflineCache } from '../../offline-cache/offline-cache';
import type { PlatformQuery } from '../../offline-cache/sync/platform-port';
import { StatusPuller } from '../../offline-cache/sync/status-puller';
import type { PlatformLookups } from './ports';

/**
 * One signed question to the platform, through its port, whose answer must
 * meet `schema`; every failure is a value saying whether the platform
 * answered (`platform-rejected`) or not (`platform-unreachable`).
 */
export async function signedCall<S extends z.ZodType>(
  cache: Pick<OfflineCache, 'client'>,
  timeoutMs: number,
  query: PlatformQuery,
  payload: unknown,
  schema: S,
  what: string,
): Promise<Result<z.output<S>>> {
  const r = await cache.client.query(query, payload, { timeoutMs });
  switch (r.kind) {
    case 'ok': {
      const parsed = schema.safeParse(r.value);
      if (!parsed.success) return err('platform-unreachable', '平台暂时不能回答', { detail: `${what}: answer broke the contract` });
      return ok(parsed.data);
    }
    case 'unreachable':
      return err('platform-unreachable', '网络暂时不可用', { detail: `${what}: ${r.reason}` });
    case 'retry':
      return err('platform-unreachable', '平台暂时不能回答', { detail: `${what}: ${r.reason}` });
    case 'not-modified':
      return err('platform-unreachable', '平台暂时不能回答', { detail: `${what}: unexpected 304` });
    default:
      return err('platform-rejected', '平台暂时不能回答', { detail: `${what}: ${r.reason}` });
  }
}

/**
 * Questions a journey asks the platform while the resident waits: which
 * e-certificates they hold (材料最简化), and the latest statuses for progress
 * query. Signed like every device request; a short timeout, because a
 * resident is standing there and the answer "offline" is a fine one.
 */
export function platformLookups(cache: OfflineCache, options: { timeoutMs: number; catalog?: () => Catalog }): PlatformLookups {
  const catalog = options.catalog ?? (() => CATALOG);

  const signedPost = <S extends z.ZodType>(query: PlatformQuery, payload: unknown, schema: S, what: string): Promise<Result<z.output<S>>> =>
    signedCall(cache, options.timeoutMs, query, payload, schema, what);

  async function lookupOne(idNumber: string, code: string): Promise<Result<FoundCertificate | null>> {
    const answer = await signedPost('certificates.lookup', { holderIdNumber: idNumber, certificateTypeCode: code }, CertificateLookupResponseSchema, 'e-cert lookup');
    if (!answer.ok) return { ...answer, message: answer.code === 'platform-unreachable' ? '网络暂时不可用，查不到电子证照' : '暂时查不到电子证照' };
    const parsed = { data: answer.value };
    if (!parsed.data.found) return ok(null);
    const c = parsed.data.certificate;
    return ok({ certificateId: c.certificateNumber, type: c.certificateTypeName, issuer: c.issuingDepartment, holder: c.holderNameMasked });
  }

  return {
    async lookupCertificates(idNumber, types) {
      const codeByName = new Map(catalog().eCertificates.map((c) => [c.name, c.code]));
      const codes = types.map((t) => [t, codeByName.get(t)] as const).filter((p): p is readonly [string, string] => p[1] !== undefined);
      const results = await Promise.all(codes.map(([, code]) => lookupOne(idNumber, code)));
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) return failed;
      return ok(results.flatMap((r) => (r.ok && r.value ? [r.value] : [])));
    },
    lookupEnterprise: (uscc: string): Promise<Result<EnterpriseLookupResponse>> =>
      signedPost('enterprises.lookup', { unifiedSocialCreditCode: uscc }, EnterpriseLookupResponseSchema, 'enterprise lookup'),
    verifyEid: (code: string): Promise<Result<EidVerifyResponse>> => signedPost('eid.verify', { code }, EidVerifyResponseSchema, 'e-ID verify'),
    casesByHolder: (idNumber: string) => signedPost('cases.byHolder', { holderIdNumber: idNumber }, HolderCasesResponseSchema, 'cases by holder'),
    async refreshStatuses() {
      const pulled = await new StatusPuller(cache.store, cache.client).pullAll();
      return pulled.kind === 'ok';
    },
  };
}
