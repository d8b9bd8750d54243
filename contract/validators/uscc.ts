import { type Check, problem } from './message';

/** GB 32100-2015 character set: digits and capitals without I, O, S, V, Z. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character of the first 17 characters: 31 − (Σ value·weight mod 31), 31 → 0. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c]!;
}

export function normalizeUscc(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** 统一社会信用代码 (GB 32100): 18 characters from the code set, valid check character. */
export function checkUscc(raw: string): Check {
  const s = normalizeUscc(raw);
  if (s.length !== 18) {
    return problem(
      `统一社会信用代码应为18位，您输入了${s.length}位，请对照营业执照核对。`,
      `A unified social credit code has 18 characters; you entered ${s.length}.`,
    );
  }
  const bad = [...s].find((c) => !CHARSET.includes(c));
  if (bad !== undefined) {
    return problem(
      `统一社会信用代码中不会出现“${bad}”（不含字母I、O、S、V、Z），请对照营业执照核对。`,
      `“${bad}” never appears in a unified social credit code (no I, O, S, V or Z).`,
    );
  }
  if (usccCheckChar(s) !== s[17]) {
    return problem('统一社会信用代码最后一位校验不通过，可能有一位输错了，请对照营业执照逐位核对。', 'The last character does not match: one character is probably mistyped.');
  }
  return null;
}
