import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from './canonical-json';

/**
 * The platform's own Ed25519 key: signs catalogs and kiosk commands. Kept in
 * the data dir (0600) so a restarted simulator keeps the key kiosks pinned.
 */
export class PlatformKey {
  private constructor(
    private readonly privateKey: KeyObject,
    /** base64 of the raw 32-byte public key, as kiosks pin it. */
    readonly publicKeyBase64: string,
    readonly keyId: string,
  ) {}

  static loadOrCreate(dataDir: string): PlatformKey {
    const file = path.join(dataDir, 'platform-key.json');
    let jwk: { kty: string; crv: string; x: string; d: string };
    if (existsSync(file)) {
      jwk = JSON.parse(readFileSync(file, 'utf8')) as typeof jwk;
    } else {
      const { privateKey } = generateKeyPairSync('ed25519');
      jwk = privateKey.export({ format: 'jwk' }) as typeof jwk;
      writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
    }
    const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    const raw = Buffer.from(jwk.x, 'base64url');
    return new PlatformKey(privateKey, raw.toString('base64'), `platform-${sha256Hex(raw).slice(0, 16)}`);
  }

  /** base64 Ed25519 signature over the UTF-8 bytes of `text`. */
  sign(text: string): string {
    return sign(null, Buffer.from(text, 'utf8'), this.privateKey).toString('base64');
  }
}

/** A kiosk's public key (base64 of 32 raw bytes) as a Node key object. */
export function ed25519PublicKey(rawBase64: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawBase64, 'base64').toString('base64url') }, format: 'jwk' });
}
