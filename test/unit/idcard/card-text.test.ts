import { describe, expect, it } from 'vitest';
import {
  encodeCardText,
  ETHNIC_GROUPS,
  ethnicName,
  gb11643Valid,
  demoCard,
  parseCardText,
  type CardFixture,
} from '../../../drivers/idcard';

const card = (id: string): CardFixture => demoCard(id);
const today = new Date(2026, 10, 26);

describe('card text block', () => {
  it('parses a resident ID card', () => {
    const r = parseCardText(encodeCardText(card('resident-zhang')), today);
    expect(r).toEqual({
      ok: true,
      value: {
        cardType: 'resident',
        name: '张小三',
        gender: '1',
        nation: '01',
        birthDate: '19900307',
        address: '山西省太原市小店区坞城路92号',
        idNumber: '140105199003071234',
        authority: '太原市公安局小店分局',
        validFrom: '20200115',
        validTo: '20400115',
        idNumberValid: true,
        expired: false,
      },
    });
  });

  it('reads 长期 as no expiry and flags an expired card', () => {
    const long = parseCardText(encodeCardText(card('resident-longterm')), today);
    expect(long).toMatchObject({ ok: true, value: { validTo: null, expired: false, nation: '03', gender: '2' } });
    const old = parseCardText(encodeCardText(card('resident-expired')), today);
    expect(old).toMatchObject({ ok: true, value: { validTo: '20250808', expired: true } });
    // The same card was valid the day before it expired.
    expect(parseCardText(encodeCardText(card('resident-expired')), new Date(2025, 7, 8))).toMatchObject({ ok: true, value: { expired: false } });
  });

  it('flags a wrong GB 11643 check digit without refusing the card', () => {
    const r = parseCardText(encodeCardText(card('resident-badcheck')), today);
    expect(r).toMatchObject({ ok: true, value: { idNumberValid: false, nation: '56' } });
    expect(gb11643Valid('140105199003071234')).toBe(true);
    expect(gb11643Valid('140105199003071235')).toBe(false);
    expect(gb11643Valid('11010519491231002X')).toBe(true);
  });

  it('parses the foreigner permanent residence card (I)', () => {
    const r = parseCardText(encodeCardText(card('foreign-permanent')), today);
    expect(r).toMatchObject({
      ok: true,
      value: { cardType: 'foreign-permanent', name: '安娜', nameEn: 'IVANOVA, ANNA', nationality: 'RUS', idNumber: 'RUS140088041522', birthDate: '19880415', validTo: '20310601', idNumberValid: true, gender: '2' },
    });
    if (r.ok) expect(r.value.nation).toBeUndefined();
  });

  it('parses the HK/Macau/Taiwan residence permit (J)', () => {
    const r = parseCardText(encodeCardText(card('hmt-residence')), today);
    expect(r).toMatchObject({ ok: true, value: { cardType: 'hmt-residence', passNumber: 'H12345678', issueCount: '01', idNumber: '81000019920909061X', idNumberValid: true } });
    if (r.ok) expect(r.value.nation).toBeUndefined();
  });

  it('knows all 56 groups plus 97 and 98, and every one round-trips through a card', () => {
    expect(Object.keys(ETHNIC_GROUPS)).toHaveLength(58);
    expect(ethnicName('01')).toBe('汉族');
    expect(ethnicName('56')).toBe('基诺族');
    expect(ethnicName('98')).toBe('外国血统中国籍人士');
    expect(ethnicName('57')).toBeNull();
    for (const code of Object.keys(ETHNIC_GROUPS)) {
      const r = parseCardText(encodeCardText({ ...card('resident-zhang'), nation: code }), today);
      expect(r.ok && r.value.nation).toBe(code);
    }
    expect(parseCardText(encodeCardText({ ...card('resident-zhang'), nation: '57' }), today)).toMatchObject({ ok: false, error: { extended: 'TEXT-NATION' } });
  });

  it('returns a typed error for blocks no card would hold', () => {
    expect(parseCardText(new Uint8Array(10))).toMatchObject({ ok: false, error: { extended: 'TEXT-LENGTH' } });
    expect(parseCardText(new Uint8Array(256))).toMatchObject({ ok: false });
    const bad = encodeCardText({ ...card('resident-zhang'), birth: '19901340' });
    expect(parseCardText(bad)).toMatchObject({ ok: false, error: { extended: 'TEXT-DATE', code: 'extended' } });
    const wrongType = encodeCardText(card('resident-zhang'));
    wrongType[248] = 0x51; // 'Q'
    expect(parseCardText(wrongType)).toMatchObject({ ok: false, error: { extended: 'TEXT-CARD-TYPE' } });
  });
});
