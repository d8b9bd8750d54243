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
 * protected than by the file's 0600 mode, and the kind says so for the
 * dashboard rather than pretending.
 */
export function safeStorageSealer(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Sealer {
  const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : 'os';
  const usable = safeStorage.isEncryptionAvailable() && backend !== 'basic_text';
  if (!usable) {
    return { kind: 'file-0600', seal: (s) => Buffer.from(s), unseal: (s) => Buffer.from(s) };
  }
  return {
    kind: `electron-safeStorage:${backend}`,
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
