import type { HostOptions } from '../../host/host';

type Sealer = NonNullable<HostOptions['sealer']>;

/** The part of Electron's safeStorage the sealer needs (structural, so it is unit-tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Seals the kiosk's data key with the OS keystore (DPAPI on Windows,
 * libsecret/kwallet on Linux) through Electron's safeStorage. Where the OS
 * offers none ('basic_text' on a bare Linux session) the key is no better
 * protected than by the file's 0600 mode: the kind says so
 * (`file-0600:electron-basic_text`) and the dashboard shows it as a finding
 * (KEYS-KEYSTORE-BASIC-TEXT) rather than using it silently.
 */
export function safeStorageSealer(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Sealer {
  const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : 'os';
  const usable = safeStorage.isEncryptionAvailable() && backend !== 'basic_text';
  if (!usable) {
    const why = backend === 'basic_text' ? 'electron-basic_text' : 'electron-unavailable';
    return { kind: `file-0600:${why}`, seal: (s) => Buffer.from(s), unseal: (s) => Buffer.from(s) };
  }
  return {
    kind: `electron-safeStorage:${backend}`,
    scheme: 'electron-safeStorage',
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

/**
 * Key files written before the sealing header (raw safeStorage blobs, or
 * plain files while the keystore was unavailable): read, then sealed in place.
 */
export function safeStorageLegacySealers(safeStorage: SafeStorageLike): Sealer[] {
  const plain: Sealer = { kind: 'file-0600', seal: (s) => Buffer.from(s), unseal: (s) => Buffer.from(s) };
  if (!safeStorage.isEncryptionAvailable()) return [plain];
  const raw: Sealer = {
    kind: 'electron-safeStorage',
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
  return [raw, plain];
}
