import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AUTH_HEADERS, EMPTY_BODY_SHA256, signingString, type ApplicationPayload } from '../../contract/platform';

/** Matches platform-sim's default (`DEFAULT_PROVISIONING_TOKEN`). */
const DEMO_PROVISIONING_TOKEN = 'demo-provisioning';

/** A kiosk as the platform sees it: an id and an Ed25519 key pair. */
export class TestKiosk {
  readonly privateKey: KeyObject;
  readonly publicKeyBase64: string;

  constructor(
    readonly baseUrl: string,
    readonly kioskId: string,
    keys?: { privateKey: KeyObject; publicKeyBase64: string },
  ) {
    if (keys) {
      this.privateKey = keys.privateKey;
      this.publicKeyBase64 = keys.publicKeyBase64;
    } else {
      const pair = generateKeyPairSync('ed25519');
      this.privateKey = pair.privateKey;
      const jwk = pair.publicKey.export({ format: 'jwk' }) as { x: string };
      this.publicKeyBase64 = Buffer.from(jwk.x, 'base64url').toString('base64');
    }
  }

  /** The same kiosk (same keys) talking to another server address, e.g. after a restart. */
  at(baseUrl: string): TestKiosk {
    return new TestKiosk(baseUrl, this.kioskId, { privateKey: this.privateKey, publicKeyBase64: this.publicKeyBase64 });
  }

  async provision(token = DEMO_PROVISIONING_TOKEN): Promise<Response> {
    return fetch(`${this.baseUrl}/v1/devices/provision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kioskId: this.kioskId, publicKey: this.publicKeyBase64, servicePoint: '太原市小店区坞城街道便民服务中心', provisioningToken: token }),
    });
  }

  /** Signature headers; `override` lets a test forge a stale timestamp or reuse a nonce. */
  signedHeaders(method: string, pathWithQuery: string, body: Uint8Array | null, override: { timestamp?: string; nonce?: string; key?: KeyObject } = {}): Record<string, string> {
    const timestamp = override.timestamp ?? String(Date.now());
    const nonce = override.nonce ?? randomBytes(18).toString('base64url');
    const bodySha256 = body && body.length ? createHash('sha256').update(body).digest('hex') : EMPTY_BODY_SHA256;
    const text = signingString({ method, pathWithQuery, kioskId: this.kioskId, timestamp, nonce, bodySha256 });
    return {
      [AUTH_HEADERS.kioskId]: this.kioskId,
      [AUTH_HEADERS.timestamp]: timestamp,
      [AUTH_HEADERS.nonce]: nonce,
      [AUTH_HEADERS.signature]: sign(null, Buffer.from(text, 'utf8'), override.key ?? this.privateKey).toString('base64'),
    };
  }

  /** A signed request; JSON bodies are serialised once so the signed bytes are the sent bytes. */
  async request(
    method: 'GET' | 'POST' | 'PUT',
    pathWithQuery: string,
    body?: unknown,
    opts: { raw?: Uint8Array; contentType?: string; headers?: Record<string, string>; sign?: { timestamp?: string; nonce?: string; key?: KeyObject }; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const bytes = opts.raw ?? (body === undefined ? null : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8'));
    const headers: Record<string, string> = { ...this.signedHeaders(method, pathWithQuery, bytes, opts.sign), ...(opts.headers ?? {}) };
    if (bytes) headers['content-type'] ??= opts.contentType ?? 'application/json';
    return fetch(`${this.baseUrl}${pathWithQuery}`, { method, headers, ...(bytes ? { body: Buffer.from(bytes) } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
  }
}

let seq = 0;

export function applicationPayload(overrides: Partial<ApplicationPayload> = {}): ApplicationPayload {
  return {
    itemCode: '01',
    subItemCodes: ['01-01', '01-02'],
    catalogVersion: '2024-8.1',
    applicant: { cardType: 'resident', name: '张小三', idNumber: '140105199001011238' },
    form: { enterpriseName: '太原市示例餐饮有限公司' },
    materials: [],
    commitmentSigned: false,
    localNumber: `K0001-20261126-${String(++seq).padStart(4, '0')}`,
    ...overrides,
  };
}

export function applicationItem(payload: ApplicationPayload = applicationPayload(), itemSeq = ++seq, clientId = uuidv7()) {
  return { clientId, seq: itemSeq, createdAt: new Date().toISOString(), payload };
}
