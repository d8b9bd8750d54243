import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { createRecordCipher, RecordOpenError, sm4CbcDecrypt, sm4CbcEncrypt } from '../../../offline-cache/crypto/record-cipher';

// sm-crypto is CommonJS without named ESM exports.
const { sm3 } = smCrypto;

const master = randomBytes(32);
const text = Buffer.from(JSON.stringify({ name: '张小三', idNumber: '14010519900101123X', address: '太原市小店区坞城路92号' }), 'utf8');

describe('record cipher', () => {
  for (const alg of ['aes-256-gcm', 'sm4-cbc-hmac-sm3'] as const) {
    it(`${alg}: round-trips and hides the plaintext`, () => {
      const c = createRecordCipher(master, alg);
      const sealed = c.seal(text, 'rec-1');
      expect(sealed.includes(Buffer.from('张小三'))).toBe(false);
      expect(sealed.includes(Buffer.from('14010519900101123X'))).toBe(false);
      expect(c.open(sealed, 'rec-1').equals(text)).toBe(true);
    });

    it(`${alg}: refuses a flipped bit, a truncated record and a record moved to another row`, () => {
      const c = createRecordCipher(master, alg);
      const sealed = c.seal(text, 'rec-1');
      const flipped = Buffer.from(sealed);
      flipped[20] = flipped[20]! ^ 1;
      expect(() => c.open(flipped, 'rec-1')).toThrow(RecordOpenError);
      expect(() => c.open(sealed.subarray(0, sealed.length - 1), 'rec-1')).toThrow(RecordOpenError);
      expect(() => c.open(sealed, 'rec-2')).toThrow(RecordOpenError);
    });
  }

  it('opens records sealed with the other algorithm (a kiosk switched from AES to SM4 keeps its queue)', () => {
    const aes = createRecordCipher(master, 'aes-256-gcm');
    const sm4 = createRecordCipher(master, 'sm4-cbc-hmac-sm3');
    expect(sm4.open(aes.seal(text, 'x'), 'x').equals(text)).toBe(true);
    expect(aes.open(sm4.seal(text, 'x'), 'x').equals(text)).toBe(true);
  });

  it('pure-JS SM4-CBC agrees with OpenSSL sm4-cbc byte for byte (the Electron path equals the Node path)', () => {
    const key = randomBytes(16);
    const iv = randomBytes(16);
    for (const len of [0, 1, 15, 16, 17, 1000]) {
      const plain = randomBytes(len);
      const js = sm4CbcEncrypt(key, iv, plain);
      const c = createCipheriv('sm4-cbc', key, iv);
      const native = Buffer.concat([c.update(plain), c.final()]);
      expect(js.equals(native)).toBe(true);
      expect(sm4CbcDecrypt(key, iv, native).equals(plain)).toBe(true);
    }
  });

  it('pure-JS SM3 agrees with OpenSSL sm3 (GB/T 32905 "abc" vector too)', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const data = randomBytes(333);
    expect(sm3(Array.from(data))).toBe(createHash('sm3').update(data).digest('hex'));
  });
});
