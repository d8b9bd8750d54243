import { describe, expect, it } from 'vitest';
import { WIRED_JOURNEYS } from '../../../contract/journeys';
import { layoutFor } from '../../../renderer/src/journey/field-layout';

const fields = WIRED_JOURNEYS.flatMap((j) => j.wired!.form.map((f) => ({ journey: j.oneThing, f })));

describe('the field type picks the on-screen keyboard, in every field of the 27 journeys', () => {
  it('has fields of every keyboard kind to check', () => {
    expect(WIRED_JOURNEYS).toHaveLength(27);
    const types = new Set(fields.map(({ f }) => f.type));
    for (const t of ['name', 'id-number', 'uscc', 'mobile', 'date', 'bank-account', 'text']) expect(types, t).toContain(t);
  });

  it('ID numbers open digits with X, upper case; USCCs letters and digits, upper case', () => {
    for (const { journey, f } of fields.filter(({ f }) => f.type === 'id-number')) expect(layoutFor(f), `${journey}.${f.id}`).toEqual({ layout: 'id-number', upper: true });
    for (const { journey, f } of fields.filter(({ f }) => f.type === 'uscc')) expect(layoutFor(f), `${journey}.${f.id}`).toEqual({ layout: 'letters', upper: true });
  });

  it('mobiles, integers, dates and every bank account (by type, id or 银行账号 label) open the digits', () => {
    const numeric = fields.filter(({ f }) => ['mobile', 'integer', 'date', 'bank-account'].includes(f.type) || /account$/i.test(f.id) || /银行(卡号|账号|账户)/.test(f.label.zh));
    expect(numeric.length).toBeGreaterThan(27);
    for (const { journey, f } of numeric) expect(layoutFor(f).layout, `${journey}.${f.id}`).toBe('digits');
    // A bank account typed as text still gets digits, not pinyin.
    expect(layoutFor({ id: 'refundAccount', type: 'text', label: { zh: '退款账户', en: 'Refund account' } }).layout).toBe('digits');
    expect(layoutFor({ id: 'payee', type: 'text', label: { zh: '收款银行账号', en: 'Bank account' } }).layout).toBe('digits');
  });

  it('names, addresses and free text open the Chinese keyboard', () => {
    const chinese = fields.filter(({ f }) => ['name', 'address', 'text'].includes(f.type) && !/account$/i.test(f.id) && !/银行(卡号|账号|账户)/.test(f.label.zh));
    expect(chinese.length).toBeGreaterThan(27);
    for (const { journey, f } of chinese) expect(layoutFor(f).layout, `${journey}.${f.id}`).toBe('pinyin');
  });
});
