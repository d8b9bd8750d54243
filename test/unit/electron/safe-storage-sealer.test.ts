import { describe, expect, it } from 'vitest';
import { safeStorageSealer, type SafeStorageLike } from '../../../electron/main/safe-storage-sealer';

// Electron cannot run here: a reversible stand-in for the OS keystore.
function keystore(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
    decryptString: (b) => Buffer.from(b.toString().replace(/^sealed:/, ''), 'hex').toString(),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorage sealer', () => {
  const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
  it('seals the data key with the OS keystore and gets it back', () => {
    const sealer = safeStorageSealer(keystore(true), 'linux');
    const sealed = sealer.seal(key);
    expect(sealed.includes(key)).toBe(false);
    expect(sealer.unseal(sealed).equals(key)).toBe(true);
    expect(sealer.kind).toBe('electron-safeStorage:gnome_libsecret');
  });
  it('says so when the OS has no keystore instead of pretending', () => {
    expect(safeStorageSealer(keystore(false), 'win32').kind).toBe('file-0600');
    expect(safeStorageSealer(keystore(true, 'basic_text'), 'linux').kind).toBe('file-0600');
    expect(safeStorageSealer(keystore(true), 'win32').kind).toBe('electron-safeStorage:os');
  });
});
