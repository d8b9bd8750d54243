import { ed25519 } from '@noble/curves/ed25519.js';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretSealer } from '../crypto/key-vault';

/**
 * The kiosk's Ed25519 device key: it signs every platform request. Stored
 * sealed beside the data key; the platform knows only the public half.
 */
export interface DeviceSigner {
  readonly kioskId: string;
  readonly publicKeyBase64: string;
  sign(message: Uint8Array): Uint8Array;
}

export function loadOrCreateDeviceSigner(file: string, kioskId: string, sealer: SecretSealer): DeviceSigner {
  let secret: Uint8Array;
  if (existsSync(file)) {
    secret = sealer.unseal(readFileSync(file));
    if (secret.length !== 32) throw new Error(`device key in ${file} has ${secret.length} bytes, expected 32`);
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    secret = ed25519.utils.randomSecretKey();
    writeFileSync(`${file}.tmp`, sealer.seal(Buffer.from(secret)), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
  const publicKey = ed25519.getPublicKey(secret);
  return {
    kioskId,
    publicKeyBase64: Buffer.from(publicKey).toString('base64'),
    sign: (message) => ed25519.sign(message, secret),
  };
}
