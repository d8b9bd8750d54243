import { type Check, problem } from './message';

/** A calendar date as `YYYY-MM-DD`, compared as text (same length, zero-padded). */
export type IsoDate = string;

/** Accepts 2024-03-05, 2024/3/5, 2024年3月5日 and 20240305; `null` when it is not a real date. */
export function parseDate(raw: string): IsoDate | null {
  const s = raw.trim();
  const m = /^(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Local calendar date of `at`, ± whole days. */
export function isoDay(at: Date, offsetDays = 0): IsoDate {
  const d = new Date(at.getFullYear(), at.getMonth(), at.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 2024-03-05 → 2024年3月5日 */
export function formatDateZh(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

export interface DateRange {
  readonly notBefore?: { readonly date: IsoDate; readonly zh: string; readonly en: string };
  readonly notAfter?: { readonly date: IsoDate; readonly zh: string; readonly en: string };
}

/** A real date within the range; the bounds carry their own words (今天, 出生日期…). */
export function checkDate(raw: string, range: DateRange = {}): Check {
  const date = parseDate(raw);
  if (date === null) {
    return problem('请填写正确的日期，例如 2024-03-05。', 'Enter a real date, for example 2024-03-05.');
  }
  if (range.notBefore && date < range.notBefore.date) {
    return problem(
      `日期不能早于${range.notBefore.zh}（${formatDateZh(range.notBefore.date)}），请核对。`,
      `The date cannot be before ${range.notBefore.en} (${range.notBefore.date}).`,
    );
  }
  if (range.notAfter && date > range.notAfter.date) {
    return problem(
      `日期不能晚于${range.notAfter.zh}（${formatDateZh(range.notAfter.date)}），请核对。`,
      `The date cannot be after ${range.notAfter.en} (${range.notAfter.date}).`,
    );
  }
  return null;
}

/** A whole number within [min, max]. */
export function checkInteger(raw: string, min?: number, max?: number): Check {
  const s = raw.trim();
  if (!/^-?\d+$/.test(s)) return problem('请填写整数，例如 3。', 'Enter a whole number, for example 3.');
  const n = Number(s);
  if (min !== undefined && n < min) return problem(`数值不能小于${min}。`, `The number cannot be less than ${min}.`);
  if (max !== undefined && n > max) return problem(`数值不能大于${max}。`, `The number cannot be more than ${max}.`);
  return null;
}
