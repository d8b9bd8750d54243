import { describe, expect, it } from 'vitest';
import {
  checkDate,
  checkIdNumber,
  checkInteger,
  checkMobile,
  checkUscc,
  idNumberCheckChar,
  idNumberFacts,
  parseDate,
  usccCheckChar,
} from '../../../contract/validators';

const TODAY = new Date(2026, 10, 26);

describe('ID number (GB 11643)', () => {
  // The standard's own examples, one ending in X.
  it.each(['11010519491231002X', '440524188001010014', '11010519491231002x'])('accepts %s', (id) => {
    expect(checkIdNumber(id, TODAY)).toBeNull();
  });

  it('computes the check character of the standard examples', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it.each([
    ['110105194912310021', '最后一位校验不通过'],
    ['11010519491231002', '应为18位'],
    ['1101051949123100211', '应为18位'],
    ['11010519491331002X', '出生日期'],
    ['11010520991231002X', '出生日期'],
    ['1101051949123100X2', '前17位只能是数字'],
  ])('rejects %s with a plain-Chinese reason', (id, words) => {
    const p = checkIdNumber(id, TODAY);
    expect(p?.zh).toContain(words);
    expect(p?.en.length).toBeGreaterThan(10);
  });

  it('catches every single-digit typo of a valid number', () => {
    const good = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      const wrong = good.slice(0, i) + String((Number(good[i]) + 1) % 10) + good.slice(i + 1);
      expect(checkIdNumber(wrong, TODAY), wrong).not.toBeNull();
    }
  });

  it('reads birth date and gender', () => {
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '19491231', gender: '2' });
    expect(idNumberFacts('440524188001010014')).toEqual({ birthDate: '18800101', gender: '1' });
  });
});

describe('unified social credit code (GB 32100)', () => {
  it.each(['91350100M000100Y43', '9144030071526726XG', '91110000802100433B', '91350100m000100y43'])('accepts %s', (code) => {
    expect(checkUscc(code)).toBeNull();
  });

  it('computes check characters, including the 31 → 0 case', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    // Find a prefix whose check wraps to 0 and confirm it is accepted with a trailing 0.
    const prefix = Array.from({ length: 31 }, (_, k) => `9135010000000000${'0123456789ABCDEFGHJKLMNPQRTUWXY'[k]}`).find(
      (p) => usccCheckChar(p) === '0',
    );
    expect(prefix).toBeDefined();
    expect(checkUscc(`${prefix}0`)).toBeNull();
  });

  it.each([
    ['91350100M000100Y44', '最后一位校验不通过'],
    ['91350100M000100Y4', '应为18位'],
    ['91350100M0001O0Y43', '不会出现“O”'],
    ['9135010ZM000100Y43', '不会出现“Z”'],
  ])('rejects %s', (code, words) => {
    expect(checkUscc(code)?.zh).toContain(words);
  });
});

describe('mobile numbers', () => {
  it.each(['13812345678', '+86 138 1234 5678', '199-0000-0000'])('accepts %s', (m) => expect(checkMobile(m)).toBeNull());
  it.each([
    ['1381234567', '应为11位'],
    ['12812345678', '13到19开头'],
    ['138123456a8', '只能包含数字'],
  ])('rejects %s', (m, words) => expect(checkMobile(m)?.zh).toContain(words));
});

describe('dates and ranges', () => {
  it('parses the forms residents type', () => {
    expect(parseDate('2024-03-05')).toBe('2024-03-05');
    expect(parseDate('2024/3/5')).toBe('2024-03-05');
    expect(parseDate('2024年3月5日')).toBe('2024-03-05');
    expect(parseDate('20240305')).toBe('2024-03-05');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('next tuesday')).toBeNull();
  });

  it('checks bounds with their own words', () => {
    const range = {
      notBefore: { date: '2026-01-01', zh: '出生日期', en: 'the birth date' },
      notAfter: { date: '2026-11-26', zh: '今天', en: 'today' },
    };
    expect(checkDate('2026-06-01', range)).toBeNull();
    expect(checkDate('2026-11-26', range)).toBeNull();
    expect(checkDate('2025-12-31', range)?.zh).toBe('日期不能早于出生日期（2026年1月1日），请核对。');
    expect(checkDate('2026-11-27', range)?.zh).toBe('日期不能晚于今天（2026年11月26日），请核对。');
    expect(checkDate('2026-13-01', range)?.zh).toContain('请填写正确的日期');
  });

  it('checks whole numbers in a range', () => {
    expect(checkInteger('3', 1, 10)).toBeNull();
    expect(checkInteger('0', 1, 10)?.zh).toContain('不能小于1');
    expect(checkInteger('11', 1, 10)?.zh).toContain('不能大于10');
    expect(checkInteger('2.5')?.zh).toContain('整数');
  });
});
