import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Maintenance PINs are short, so only a slow, memory-hard hash stands between
 * a copied data directory and the PIN. scrypt is in node:crypto and in
 * Electron's BoringSSL alike.
 */
export interface PinHash {
  readonly algo: 'scrypt';
  readonly salt: string;
  readonly hash: string;
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

const DEFAULT_PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LEN = 32;

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => scrypt(pin, salt, KEY_LEN, options, (e, key) => (e ? reject(e) : resolve(key))));
}

export async function hashPin(pin: string, params: { N: number; r: number; p: number } = DEFAULT_PARAMS): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, params);
  return { algo: 'scrypt', salt: salt.toString('base64'), hash: key.toString('base64'), ...params };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  const expected = Buffer.from(stored.hash, 'base64');
  return key.length === expected.length && timingSafeEqual(key, expected);
}
