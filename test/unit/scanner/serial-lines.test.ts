import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ScannerLineReader, type LineOutcome } from '../../../drivers/scanner/serial-lines';
import { splitAim, symbologyFromAim } from '../../../drivers/scanner/symbology';

function read(...chunks: (string | Uint8Array)[]): LineOutcome[] {
  const out: LineOutcome[] = [];
  const r = new ScannerLineReader((o) => out.push(o), 64);
  for (const c of chunks) r.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  return out;
}

describe('serial scanner line reader', () => {
  it('splits codes on CR, CR LF and LF, across chunk borders, without empty codes', () => {
    expect(read('SX26112', '60001\r', '\nABC\rDEF\n\r\n')).toEqual([
      { ok: true, code: { symbology: 'unknown', text: 'SX2611260001' } },
      { ok: true, code: { symbology: 'unknown', text: 'ABC' } },
      { ok: true, code: { symbology: 'unknown', text: 'DEF' } },
    ]);
  });

  it('reads the AIM prefix as the symbology and strips it', () => {
    expect(read(']C0SX2611260001\r\n', ']Q1https://x.cn/q?n=SX2611260001\r\n', ']E06901234567892\r')).toEqual([
      { ok: true, code: { symbology: 'code128', text: 'SX2611260001' } },
      { ok: true, code: { symbology: 'qr', text: 'https://x.cn/q?n=SX2611260001' } },
      { ok: true, code: { symbology: 'ean13', text: '6901234567892' } },
    ]);
  });

  it('accepts UTF-8 and GB18030 Chinese text', () => {
    const gb = iconv.encode('回执', 'gb18030');
    expect(read('办件\r', Buffer.concat([gb, Buffer.from('\r')]))).toEqual([
      { ok: true, code: { symbology: 'unknown', text: '办件' } },
      { ok: true, code: { symbology: 'unknown', text: '回执' } },
    ]);
  });

  it('rejects garbage and over-long lines with a reason, and recovers on the next line', () => {
    const out = read(Uint8Array.of(0x01, 0x02, 0xff, 0x0d), 'x'.repeat(100) + '\r', 'OK123\r');
    expect(out.map((o) => (o.ok ? o.code.text : o.reason))).toEqual(['GARBLED', 'LINE-TOO-LONG', 'OK123']);
  });

  it('knows AIM identifiers it does not map are unknown', () => {
    expect(symbologyFromAim(']E4')).toBe('ean8');
    expect(symbologyFromAim(']Z9')).toBe('unknown');
    expect(symbologyFromAim('C0')).toBe('unknown');
    expect(splitAim('no-prefix')).toEqual({ aim: null, body: 'no-prefix' });
  });
});
