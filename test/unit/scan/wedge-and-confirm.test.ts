import { describe, expect, it } from 'vitest';
import { ReadConfirmer } from '../../../renderer/src/scan/confirm';
import { isReceiptCode, localNumberOf } from '../../../renderer/src/scan/receipt-code';
import { WedgeDetector } from '../../../renderer/src/scan/wedge';

function typeKeys(d: WedgeDetector, keys: string[], start: number, gapMs: number): (string | null)[] {
  return keys.map((k, i) => d.key(k, start + i * gapMs));
}

describe('keyboard-wedge detection', () => {
  it('a fast burst ended by Enter is a scan', () => {
    const d = new WedgeDetector();
    const out = typeKeys(d, [...'SX2611260001', 'Enter'], 1000, 8);
    expect(out.at(-1)).toBe('SX2611260001');
    expect(out.slice(0, -1).every((o) => o === null)).toBe(true);
  });

  it('human typing (slow keys) followed by Enter is not a scan', () => {
    const d = new WedgeDetector();
    expect(typeKeys(d, [...'1234', 'Enter'], 0, 150).at(-1)).toBeNull();
  });

  it('a slow pause in the middle restarts the burst; Shift does not break it', () => {
    const d = new WedgeDetector();
    typeKeys(d, [...'abc'], 0, 10);
    const out = typeKeys(d, ['Shift', ...'SX26', 'Enter'], 500, 10);
    expect(out.at(-1)).toBe('SX26');
  });

  it('too short bursts and Enter after a long gap are ignored', () => {
    const d = new WedgeDetector();
    expect(typeKeys(d, [...'ab', 'Enter'], 0, 5).at(-1)).toBeNull();
    typeKeys(d, [...'abcdef'], 100, 5);
    expect(d.key('Enter', 1000)).toBeNull();
  });
});

describe('camera read confirmation', () => {
  it('accepts after three identical reads and not again during the cooldown', () => {
    const c = new ReadConfirmer(() => true, 3, 2000, 4000);
    const r = { symbology: 'code128' as const, text: 'SX2611260001' };
    expect(c.push(r, 0)).toBeNull();
    expect(c.push(r, 100)).toBeNull();
    expect(c.push(r, 200)).toEqual(r);
    for (let t = 300; t < 1000; t += 100) expect(c.push(r, t)).toBeNull();
    c.push(r, 5000);
    c.push(r, 5100);
    expect(c.push(r, 5200)).toEqual(r);
  });

  it('a different misread in between restarts the count; failing the format check never counts', () => {
    const c = new ReadConfirmer(isReceiptCode, 3);
    const good = { symbology: 'code128' as const, text: 'SX2611260001' };
    const misread = { symbology: 'code128' as const, text: 'SX2611260007' };
    c.push(good, 0);
    c.push(good, 10);
    c.push(misread, 20);
    expect(c.push(good, 30)).toBeNull();
    expect(c.push({ symbology: 'code128', text: 'sx 26' }, 40)).toBeNull();
    c.push(good, 50);
    expect(c.push(good, 60)).toEqual(good);
  });
});

describe('receipt code format', () => {
  it('reads the local number from a CODE128 or a progress URL QR, and nothing else', () => {
    expect(localNumberOf({ symbology: 'code128', text: 'SX2611260001' })).toBe('SX2611260001');
    expect(localNumberOf({ symbology: 'qr', text: 'https://kiosk.example.gov.cn/progress?n=SX2611260001' })).toBe('SX2611260001');
    expect(localNumberOf({ symbology: 'qr', text: 'javascript:alert(1)?n=SX2611260001' })).toBeNull();
    expect(localNumberOf({ symbology: 'qr', text: 'not a url' })).toBeNull();
    expect(localNumberOf({ symbology: 'ean13', text: '6901234567892' })).toBeNull();
  });
});
