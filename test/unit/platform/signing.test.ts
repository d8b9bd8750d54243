import { ed25519 } from '@noble/curves/ed25519.js';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_BODY_SHA256, parseContentRange, signingString } from '../../../contract/platform';
import { canonicalJson } from '../../../platform-sim/canonical-json';

const SEED = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

describe('KIOSK-ED25519-V1 signing string', () => {
  const input = { method: 'post', pathWithQuery: '/v1/applications/batch', kioskId: 'SX-TY-XD-0001', timestamp: '1795708800000', nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA', bodySha256: EMPTY_BODY_SHA256 };

  it('is the seven fields joined by newlines, method upper-cased', () => {
    expect(signingString(input)).toBe(
      ['KIOSK-ED25519-V1', 'POST', '/v1/applications/batch', 'SX-TY-XD-0001', '1795708800000', 'AAAAAAAAAAAAAAAAAAAAAAAA', EMPTY_BODY_SHA256].join('\n'),
    );
  });

  it('signs identically in pure JS (@noble/curves, Electron) and in node:crypto (platform), and each verifies the other', () => {
    const message = new TextEncoder().encode(signingString(input));
    const publicKey = ed25519.getPublicKey(SEED);
    const jwk = { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(SEED).toString('base64url'), x: Buffer.from(publicKey).toString('base64url') };
    const nodeSig = sign(null, message, createPrivateKey({ key: jwk, format: 'jwk' }));
    const nobleSig = ed25519.sign(message, SEED);
    expect(Buffer.from(nobleSig).equals(nodeSig)).toBe(true);
    expect(verify(null, message, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }), Buffer.from(nobleSig))).toBe(true);
    expect(ed25519.verify(nodeSig, message, publicKey)).toBe(true);
    const tampered = new TextEncoder().encode(signingString({ ...input, pathWithQuery: '/v1/feedback/batch' }));
    expect(ed25519.verify(nodeSig, tampered, publicKey)).toBe(false);
  });
});

describe('Content-Range', () => {
  it('parses a consistent range and refuses inconsistent ones', () => {
    expect(parseContentRange('bytes 0-1023/4096')).toEqual({ start: 0, end: 1023, total: 4096 });
    expect(parseContentRange('bytes 10-5/100')).toBeNull();
    expect(parseContentRange('bytes 0-100/100')).toBeNull();
    expect(parseContentRange('bytes */100')).toBeNull();
    expect(parseContentRange('bytes 0-99999999999999999999/1')).toBeNull();
  });
});

describe('canonical JSON (payload sameness for idempotency)', () => {
  it('sorts keys at every level, keeps array order, drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});
