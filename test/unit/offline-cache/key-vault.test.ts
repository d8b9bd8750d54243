import { chmodSync, closeSync, existsSync, linkSync, openSync, readFileSync, readSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateDataKey, loadOrCreateSealedSecret, plainFileSealer, SealedKeyError, shredFile, type SecretSealer } from '../../../offline-cache/crypto/key-vault';
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

describe('sealed keys', () => {
  // A stand-in with a scheme; the real ones (systemd-creds, KEK) run in test/integration/offline-cache/key-sealing.test.ts.
  const xorSealer = (pad: number, scheme = 'test-xor'): SecretSealer => ({
    kind: `test-xor:${pad}`,
    scheme,
    seal: (s) => Buffer.concat([Buffer.from([pad]), Buffer.from(s.map((b) => b ^ pad))]),
    unseal: (s) => {
      if (s[0] !== pad) throw new Error('wrong pad');
      return Buffer.from(s.subarray(1).map((b) => b ^ pad));
    },
  });

  it('seals a plain key in place: same key, no plain copy left, header names the scheme', () => {
    const dir = tempDir('keys');
    const file = path.join(dir, 'data.key');
    const plain = loadOrCreateDataKey(file, plainFileSealer);
    const r = loadOrCreateDataKey(file, xorSealer(0x5a));
    expect(r.migratedFrom).toBe('file-0600');
    expect(r.key.equals(plain.key)).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 22).toString()).toBe('OTK-SEALED/1 test-xor\n');
    expect(bytes.includes(plain.key)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['data.key']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateDataKey(file, xorSealer(0x5a));
    expect(again.migratedFrom).toBeNull();
    expect(again.key.equals(plain.key)).toBe(true);
  });

  it('a key sealed another way, or not openable here, is a clear error and the file is untouched', () => {
    const file = path.join(tempDir('keys'), 'data.key');
    loadOrCreateDataKey(file, xorSealer(0x11));
    const before = readFileSync(file);
    expect(() => loadOrCreateDataKey(file, xorSealer(0x22))).toThrow(SealedKeyError);
    expect(() => loadOrCreateDataKey(file, xorSealer(0x22))).toThrow(/cannot be unsealed with test-xor:34 on this machine.*left as it is/);
    expect(() => loadOrCreateDataKey(file, xorSealer(0x11, 'other'))).toThrow(/sealed with test-xor, but this kiosk seals with test-xor:17/);
    expect(() => loadOrCreateDataKey(file, plainFileSealer)).toThrow(/sealed with test-xor, but this kiosk seals with file-0600/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('an interrupted sealing loses nothing: before the swap it starts over, after it the plain copy is shredded', () => {
    const dir = tempDir('keys');
    const file = path.join(dir, 'data.key');
    const { key } = loadOrCreateDataKey(file, plainFileSealer);
    // Crash 1: the plain copy was linked aside and the file is gone (only the link holds the key).
    renameSync(file, `${file}.plain`);
    const r1 = loadOrCreateDataKey(file, xorSealer(0x33));
    expect(r1.key.equals(key)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['data.key']);
    // Crash 2: sealed file in place, plain copy not yet shredded.
    writeFileSync(`${file}.plain`, key, { mode: 0o600 });
    const r2 = loadOrCreateSealedSecret(file, xorSealer(0x33), { name: 'data.key', create: () => Buffer.alloc(32), validate: (s) => (s.length === 32 ? null : 'bad') });
    expect(r2.secret.equals(key)).toBe(true);
    expect(r2.warnings.join()).toMatch(/shredding the plain copy/);
    expect(readdirSync(dir).sort()).toEqual(['data.key']);
    // Crash 3: the link made, the swap not: the link is the same file and is only unlinked.
    const other = path.join(dir, 'audit.key');
    const a = loadOrCreateDataKey(other, plainFileSealer);
    linkSync(other, `${other}.plain`);
    expect(loadOrCreateDataKey(other, xorSealer(0x33)).key.equals(a.key)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['audit.key', 'data.key']);
  });

  it('shredFile overwrites the bytes before unlinking', () => {
    const dir = tempDir('keys');
    const file = path.join(dir, 'k');
    writeFileSync(file, Buffer.alloc(32, 7));
    const fd = openSync(file, 'r');
    shredFile(file);
    const after = Buffer.alloc(32);
    readSync(fd, after, 0, 32, 0);
    closeSync(fd);
    expect(existsSync(file)).toBe(false);
    expect(after.equals(Buffer.alloc(32, 7))).toBe(false);
  });
});
