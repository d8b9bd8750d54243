import { verify } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AUTH_HEADERS, EMPTY_BODY_SHA256, SIGNATURE_MAX_SKEW_MS, SignedRequestHeadersSchema, signingString, type PlatformErrorCode } from '../../contract/platform';
import { issuesFromZod } from '../../contract/result';
import { sha256Hex } from '../canonical-json';
import type { KioskRegistry } from '../store/kiosks';

export type DeviceAuthOutcome =
  | { readonly ok: true; readonly kioskId: string }
  | {
      readonly ok: false;
      readonly code: PlatformErrorCode;
      readonly message: string;
      readonly issues?: { path: string; message: string }[];
      /** Set when the claimed kiosk is registered, so the fleet page can say why it is refused. */
      readonly registeredKioskId?: string;
    };

/**
 * Checks the KIOSK-ED25519-V1 signature of a request: known kiosk, timestamp
 * within the skew window of the wall clock, signature over method, path,
 * kiosk, timestamp, nonce and body hash, and a nonce not used before. The
 * nonce is recorded only after the signature verifies, so nobody can burn a
 * kiosk's nonces.
 */
export function authenticateDevice(req: FastifyRequest, registry: KioskRegistry, nowMs: number = Date.now()): DeviceAuthOutcome {
  const headers = SignedRequestHeadersSchema.safeParse({
    [AUTH_HEADERS.kioskId]: req.headers[AUTH_HEADERS.kioskId],
    [AUTH_HEADERS.timestamp]: req.headers[AUTH_HEADERS.timestamp],
    [AUTH_HEADERS.nonce]: req.headers[AUTH_HEADERS.nonce],
    [AUTH_HEADERS.signature]: req.headers[AUTH_HEADERS.signature],
  });
  if (!headers.success) {
    const issues = issuesFromZod(headers.error).map((i) => ({ ...i, path: `headers.${i.path}` }));
    return { ok: false, code: 'unauthorized', message: `device signature headers missing or malformed: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues };
  }
  const h = headers.data;
  const kioskId = h[AUTH_HEADERS.kioskId];
  const key = registry.publicKeyOf(kioskId);
  if (!key) return { ok: false, code: 'unknown-kiosk', message: `kiosk ${kioskId} is not registered` };
  const timestamp = Number(h[AUTH_HEADERS.timestamp]);
  if (Math.abs(nowMs - timestamp) > SIGNATURE_MAX_SKEW_MS) {
    return { ok: false, registeredKioskId: kioskId, code: 'stale-timestamp', message: `timestamp is ${Math.round((nowMs - timestamp) / 1000)} s from platform time (allowed ±${SIGNATURE_MAX_SKEW_MS / 1000} s)` };
  }
  const body = req.rawBody;
  const text = signingString({
    method: req.method,
    pathWithQuery: req.url,
    kioskId,
    timestamp: h[AUTH_HEADERS.timestamp],
    nonce: h[AUTH_HEADERS.nonce],
    bodySha256: body && body.length ? sha256Hex(body) : EMPTY_BODY_SHA256,
  });
  const good = verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(h[AUTH_HEADERS.signature], 'base64'));
  if (!good) return { ok: false, registeredKioskId: kioskId, code: 'bad-signature', message: 'signature does not verify for this method, path, body and kiosk key' };
  if (!registry.useNonce(kioskId, h[AUTH_HEADERS.nonce], nowMs, SIGNATURE_MAX_SKEW_MS)) {
    return { ok: false, registeredKioskId: kioskId, code: 'replayed-request', message: 'nonce already used: request replayed' };
  }
  return { ok: true, kioskId };
}
