import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../../../drivers/printer/escpos/commands';
import { PrinterReplyReader, encodeRealtimeStatus } from '../../../drivers/printer/escpos/status';
import { EscPosInterpreter, type PaperElement } from '../../../drivers/printer/sim/interpreter';
import { HidPosAssembler, aimLayoutReports } from '../../../drivers/scanner/hid-pos-reports';
import { ScannerLineReader, type LineOutcome } from '../../../drivers/scanner/serial-lines';
import { hasControlCharacters } from '../../../drivers/scanner/symbology';

/** Deterministic garbage: the same bytes every run, so a failure reproduces. */
function garbage(seed: number, length: number): Uint8Array {
  let s = seed;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = s >> 16;
  }
  return out;
}

describe('byte parsers under garbage (no throw, nothing lost after it)', () => {
  it('the virtual printer interpreter survives 2000 random bursts and still prints after an init', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const elements: PaperElement[] = [];
      const it = new EscPosInterpreter({ statusQuery() {}, autoStatusBack() {}, unknown() {}, element: (e) => elements.push(e) });
      expect(() => it.push(garbage(seed, 64))).not.toThrow();
      // A length field in the garbage may swallow what follows (as in a real printer); a reset makes the next job clean.
      it.reset();
      elements.length = 0;
      it.push(new EscPosBuilder().init().line('回执 OK').bytes());
      expect(elements).toEqual([{ kind: 'text', align: 'left', runs: [{ text: '回执 OK', bold: false, width: 1, height: 1 }] }]);
    }
  });

  it('the printer reply reader never reports a status from bytes that break the fixed bits', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const statuses: number[] = [];
      const r = new PrinterReplyReader((b) => statuses.push(b), () => undefined);
      r.push(garbage(seed, 200));
      expect(statuses.every((b) => (b & 0x93) === 0x12)).toBe(true);
    }
  });

  it('a realtime reply right after a garbage burst is still read (reader resynchronises)', () => {
    const statuses: number[] = [];
    const r = new PrinterReplyReader((b) => statuses.push(b), () => undefined);
    r.push(Uint8Array.of(0xff, 0x00, 0x80, 0x01));
    r.push(Uint8Array.of(encodeRealtimeStatus(4, { paperEnd: true })));
    expect(statuses).toEqual([0x72]);
  });

  it('serial scanner lines: garbage never becomes a code; the next real code still arrives', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const out: LineOutcome[] = [];
      const r = new ScannerLineReader((o) => out.push(o));
      r.push(garbage(seed, 300));
      r.push(Buffer.from('\r\n]C0SX2611260001\r\n'));
      const codes = out.filter((o) => o.ok);
      expect(codes.at(-1)).toEqual({ ok: true, code: { symbology: 'code128', text: 'SX2611260001' } });
      for (const c of codes.slice(0, -1)) if (c.ok) expect(hasControlCharacters(c.code.text) || c.code.text.includes('\ufffd')).toBe(false);
    }
  });

  it('HID POS assembler: random reports are rejected or decoded, and the next real code decodes', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const out: LineOutcome[] = [];
      const a = new HidPosAssembler('aim', (o) => out.push(o));
      const junk = garbage(seed, 64);
      junk[63] = 0; // end any pretend multi-report code
      a.push(junk);
      for (const r of aimLayoutReports(']C0', 'SX2611260001')) a.push(r);
      expect(out.at(-1)).toEqual({ ok: true, code: { symbology: 'code128', text: 'SX2611260001' } });
    }
  });
});
