import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * How the 32-byte data key is protected on disk. The web shell keeps it in a
 * 0600 file (`plainFileSealer`); the Electron shell implements this with
 * `safeStorage.encryptString/decryptString` in electron/main and passes it in
 * at its composition root. Nothing below the composition root knows which.
 */
export interface SecretSealer {
  readonly kind: string;
  seal(secret: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

/** Web shell: the file's 0600 mode is the protection. */
export const plainFileSealer: SecretSealer = {
  kind: 'file-0600',
  seal: (secret) => Buffer.from(secret),
  unseal: (sealed) => Buffer.from(sealed),
};

/**
 * Loads the data key from `file`, creating it on first boot. A key file that
 * others can read is tightened to 0600 (the caller logs the returned warning).
 */
export function loadOrCreateDataKey(file: string, sealer: SecretSealer): { readonly key: Buffer; readonly created: boolean; readonly warning: string | null } {
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) {
    let warning: string | null = null;
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) {
      chmodSync(file, 0o600);
      warning = `key file mode was ${mode.toString(8)}; tightened to 600`;
    }
    const key = sealer.unseal(readFileSync(file));
    if (key.length !== 32) throw new Error(`data key in ${file} has ${key.length} bytes, expected 32 (wrong sealer?)`);
    return { key, created: false, warning };
  }
  const key = randomBytes(32);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, sealer.seal(key), { mode: 0o600, flag: 'w' });
  renameSync(tmp, file);
  return { key, created: true, warning: null };
}
