import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateDataKey, plainFileSealer, type SecretSealer } from '../../../offline-cache/crypto/key-vault';
import { tempDir } from '../../support/processes';

describe('data key', () => {
  it('is created once as a 0600 file and read back the same', () => {
    const file = path.join(tempDir('keys'), 'keys', 'data.key');
    const first = loadOrCreateDataKey(file, plainFileSealer);
    expect(first.created).toBe(true);
    expect(first.key.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateDataKey(file, plainFileSealer);
    expect(again.created).toBe(false);
    expect(again.key.equals(first.key)).toBe(true);
  });

  it('tightens a key file others can read, and says so', () => {
    const file = path.join(tempDir('keys'), 'data.key');
    loadOrCreateDataKey(file, plainFileSealer);
    chmodSync(file, 0o644);
    const r = loadOrCreateDataKey(file, plainFileSealer);
    expect(r.warning).toMatch(/644/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('goes through the sealer (as Electron safeStorage would): the file never holds the key itself', () => {
    const file = path.join(tempDir('keys'), 'data.key');
    const xor: SecretSealer = { kind: 'test-xor', seal: (s) => Buffer.from(s.map((b) => b ^ 0xa5)), unseal: (s) => Buffer.from(s.map((b) => b ^ 0xa5)) };
    const { key } = loadOrCreateDataKey(file, xor);
    expect(readFileSync(file).equals(key)).toBe(false);
    expect(loadOrCreateDataKey(file, xor).key.equals(key)).toBe(true);
    writeFileSync(file, Buffer.alloc(5));
    expect(() => loadOrCreateDataKey(file, xor)).toThrow(/expected 32/);
  });
});
