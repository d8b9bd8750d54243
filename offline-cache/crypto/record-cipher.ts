import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import smCrypto from 'sm-crypto';

// sm-crypto is CommonJS without named ESM exports.
const { sm3, sm4 } = smCrypto;

/**
 * Per-record encryption of personal data at rest. Every sealed record is
 * self-describing (version + algorithm byte), so a kiosk switched from AES to
 * SM4 still opens what it wrote before. The record's own id is bound as
 * associated data: a sealed blob moved to another row does not open.
 *
 * SM4 is pure JavaScript (sm-crypto) because Electron's BoringSSL has no SM4;
 * it is SM4-CBC with an HMAC-SM3 tag (encrypt-then-MAC), since sm-crypto has
 * no GCM mode.
 */
export type CipherAlgorithm = 'aes-256-gcm' | 'sm4-cbc-hmac-sm3';

const VERSION = 1;
const ALG_BYTE: Record<CipherAlgorithm, number> = { 'aes-256-gcm': 1, 'sm4-cbc-hmac-sm3': 2 };

export class RecordOpenError extends Error {
  override readonly name = 'RecordOpenError';
}

export interface RecordCipher {
  readonly algorithm: CipherAlgorithm;
  seal(plaintext: Uint8Array, recordId: string): Buffer;
  /** Throws RecordOpenError for a tampered, truncated or foreign record (a bug or an attack, never normal flow). */
  open(sealed: Uint8Array, recordId: string): Buffer;
}

function subkey(master: Uint8Array, label: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `onething-kiosk ${label}`, length));
}

/** Derives the keys the store needs from the one sealed data key. */
export function deriveKeys(master: Uint8Array): { readonly aes: Buffer; readonly sm4: Buffer; readonly sm4Mac: Buffer; readonly lookup: Buffer; readonly files: Buffer } {
  if (master.length !== 32) throw new Error('data key must be 32 bytes');
  return {
    aes: subkey(master, 'record aes-256-gcm', 32),
    sm4: subkey(master, 'record sm4', 16),
    sm4Mac: subkey(master, 'record hmac-sm3', 32),
    lookup: subkey(master, 'applicant lookup', 32),
    files: subkey(master, 'attachment address', 32),
  };
}

function header(alg: CipherAlgorithm): Buffer {
  return Buffer.from([VERSION, ALG_BYTE[alg]]);
}

function aesSeal(key: Buffer, plaintext: Uint8Array, aad: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([header('aes-256-gcm'), iv, body, c.getAuthTag()]);
}

function aesOpen(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < 2 + 12 + 16) throw new RecordOpenError('sealed record too short');
  const iv = sealed.subarray(2, 14);
  const tag = sealed.subarray(sealed.length - 16);
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(aad);
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(sealed.subarray(14, sealed.length - 16)), d.final()]);
  } catch {
    throw new RecordOpenError('record failed authentication');
  }
}

/** HMAC-SM3 over header ‖ iv ‖ ciphertext ‖ aad-length ‖ aad. */
function sm3Tag(macKey: Buffer, parts: readonly Uint8Array[]): Buffer {
  const data = Buffer.concat(parts);
  return Buffer.from(sm3(Array.from(data), { key: Array.from(macKey), mode: 'hmac' }), 'hex');
}

function lengthPrefix(aad: Buffer): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(aad.length);
  return b;
}

/** Pure-JS SM4-CBC block encryption (PKCS#7); exported so tests can compare it with OpenSSL's sm4-cbc. */
export function sm4CbcEncrypt(key: Buffer, iv: Buffer, plaintext: Uint8Array): Buffer {
  return Buffer.from(sm4.encrypt(Array.from(plaintext), Array.from(key), { mode: 'cbc', iv: Array.from(iv), output: 'array' }));
}

export function sm4CbcDecrypt(key: Buffer, iv: Buffer, ciphertext: Uint8Array): Buffer {
  return Buffer.from(sm4.decrypt(Array.from(ciphertext), Array.from(key), { mode: 'cbc', iv: Array.from(iv), output: 'array' }));
}

function sm4Seal(key: Buffer, macKey: Buffer, plaintext: Uint8Array, aad: Buffer): Buffer {
  const iv = randomBytes(16);
  const h = header('sm4-cbc-hmac-sm3');
  const body = sm4CbcEncrypt(key, iv, plaintext);
  const tag = sm3Tag(macKey, [h, iv, body, lengthPrefix(aad), aad]);
  return Buffer.concat([h, iv, body, tag]);
}

function sm4Open(key: Buffer, macKey: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < 2 + 16 + 16 + 32 || (sealed.length - 2 - 16 - 32) % 16 !== 0) throw new RecordOpenError('sealed record has a bad length');
  const h = sealed.subarray(0, 2);
  const iv = sealed.subarray(2, 18);
  const body = sealed.subarray(18, sealed.length - 32);
  const tag = sealed.subarray(sealed.length - 32);
  const expected = sm3Tag(macKey, [h, iv, body, lengthPrefix(aad), aad]);
  if (!timingSafeEqual(tag, expected)) throw new RecordOpenError('record failed authentication');
  try {
    return sm4CbcDecrypt(key, iv, body);
  } catch {
    throw new RecordOpenError('record padding invalid');
  }
}

/** A cipher that seals with `algorithm` and opens anything this kiosk ever wrote. */
export function createRecordCipher(master: Uint8Array, algorithm: CipherAlgorithm = 'aes-256-gcm'): RecordCipher {
  const keys = deriveKeys(master);
  return {
    algorithm,
    seal(plaintext, recordId) {
      const aad = Buffer.from(recordId, 'utf8');
      return algorithm === 'aes-256-gcm' ? aesSeal(keys.aes, plaintext, aad) : sm4Seal(keys.sm4, keys.sm4Mac, plaintext, aad);
    },
    open(sealedInput, recordId) {
      const sealed = Buffer.from(sealedInput.buffer, sealedInput.byteOffset, sealedInput.byteLength);
      if (sealed.length < 2 || sealed[0] !== VERSION) throw new RecordOpenError('unknown sealed record version');
      const aad = Buffer.from(recordId, 'utf8');
      if (sealed[1] === ALG_BYTE['aes-256-gcm']) return aesOpen(keys.aes, sealed, aad);
      if (sealed[1] === ALG_BYTE['sm4-cbc-hmac-sm3']) return sm4Open(keys.sm4, keys.sm4Mac, sealed, aad);
      throw new RecordOpenError('unknown sealed record algorithm');
    },
  };
}
