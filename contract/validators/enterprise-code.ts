import { checkUscc, normalizeUscc } from './uscc';

/**
 * What a business owner may show for their enterprise, read as a USCC:
 *
 * * the bare 18-character code, typed or scanned;
 * * the QR printed on a 营业执照: a URL of the national enterprise credit
 *   publicity system (国家企业信用信息公示系统, `*.gsxt.gov.cn`) that names the code,
 *   as a query parameter (`uniscid=`, `creditCode=`…) or a path segment;
 * * an 电子营业执照 code as the kiosk accepts it: `EBL1:<USCC>[:<anything>]`
 *   (our documented format until the 市场监管总局 verification interface is
 *   connected: `EBL1`, a colon, the code, optionally a colon and an opaque tail
 *   the platform may check).
 *
 * Returns the code (normalised) or why it is not one. The check character is
 * verified (GB 32100), so a misread QR is told apart from a real code.
 */
export type EnterpriseCodeRead = { readonly ok: true; readonly uscc: string; readonly source: 'code' | 'licence-url' | 'e-licence' } | { readonly ok: false; readonly zh: string; readonly en: string };

const CANDIDATE = /[0-9A-HJ-NPQRTUWXY]{18}/g;

function firstValid(text: string): string | null {
  for (const m of text.toUpperCase().matchAll(CANDIDATE)) if (checkUscc(m[0]) === null) return m[0];
  return null;
}

export function readEnterpriseCode(raw: string): EnterpriseCodeRead {
  const text = raw.trim();
  const bare = normalizeUscc(text);
  if (/^[0-9A-Z]{18}$/.test(bare)) {
    const check = checkUscc(bare);
    return check ? { ok: false, zh: check.zh, en: check.en } : { ok: true, uscc: bare, source: 'code' };
  }
  const ebl = /^EBL1:([0-9A-Za-z]{18})(?::.*)?$/s.exec(text);
  if (ebl) {
    const code = normalizeUscc(ebl[1]!);
    const check = checkUscc(code);
    return check ? { ok: false, zh: check.zh, en: check.en } : { ok: true, uscc: code, source: 'e-licence' };
  }
  let url: URL | null;
  try {
    url = /^https?:\/\//i.test(text) ? new URL(text) : null;
  } catch {
    url = null;
  }
  if (url && (url.hostname === 'gsxt.gov.cn' || url.hostname.endsWith('.gsxt.gov.cn'))) {
    const found = firstValid(`${[...url.searchParams.values()].join(' ')} ${decodeURIComponent(url.pathname)}`);
    if (found) return { ok: true, uscc: found, source: 'licence-url' };
    return { ok: false, zh: '这个营业执照二维码里没有统一社会信用代码，请直接输入代码。', en: 'This licence QR carries no unified social credit code: type the code instead.' };
  }
  return { ok: false, zh: '这不是统一社会信用代码或营业执照二维码，请对照营业执照输入18位代码。', en: 'This is not a unified social credit code or a business licence QR: type the 18-character code from the licence.' };
}
