import { type Check, problem } from './message';

/** GB 11643-1999 weights for the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character of the first 17 digits (sum mod 11 → 1 0 X 9 8 7 6 5 4 3 2). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Residents type a lower-case x and full-width digits on some keyboards; accept both. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]$/, 'X');
}

function realDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1800 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 18-digit citizen ID number (GB 11643): format, birth date, check digit. */
export function checkIdNumber(raw: string, today: Date = new Date()): Check {
  const s = normalizeIdNumber(raw);
  if (s.length !== 18) {
    return problem(`身份证号码应为18位，您输入了${s.length}位，请核对后重新输入。`, `An ID number has 18 characters; you entered ${s.length}.`);
  }
  if (!/^\d{17}[\dX]$/.test(s)) {
    return problem('身份证号码前17位只能是数字，最后一位是数字或字母X。', 'The first 17 characters must be digits; the last is a digit or X.');
  }
  const birth = s.slice(6, 14);
  const todayKey = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
  if (!realDate(birth) || birth > todayKey) {
    return problem('身份证号码中的出生日期（第7到14位）不正确，请核对。', 'The birth date in the ID number (characters 7–14) is not a real date.');
  }
  if (idNumberCheckChar(s) !== s[17]) {
    return problem('身份证号码最后一位校验不通过，可能有一位输错了，请逐位核对。', 'The last character does not match: one character is probably mistyped.');
  }
  return null;
}

/** Birth date (YYYYMMDD) and GB/T 2261.1 gender code from a valid ID number. */
export function idNumberFacts(idNumber: string): { birthDate: string; gender: '1' | '2' } {
  const s = normalizeIdNumber(idNumber);
  return { birthDate: s.slice(6, 14), gender: Number(s[16]) % 2 === 1 ? '1' : '2' };
}
