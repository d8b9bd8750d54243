import { ed25519 } from '@noble/curves/ed25519.js';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainFileSealer } from '../../../offline-cache/crypto/key-vault';
import { loadOrCreateDeviceSigner, nativeSigner } from '../../../offline-cache/sync/device-identity';
import { tempDir } from '../../support/processes';

describe('device signer', () => {
  it('derives the same public key and signatures natively as the pure-JS curve, for many keys', () => {
    for (let i = 0; i < 20; i++) {
      const secret = new Uint8Array(randomBytes(32));
      const native = nativeSigner(secret);
      expect(native).not.toBeNull();
      expect(Buffer.from(native!.publicKey).toString('hex')).toBe(Buffer.from(ed25519.getPublicKey(secret)).toString('hex'));
      const message = randomBytes(1 + i * 37);
      expect(Buffer.from(native!.sign(message)).toString('hex')).toBe(Buffer.from(ed25519.sign(message, secret)).toString('hex'));
    }
  });

  it('signs what the platform verifies with the published public key, and the same key comes back on the next start', () => {
    const file = path.join(tempDir('device-key'), 'device.key');
    const signer = loadOrCreateDeviceSigner(file, 'SX-TEST-1', plainFileSealer);
    const message = Buffer.from('POST /v1/applications');
    const publicKey = Buffer.from(signer.publicKeyBase64, 'base64');
    expect(ed25519.verify(signer.sign(message), message, publicKey)).toBe(true);
    expect(ed25519.verify(signer.sign(message), Buffer.from('POST /v1/other'), publicKey)).toBe(false);
    expect(loadOrCreateDeviceSigner(file, 'SX-TEST-1', plainFileSealer).publicKeyBase64).toBe(signer.publicKeyBase64);
  });
});
