import { describe, expect, it } from 'vitest';
import { HidPosAssembler, aimLayoutReports, parseHidPosReport } from '../../../drivers/scanner/hid-pos-reports';
import type { LineOutcome } from '../../../drivers/scanner/serial-lines';

/** 64-byte reports as hex, as a Honeywell/Access-IS reader in HID POS mode sends them. */
const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
function report(len: number, aim: string, data: string, more: boolean): string {
  const r = Buffer.alloc(64);
  r[0] = 0x02;
  r[1] = len;
  r.write(aim, 2, 'ascii');
  r.write(data, 5, 'utf8');
  r[63] = more ? 1 : 0;
  return r.toString('hex');
}

// A stream: a CODE128 receipt number, then a 100-byte QR across two reports, then one corrupt report, then a code.
const URL100 = 'https://kiosk.example.gov.cn/progress/query?n=SX2611260001&from=receipt&kiosk=SX-DEV-0001&v=2&x=abc';
const STREAM = [
  report(12, ']C0', 'SX2611260001', false),
  report(58, ']Q1', URL100.slice(0, 58), true),
  report(URL100.length - 58, ']Q1', URL100.slice(58), false),
  '03' + '00'.repeat(63),
  report(6, ']E0', '123456', false),
];

function assemble(layout: 'aim' | 'plain', reports: readonly Uint8Array[]): LineOutcome[] {
  const out: LineOutcome[] = [];
  const a = new HidPosAssembler(layout, (o) => out.push(o));
  for (const r of reports) a.push(r);
  return out;
}

describe('HID POS report parsing (usage page 0x8C)', () => {
  it('reads one report: id 0x02, length, AIM, data, continuation bit', () => {
    const f = parseHidPosReport(fromHex(STREAM[0]!), 'aim')!;
    expect(Buffer.from(f.data).toString()).toBe('SX2611260001');
    expect(f.aim).toBe(']C0');
    expect(f.more).toBe(false);
    expect(parseHidPosReport(fromHex(STREAM[1]!), 'aim')!.more).toBe(true);
  });

  it('assembles a recorded stream: single, multi-report and after a corrupt report', () => {
    const out = assemble('aim', STREAM.map(fromHex));
    expect(out).toEqual([
      { ok: true, code: { symbology: 'code128', text: 'SX2611260001' } },
      { ok: true, code: { symbology: 'qr', text: URL100 } },
      { ok: false, reason: 'BAD-REPORT', bytes: 64 },
      { ok: true, code: { symbology: 'ean13', text: '123456' } },
    ]);
  });

  it('rejects a length that points past the report', () => {
    const bad = fromHex(report(12, ']C0', 'SX', false));
    bad[1] = 200;
    expect(parseHidPosReport(bad, 'aim')).toBeNull();
  });

  it('the plain layout carries data from byte 2 and an unknown symbology', () => {
    const r = new Uint8Array(64);
    r[0] = 2;
    r[1] = 5;
    r.set(Buffer.from('AB123'), 2);
    expect(assemble('plain', [r])).toEqual([{ ok: true, code: { symbology: 'unknown', text: 'AB123' } }]);
  });

  it('round-trips long Chinese text through the report builder (multi-report)', () => {
    const text = '山西省政务服务'.repeat(12);
    const reports = aimLayoutReports(']Q1', text);
    expect(reports.length).toBeGreaterThan(1);
    expect(assemble('aim', reports)).toEqual([{ ok: true, code: { symbology: 'qr', text } }]);
  });
});
