import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { code128ValuesFromEscPos, CODE128_PATTERNS } from '../../../drivers/printer/escpos/code128';
import { EscPosBuilder, EscPosEncodeError, automaticStatusBack, realtimeStatusRequest } from '../../../drivers/printer/escpos/commands';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ESC/POS encoder', () => {
  it('encodes init, align, bold and size as the manual lists them', () => {
    const b = new EscPosBuilder().init().align('center').bold(true).size(2, 3).bytes();
    expect(hex(b)).toBe('1b40' + '1b6101' + '1b4501' + '1d2112');
  });

  it('sends Chinese as GB18030 after switching Chinese mode on, ASCII unchanged', () => {
    const b = new EscPosBuilder().text('A').line('回执').bytes();
    expect(hex(b)).toBe('41' + '1c26' + iconv.encode('回执', 'gb18030').toString('hex') + '0a');
    expect(iconv.encode('回执', 'gb18030').length).toBe(4);
  });

  it('refuses control characters and out-of-range sizes instead of sending them', () => {
    expect(() => new EscPosBuilder().text('a\x1bb')).toThrow(EscPosEncodeError);
    expect(() => new EscPosBuilder().size(9, 1)).toThrow(EscPosEncodeError);
  });

  it('stores a QR payload with pL/pH = k+3 and prints it', () => {
    const data = 'https://x.cn/q?n=1';
    const b = Buffer.from(new EscPosBuilder().qr(data, { moduleSize: 5, level: 'Q' }).bytes());
    expect(b.subarray(0, 9).toString('hex')).toBe('1d286b0400314132' + '00');
    expect(b.subarray(9, 17).toString('hex')).toBe('1d286b0300314305');
    expect(b.subarray(17, 25).toString('hex')).toBe('1d286b0300314532');
    const k = data.length + 3;
    expect(b.subarray(25, 33).toString('hex')).toBe(`1d286b${k.toString(16).padStart(2, '0')}00315030`);
    expect(b.subarray(33, 33 + data.length).toString()).toBe(data);
    expect(b.subarray(33 + data.length).toString('hex')).toBe('1d286b0300315130');
  });

  it('encodes CODE128 as GS k 73 with {B and doubled braces', () => {
    const b = Buffer.from(new EscPosBuilder().code128('A{1', { height: 60, moduleWidth: 2 }).bytes());
    expect(b.toString('hex')).toBe('1d683c' + '1d7702' + '1d4802' + '1d6b4906' + Buffer.from('{BA{{1').toString('hex'));
    expect(() => new EscPosBuilder().code128('回执')).toThrow(EscPosEncodeError);
  });

  it('encodes a raster image with little-endian sizes and refuses mismatched data', () => {
    const b = new EscPosBuilder().raster({ widthBytes: 2, height: 1, data: Uint8Array.of(0x80, 0x01) }).bytes();
    expect(hex(b)).toBe('1d7630000200010080' + '01');
    expect(() => new EscPosBuilder().raster({ widthBytes: 2, height: 2, data: new Uint8Array(3) })).toThrow(EscPosEncodeError);
  });

  it('ends with a partial cut after a feed, and builds status requests', () => {
    expect(hex(new EscPosBuilder().cut(40).bytes())).toBe('1d564228');
    expect(hex(realtimeStatusRequest(4))).toBe('100404');
    expect(hex(automaticStatusBack(0x0e))).toBe('1d610e');
  });
});

describe('CODE128 tables', () => {
  it('every symbol pattern spans 11 modules (stop 13)', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    CODE128_PATTERNS.forEach((p, i) => expect([i, [...p].reduce((a, c) => a + Number(c), 0)]).toEqual([i, i === 106 ? 13 : 11]));
  });

  it('computes the mod-103 check symbol', () => {
    const values = code128ValuesFromEscPos(Buffer.from('{BPJJ123C'))!;
    // (104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7) mod 103 = 879 mod 103 = 55
    expect(values).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
    expect(code128ValuesFromEscPos(Buffer.from('no-set'))).toBeNull();
  });
});
