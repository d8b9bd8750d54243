import { describe, expect, it } from 'vitest';
import { composeReceipt } from '../../../drivers/printer/receipt/compose';
import { displayWidth, wrap } from '../../../drivers/printer/receipt/layout';
import { EscPosInterpreter, type PaperElement } from '../../../drivers/printer/sim/interpreter';
import { sampleReceipt } from '../../support/receipts';


function interpret(bytes: Uint8Array): PaperElement[] {
  const out: PaperElement[] = [];
  const unknown: Uint8Array[] = [];
  new EscPosInterpreter({ statusQuery() {}, autoStatusBack() {}, element: (e) => out.push(e), unknown: (b) => unknown.push(b) }).push(bytes);
  expect(unknown).toEqual([]);
  return out;
}

const textOf = (els: PaperElement[]) => els.flatMap((e) => (e.kind === 'text' ? [e.runs.map((r) => r.text).join('')] : []));

describe('receipt composer', () => {
  it('lays out every field of the receipt, in Shanghai time, within the paper width', () => {
    for (const width of [58, 80] as const) {
      const r = composeReceipt(sampleReceipt, { paperWidthMm: width });
      if (!r.ok) throw new Error(r.reason);
      const lines = textOf(interpret(r.bytes));
      const all = lines.join('\n');
      for (const s of ['办件回执', '坞城街道', '新生儿出生', '出生医学证明办理', '县卫生健康局', '户口登记', '县公安局', '张*三', '140…1234', 'SX-DEV-0001-000001', '2026-11-26 15:30', '2026-12-03', '12345', 'SX-TEST-0001']) {
        expect(all).toContain(s);
      }
      const cols = width === 80 ? 48 : 32;
      for (const l of lines.filter((l) => !l.includes('办件回执'))) expect(displayWidth(l)).toBeLessThanOrEqual(cols);
    }
  });

  it('prints the QR with the progress URL and the CODE128 with the local number, then cuts', () => {
    const r = composeReceipt(sampleReceipt, { paperWidthMm: 80 });
    if (!r.ok) throw new Error(r.reason);
    const els = interpret(r.bytes);
    const qr = els.find((e) => e.kind === 'qr');
    const bar = els.find((e) => e.kind === 'code128');
    expect(qr && qr.kind === 'qr' && qr.data).toBe(sampleReceipt.progressUrl);
    expect(bar && bar.kind === 'code128' && Buffer.from(bar.data).toString()).toBe('{BSX-DEV-0001-000001');
    expect(els.some((e) => e.kind === 'raster')).toBe(true);
    expect(els.at(-1)?.kind).toBe('cut');
  });

  it('refuses an unmasked applicant or a malformed number, and never prints them', () => {
    expect(composeReceipt({ ...sampleReceipt, applicantIdNumber: '140105199001011234' }, { paperWidthMm: 80 })).toMatchObject({ ok: false });
    expect(composeReceipt({ ...sampleReceipt, applicantName: '张小三' }, { paperWidthMm: 80 })).toMatchObject({ ok: false });
    const bad = composeReceipt({ ...sampleReceipt, localNumber: 'sx 1' }, { paperWidthMm: 80 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('localNumber');
  });

  it('wraps long CJK text without splitting characters', () => {
    const lines = wrap('城乡居民医疗保险参保登记城乡居民医疗保险参保登记', 16, '  ');
    expect(lines.map(displayWidth).every((w) => w <= 16)).toBe(true);
    expect(lines.join('').replaceAll(' ', '')).toBe('城乡居民医疗保险参保登记城乡居民医疗保险参保登记');
  });
});
