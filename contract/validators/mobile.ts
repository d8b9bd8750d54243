import { type Check, problem } from './message';

/** Mainland mobile numbers: 11 digits starting 13–19 (spaces, dashes and a +86 prefix are tolerated). */
export function normalizeMobile(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

export function checkMobile(raw: string): Check {
  const s = normalizeMobile(raw);
  if (!/^\d+$/.test(s)) return problem('手机号码只能包含数字。', 'A mobile number has digits only.');
  if (s.length !== 11) {
    return problem(`手机号码应为11位，您输入了${s.length}位，请核对。`, `A mobile number has 11 digits; you entered ${s.length}.`);
  }
  if (!/^1[3-9]/.test(s)) return problem('手机号码应以13到19开头，请核对。', 'A mobile number starts with 13 to 19.');
  return null;
}
