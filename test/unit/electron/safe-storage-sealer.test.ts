import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadOrCreateDataKey } from '../../../offline-cache/crypto/key-vault';
import { keySealingFindings } from '../../../host/operations/maintenance/key-sealing-findings';
import { safeStorageLegacySealers, safeStorageSealer, type SafeStorageLike } from '../../../electron/main/safe-storage-sealer';
import { tempDir } from '../../support/processes';

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
    expect(safeStorageSealer(keystore(false), 'win32').kind).toBe('file-0600:electron-unavailable');
    expect(safeStorageSealer(keystore(true, 'basic_text'), 'linux').kind).toBe('file-0600:electron-basic_text');
    expect(safeStorageSealer(keystore(true), 'win32').kind).toBe('electron-safeStorage:os');
  });

  it('a basic_text keystore is a dashboard finding, in demo too; a real keystore is none', () => {
    const basic = safeStorageSealer(keystore(true, 'basic_text'), 'linux');
    const demo = keySealingFindings(basic.kind, 'demo');
    expect(demo.map((f) => [f.level, f.code])).toEqual([['warn', 'KEYS-KEYSTORE-BASIC-TEXT']]);
    expect(demo[0]!.problem['zh-CN']).toMatch(/basic_text/);
    expect(keySealingFindings(basic.kind, 'production').map((f) => f.level)).toEqual(['fault']);
    expect(keySealingFindings(safeStorageSealer(keystore(true), 'linux').kind, 'production')).toEqual([]);
    expect(keySealingFindings('file-0600', 'demo')).toEqual([]);
    expect(keySealingFindings('file-0600', 'production').map((f) => f.code)).toEqual(['KEYS-UNSEALED']);
  });
  it('a raw safeStorage key file from before the sealing header is read and re-written with it', () => {
    const ks = keystore(true);
    const file = path.join(tempDir('keys'), 'data.key');
    writeFileSync(file, ks.encryptString(key.toString('base64')), { mode: 0o600 });
    const r = loadOrCreateDataKey(file, safeStorageSealer(ks, 'linux'), safeStorageLegacySealers(ks));
    expect(r.key.equals(key)).toBe(true);
    expect(r.migratedFrom).toBe('electron-safeStorage');
    expect(readFileSync(file).subarray(0, 34).toString()).toBe('OTK-SEALED/1 electron-safeStorage\n');
  });
});
