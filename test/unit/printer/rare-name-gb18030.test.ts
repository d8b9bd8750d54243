import { describe, expect, it } from 'vitest';
import { validateForm } from '../../../contract/journeys/engine';
import { journeyFor } from '../../../contract/journeys';
import { EscPosBuilder } from '../../../drivers/printer/escpos/commands';
import { composeReceipt } from '../../../drivers/printer/receipt/compose';
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
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('rare name characters on the receipt and in the form', () => {
  it('prints Ext B as GB 18030 four-byte sequences and Ext A as its two-byte code, and the virtual printer reads them back', () => {
    const bytes = new EscPosBuilder().init().line('王䶮𫖮').bytes();
    // 𫖮 U+2B5AE → 98 38 F5 36 (four bytes); 䶮 U+4DAE → FE 9F; 王 → CD F5.
    expect(hex(bytes)).toContain('cdf5fe9f9838f536');
    expect(textOf(interpret(bytes))).toEqual(['王䶮𫖮']);
    // One byte at a time, as a serial line delivers it: the four-byte sequence is never split into two characters.
    const elements: PaperElement[] = [];
    const it = new EscPosInterpreter({ statusQuery() {}, autoStatusBack() {}, element: (e) => elements.push(e), unknown() {} });
    for (const b of bytes) it.push(Uint8Array.of(b));
    expect(textOf(elements)).toEqual(['王䶮𫖮']);
  });

  it('a receipt whose applicant has an Ext B name prints the masked name with the character intact', () => {
    const r = composeReceipt({ ...sampleReceipt, applicantName: '陶*𫖮' }, { paperWidthMm: 58 });
    if (!r.ok) throw new Error(r.reason);
    expect(hex(r.bytes)).toContain('9838f536');
    expect(textOf(interpret(r.bytes)).join('\n')).toContain('陶*𫖮');
  });

  it('prints whom the matter is for (the typed 孩子姓名), masked, with 䶮 intact, and refuses it unmasked', () => {
    const r = composeReceipt({ ...sampleReceipt, subject: { label: '孩子姓名', name: '王*䶮' } }, { paperWidthMm: 58 });
    if (!r.ok) throw new Error(r.reason);
    expect(hex(r.bytes)).toContain('fe9f'); // 䶮 in GB 18030
    const text = textOf(interpret(r.bytes)).join('\n');
    expect(text).toContain('孩子姓名：王*䶮');
    expect(text.indexOf('孩子姓名')).toBeGreaterThan(text.indexOf('证件号码'));
    expect(composeReceipt({ ...sampleReceipt, subject: { label: '孩子姓名', name: '王梓䶮' } }, { paperWidthMm: 58 })).toEqual({ ok: false, reason: 'subject.name is not masked' });
    // Without a subject the receipt has no such line.
    const plain = composeReceipt(sampleReceipt, { paperWidthMm: 58 });
    if (!plain.ok) throw new Error(plain.reason);
    expect(textOf(interpret(plain.bytes)).join('\n')).not.toContain('孩子姓名');
  });

  it('accepts 䶮 and Ext B characters in a name field, counting characters (code points) against maxLength', () => {
    const wired = journeyFor('newborn')!.wired!;
    const base = { answers: {}, subItems: [] as string[], today: new Date('2026-06-01T00:00:00Z'), identity: undefined };
    const problemsFor = (childName: string) => validateForm(wired, { ...base, values: { childName } }).filter((p) => p.path === 'form.childName');
    expect(problemsFor('王䶮𫖮')).toEqual([]);
    expect(problemsFor('𠀀𪜀𫝀𬺰𰀀')).toEqual([]); // Ext B, C, D, F, G
    // childName takes 20 characters: 20 Ext B characters are 40 UTF-16 units and still pass; 21 do not.
    expect(problemsFor('𫖮'.repeat(20))).toEqual([]);
    expect(problemsFor('𫖮'.repeat(21))[0]?.message).toContain('最多20个字');
    expect(problemsFor('王1')[0]?.message).toContain('姓名只能包含');
  });
});
