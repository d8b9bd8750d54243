import { LocalApplicationNumberSchema } from '../../../contract';
import type { CodeRead } from './confirm';

/** What a receipt carries: CODE128 = the local number; QR = the progress URL with `?n=`. */
export function localNumberOf(read: CodeRead): string | null {
  if (read.symbology === 'code128') return LocalApplicationNumberSchema.safeParse(read.text).success ? read.text : null;
  if (read.symbology === 'qr') {
    try {
      const url = new URL(read.text);
      const n = url.searchParams.get('n');
      return (url.protocol === 'https:' || url.protocol === 'http:') && n && LocalApplicationNumberSchema.safeParse(n).success ? n : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** The format check for receipt scanning (progress query screen). */
export function isReceiptCode(read: CodeRead): boolean {
  return localNumberOf(read) !== null;
}
