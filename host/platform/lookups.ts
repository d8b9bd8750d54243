import { createHash, randomBytes } from 'node:crypto';
import { err, ok, type FoundCertificate, type Result } from '../../contract';
import { CATALOG, type Catalog } from '../../contract/catalog';
import type { z } from 'zod';
import {
  AUTH_HEADERS,
  CertificateLookupResponseSchema,
  EidVerifyResponseSchema,
  EnterpriseLookupResponseSchema,
  HolderCasesResponseSchema,
  signingString,
  type EidVerifyResponse,
  type EnterpriseLookupResponse,
} from '../../contract/platform';
import type { OfflineCache } from '../../offline-cache/offline-cache';
import { StatusPuller } from '../../offline-cache/sync/status-puller';
import type { PlatformLookups } from './ports';

const LOOKUP_PATH = '/v1/e-certificates/lookup';

/**
 * One signed request to the platform whose answer must meet `schema`; every
 * failure is a value saying whether the platform answered
 * (`platform-unreachable`) or refused (`platform-rejected`).
 */
export async function signedCall<S extends z.ZodType>(
  cache: Pick<OfflineCache, 'signer' | 'client'>,
  timeoutMs: number,
  method: 'GET' | 'POST',
  pathname: string,
  payload: unknown,
  schema: S,
  what: string,
): Promise<Result<z.output<S>>> {
  const body = method === 'POST' ? Buffer.from(JSON.stringify(payload), 'utf8') : Buffer.alloc(0);
  const timestamp = String(Date.now());
  const nonce = randomBytes(18).toString('base64url');
  const text = signingString({
    method,
    pathWithQuery: pathname,
    kioskId: cache.signer.kioskId,
    timestamp,
    nonce,
    bodySha256: createHash('sha256').update(body).digest('hex'),
  });
  let res: Response;
  try {
    res = await cache.client.fetch(new URL(pathname, cache.client.baseUrl), {
      method,
      headers: {
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        [AUTH_HEADERS.kioskId]: cache.signer.kioskId,
        [AUTH_HEADERS.timestamp]: timestamp,
        [AUTH_HEADERS.nonce]: nonce,
        [AUTH_HEADERS.signature]: Buffer.from(cache.signer.sign(Buffer.from(text, 'utf8'))).toString('base64'),
      },
      ...(method === 'POST' ? { body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    return err('platform-unreachable', '网络暂时不可用', { detail: `${what}: ${(e as Error).name}` });
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) return err(res.status >= 500 ? 'platform-unreachable' : 'platform-rejected', '平台暂时不能回答', { detail: `${what}: HTTP ${res.status}` });
  const parsed = schema.safeParse(json);
  if (!parsed.success) return err('platform-unreachable', '平台暂时不能回答', { detail: `${what}: answer broke the contract` });
  return ok(parsed.data);
}

/**
 * Questions a journey asks the platform while the resident waits: which
 * e-certificates they hold (材料最简化), and the latest statuses for progress
 * query. Signed like every device request; a short timeout, because a
 * resident is standing there and the answer "offline" is a fine one.
 */
export function platformLookups(cache: OfflineCache, options: { timeoutMs: number; catalog?: () => Catalog }): PlatformLookups {
  const catalog = options.catalog ?? (() => CATALOG);

  const signedPost = <S extends z.ZodType>(pathname: string, payload: unknown, schema: S, what: string): Promise<Result<z.output<S>>> =>
    signedCall(cache, options.timeoutMs, 'POST', pathname, payload, schema, what);

  async function lookupOne(idNumber: string, code: string): Promise<Result<FoundCertificate | null>> {
    const answer = await signedPost(LOOKUP_PATH, { holderIdNumber: idNumber, certificateTypeCode: code }, CertificateLookupResponseSchema, 'e-cert lookup');
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
      signedPost('/v1/enterprises/lookup', { unifiedSocialCreditCode: uscc }, EnterpriseLookupResponseSchema, 'enterprise lookup'),
    verifyEid: (code: string): Promise<Result<EidVerifyResponse>> => signedPost('/v1/eid/verify', { code }, EidVerifyResponseSchema, 'e-ID verify'),
    casesByHolder: (idNumber: string) => signedPost('/v1/cases/by-holder', { holderIdNumber: idNumber }, HolderCasesResponseSchema, 'cases by holder'),
    async refreshStatuses() {
      const pulled = await new StatusPuller(cache.store, cache.client).pullAll();
      return pulled.kind === 'ok';
    },
  };
}
