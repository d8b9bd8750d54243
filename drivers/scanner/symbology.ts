import type { Symbology } from '../../contract/api/scanner';

/**
 * AIM symbology identifiers (`]` + code character + modifier) as scanners
 * prefix them: the code character names the symbology. Scanners without the
 * prefix give 'unknown' and the caller decides from the text.
 */
const AIM_CODE: Readonly<Record<string, Symbology>> = {
  C: 'code128',
  Q: 'qr',
  A: 'code39',
  I: 'itf',
  d: 'datamatrix',
  L: 'pdf417',
};

export function symbologyFromAim(aim: string): Symbology {
  if (!/^\][A-Za-z][0-9A-Za-z]$/.test(aim)) return 'unknown';
  const code = aim[1]!;
  if (code === 'E') return aim[2] === '4' ? 'ean8' : 'ean13'; // ]E0 EAN-13/UPC-A, ]E4 EAN-8
  return AIM_CODE[code] ?? 'unknown';
}

/** Splits a leading AIM identifier off a decoded code, if there is one. */
export function splitAim(text: string): { aim: string | null; body: string } {
  const m = /^(\][A-Za-z][0-9A-Za-z])/.exec(text);
  return m ? { aim: m[1]!, body: text.slice(3) } : { aim: null, body: text };
}

/** Decodes scanner bytes: UTF-8 when valid (modern QR), else GB18030 (older Chinese configuration). */
export function decodeScanBytes(bytes: Uint8Array, gb18030: (b: Uint8Array) => string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return gb18030(bytes);
  }
}

export function hasControlCharacters(text: string): boolean {
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}
