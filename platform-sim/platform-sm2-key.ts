import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import smCrypto from 'sm-crypto';
import { sha256Hex } from './canonical-json';

// sm-crypto is CommonJS without named ESM exports.
const { sm2 } = smCrypto;

/** GB/T 35276 default signer id; both sides must use the same one. */
export const SM2_USER_ID = '1234567812345678';

/**
 * The platform's optional 国密 key: a second signature on catalogs, for
 * deployments that require SM2. Kept beside the Ed25519 key (0600).
 */
export class PlatformSm2Key {
  private constructor(
    private readonly privateKeyHex: string,
    readonly publicKeyHex: string,
    readonly keyId: string,
  ) {}

  static loadOrCreate(dataDir: string): PlatformSm2Key {
    const file = path.join(dataDir, 'platform-sm2-key.json');
    let pair: { publicKey: string; privateKey: string };
    if (existsSync(file)) {
      pair = JSON.parse(readFileSync(file, 'utf8')) as typeof pair;
    } else {
      pair = sm2.generateKeyPairHex();
      writeFileSync(file, JSON.stringify(pair), { mode: 0o600 });
    }
    return new PlatformSm2Key(pair.privateKey, pair.publicKey, `platform-sm2-${sha256Hex(pair.publicKey).slice(0, 16)}`);
  }

  /** r‖s hex over the UTF-8 bytes of `text` (SM3 with Z, default user id). */
  sign(text: string): string {
    return sm2.doSignature(Array.from(Buffer.from(text, 'utf8')), this.privateKeyHex, { hash: true, der: false, publicKey: this.publicKeyHex, userId: SM2_USER_ID });
  }
}
