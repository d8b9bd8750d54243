import iconv from 'iconv-lite';
import type { Symbology } from '../../contract/api/scanner';
import { decodeScanBytes, hasControlCharacters, splitAim, symbologyFromAim } from './symbology';

export interface DecodedCode {
  readonly symbology: Symbology;
  readonly text: string;
}

export type LineOutcome = { readonly ok: true; readonly code: DecodedCode } | { readonly ok: false; readonly reason: string; readonly bytes: number };

/**
 * A serial scanner's stream → codes. Each code ends in CR, CR LF or LF; a
 * leading AIM identifier names the symbology. Noise is reported, never
 * passed on: over-long lines (a scanner stuck sending, wrong baud rate)
 * and lines with control characters or invalid text.
 */
export class ScannerLineReader {
  private buf: number[] = [];
  private overflowed = false;
  private lastWasCr = false;

  constructor(
    private readonly onLine: (outcome: LineOutcome) => void,
    private readonly maxBytes = 4096,
  ) {}

  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      if (b === 0x0a && this.lastWasCr) {
        this.lastWasCr = false;
        continue; // the LF of CR LF
      }
      this.lastWasCr = b === 0x0d;
      if (b === 0x0d || b === 0x0a) {
        this.finish();
        continue;
      }
      if (this.buf.length >= this.maxBytes) {
        this.overflowed = true;
        continue;
      }
      this.buf.push(b);
    }
  }

  private finish(): void {
    const bytes = Uint8Array.from(this.buf);
    const overflowed = this.overflowed;
    this.buf = [];
    this.overflowed = false;
    if (overflowed) return this.onLine({ ok: false, reason: 'LINE-TOO-LONG', bytes: bytes.length });
    if (bytes.length === 0) return;
    this.onLine(parseScannerLine(bytes));
  }
}

export function parseScannerLine(bytes: Uint8Array): LineOutcome {
  const text = decodeScanBytes(bytes, (b) => iconv.decode(Buffer.from(b), 'gb18030'));
  if (text.includes('\ufffd') || hasControlCharacters(text)) return { ok: false, reason: 'GARBLED', bytes: bytes.length };
  const { aim, body } = splitAim(text);
  if (!body) return { ok: false, reason: 'EMPTY', bytes: bytes.length };
  return { ok: true, code: { symbology: aim ? symbologyFromAim(aim) : 'unknown', text: body } };
}
