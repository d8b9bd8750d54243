import { createHash, randomBytes } from 'node:crypto';
import { err, ok, type FoundCertificate, type Result } from '../../contract';
import { CATALOG } from '../../contract/catalog';
import { AUTH_HEADERS, CertificateLookupResponseSchema, signingString } from '../../contract/platform';
import type { OfflineCache } from '../../offline-cache/offline-cache';
import { StatusPuller } from '../../offline-cache/sync/status-puller';
import type { PlatformLookups } from './journey-ports';

const LOOKUP_PATH = '/v1/e-certificates/lookup';

/**
 * Questions a journey asks the platform while the resident waits: which
 * e-certificates they hold (材料最简化), and the latest statuses for progress
 * query. Signed like every device request; a short timeout, because a
 * resident is standing there and the answer "offline" is a fine one.
 */
export function platformLookups(cache: OfflineCache, options: { timeoutMs: number }): PlatformLookups {
  const codeByName = new Map(CATALOG.eCertificates.map((c) => [c.name, c.code]));

  async function lookupOne(idNumber: string, code: string): Promise<Result<FoundCertificate | null>> {
    const body = Buffer.from(JSON.stringify({ holderIdNumber: idNumber, certificateTypeCode: code }), 'utf8');
    const timestamp = String(Date.now());
    const nonce = randomBytes(18).toString('base64url');
    const text = signingString({
      method: 'POST',
      pathWithQuery: LOOKUP_PATH,
      kioskId: cache.signer.kioskId,
      timestamp,
      nonce,
      bodySha256: createHash('sha256').update(body).digest('hex'),
    });
    let res: Response;
    try {
      res = await fetch(new URL(LOOKUP_PATH, cache.client.baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [AUTH_HEADERS.kioskId]: cache.signer.kioskId,
          [AUTH_HEADERS.timestamp]: timestamp,
          [AUTH_HEADERS.nonce]: nonce,
          [AUTH_HEADERS.signature]: Buffer.from(cache.signer.sign(Buffer.from(text, 'utf8'))).toString('base64'),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (e) {
      return err('platform-unreachable', '网络暂时不可用，查不到电子证照', { detail: `e-cert lookup: ${(e as Error).name}` });
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) return err(res.status >= 500 ? 'platform-unreachable' : 'platform-rejected', '暂时查不到电子证照', { detail: `e-cert lookup: HTTP ${res.status}` });
    const parsed = CertificateLookupResponseSchema.safeParse(json);
    if (!parsed.success) return err('platform-unreachable', '暂时查不到电子证照', { detail: 'e-cert lookup: answer broke the contract' });
    if (!parsed.data.found) return ok(null);
    const c = parsed.data.certificate;
    return ok({ certificateId: c.certificateNumber, type: c.certificateTypeName, issuer: c.issuingDepartment, holder: c.holderNameMasked });
  }

  return {
    async lookupCertificates(idNumber, types) {
      const codes = types.map((t) => [t, codeByName.get(t)] as const).filter((p): p is readonly [string, string] => p[1] !== undefined);
      const results = await Promise.all(codes.map(([, code]) => lookupOne(idNumber, code)));
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) return failed;
      return ok(results.flatMap((r) => (r.ok && r.value ? [r.value] : [])));
    },
    async refreshStatuses() {
      const pulled = await new StatusPuller(cache.store, cache.client).pullAll();
      return pulled.kind === 'ok';
    },
  };
}
