import iconv from 'iconv-lite';
import type { Align, QrErrorLevel } from '../escpos/commands';
import type { StatusQuery } from '../escpos/status';

/** What lands on paper, in order. Text lines keep their runs' styles. */
export interface TextRun {
  readonly text: string;
  readonly bold: boolean;
  readonly width: number;
  readonly height: number;
}
export type PaperElement =
  | { readonly kind: 'text'; readonly align: Align; readonly runs: readonly TextRun[] }
  | { readonly kind: 'feed'; readonly dots: number }
  | { readonly kind: 'qr'; readonly align: Align; readonly data: string; readonly moduleSize: number; readonly level: QrErrorLevel }
  | { readonly kind: 'code128'; readonly align: Align; readonly data: Uint8Array; readonly height: number; readonly moduleWidth: number; readonly hri: number }
  | { readonly kind: 'raster'; readonly align: Align; readonly widthBytes: number; readonly height: number; readonly data: Uint8Array }
  | { readonly kind: 'cut' };

export interface InterpreterEvents {
  /** `DLE EOT n` arrived: the printer answers at once, whatever else it is doing. */
  statusQuery(n: StatusQuery): void;
  /** `GS a n` arrived. */
  autoStatusBack(mask: number): void;
  element(e: PaperElement): void;
  /** A command outside the subset: the bytes are skipped and counted, as firmware ignores them. */
  unknown(bytes: Uint8Array): void;
}

const ALIGNS: readonly Align[] = ['left', 'center', 'right'];
const LEVELS: Record<number, QrErrorLevel> = { 0x30: 'L', 0x31: 'M', 0x32: 'Q', 0x33: 'H' };
const NEED_MORE = -1;

/**
 * Interprets the ESC/POS subset the kiosk emits, byte stream in, paper
 * elements out. Incomplete commands wait for the next chunk, as a printer's
 * receive buffer does.
 */
export class EscPosInterpreter {
  private pending = new Uint8Array(0);
  private align: Align = 'left';
  private bold = false;
  private width = 1;
  private height = 1;
  private chinese = false;
  private lineBytes: number[] = [];
  private runs: TextRun[] = [];
  private barcodeHeight = 162;
  private barcodeModule = 3;
  private hri = 0;
  private qrModule = 3;
  private qrLevel: QrErrorLevel = 'L';
  private qrData = '';

  constructor(private readonly on: InterpreterEvents) {}

  push(chunk: Uint8Array): void {
    const all = new Uint8Array(this.pending.length + chunk.length);
    all.set(this.pending);
    all.set(chunk, this.pending.length);
    let i = 0;
    while (i < all.length) {
      const used = this.step(all, i);
      if (used === NEED_MORE) break;
      i += used;
    }
    this.pending = all.slice(i);
  }

  /** Bytes received but not yet a whole command (a torn job leaves some here). */
  get buffered(): number {
    return this.pending.length;
  }

  reset(): void {
    this.pending = new Uint8Array(0);
    this.lineBytes = [];
    this.runs = [];
    this.resetStyle();
  }

  private resetStyle(): void {
    this.align = 'left';
    this.bold = false;
    this.width = 1;
    this.height = 1;
    this.chinese = false;
    this.barcodeHeight = 162;
    this.barcodeModule = 3;
    this.hri = 0;
  }

  private closeRun(): void {
    if (this.lineBytes.length === 0) return;
    const text = this.chinese
      ? iconv.decode(Buffer.from(this.lineBytes), 'gb18030')
      : Buffer.from(this.lineBytes).toString('latin1');
    this.runs.push({ text, bold: this.bold, width: this.width, height: this.height });
    this.lineBytes = [];
  }

  private printLine(): void {
    this.closeRun();
    if (this.runs.length) this.on.element({ kind: 'text', align: this.align, runs: this.runs });
    else this.on.element({ kind: 'feed', dots: 24 * this.height + 6 });
    this.runs = [];
  }

  private flushIfText(): void {
    if (this.lineBytes.length || this.runs.length) this.printLine();
  }

  /** Returns bytes consumed, or NEED_MORE. */
  private step(b: Uint8Array, i: number): number {
    const c = b[i]!;
    const avail = b.length - i;
    const at = (k: number) => b[i + k]!;
    if (c === 0x0a) {
      this.printLine();
      return 1;
    }
    if (c === 0x0d) return 1;
    if (c === 0x10) {
      if (avail < 3) return NEED_MORE;
      if (at(1) === 0x04 && at(2) >= 1 && at(2) <= 4) this.on.statusQuery(at(2) as StatusQuery);
      else this.on.unknown(b.slice(i, i + 3));
      return 3;
    }
    if (c === 0x1b) {
      if (avail < 2) return NEED_MORE;
      const cmd = at(1);
      if (cmd === 0x40) {
        this.lineBytes = [];
        this.runs = [];
        this.resetStyle();
        return 2;
      }
      if (avail < 3) return NEED_MORE;
      if (cmd === 0x61) {
        this.align = ALIGNS[at(2) % 48] ?? 'left';
        return 3;
      }
      if (cmd === 0x45) {
        this.closeRun();
        this.bold = (at(2) & 1) === 1;
        return 3;
      }
      if (cmd === 0x64) {
        this.flushIfText();
        this.on.element({ kind: 'feed', dots: 30 * at(2) });
        return 3;
      }
      this.on.unknown(b.slice(i, i + 2));
      return 2;
    }
    if (c === 0x1c) {
      if (avail < 2) return NEED_MORE;
      if (at(1) === 0x26 || at(1) === 0x2e) {
        this.closeRun();
        this.chinese = at(1) === 0x26;
        return 2;
      }
      this.on.unknown(b.slice(i, i + 2));
      return 2;
    }
    if (c === 0x1d) return this.stepGs(b, i);
    if (c < 0x20) {
      this.on.unknown(b.slice(i, i + 1));
      return 1;
    }
    // Text. In Chinese mode a GB18030 lead byte brings one (or three) more bytes.
    if (this.chinese && c >= 0x81 && c <= 0xfe) {
      if (avail < 2) return NEED_MORE;
      const second = at(1);
      const n = second >= 0x30 && second <= 0x39 ? 4 : 2;
      if (avail < n) return NEED_MORE;
      for (let k = 0; k < n; k++) this.lineBytes.push(at(k));
      return n;
    }
    this.lineBytes.push(c);
    return 1;
  }

  private stepGs(b: Uint8Array, i: number): number {
    const avail = b.length - i;
    const at = (k: number) => b[i + k]!;
    if (avail < 2) return NEED_MORE;
    const cmd = at(1);
    if (cmd === 0x21 || cmd === 0x61 || cmd === 0x68 || cmd === 0x77 || cmd === 0x48) {
      if (avail < 3) return NEED_MORE;
      const n = at(2);
      if (cmd === 0x21) {
        this.closeRun();
        this.width = ((n >> 4) & 7) + 1;
        this.height = (n & 7) + 1;
      } else if (cmd === 0x61) this.on.autoStatusBack(n);
      else if (cmd === 0x68) this.barcodeHeight = Math.max(1, n);
      else if (cmd === 0x77) this.barcodeModule = Math.max(1, Math.min(6, n));
      else this.hri = n % 48;
      return 3;
    }
    if (cmd === 0x56) {
      if (avail < 3) return NEED_MORE;
      const m = at(2);
      const len = m === 0x41 || m === 0x42 || m === 0x61 || m === 0x62 ? 4 : 3;
      if (avail < len) return NEED_MORE;
      this.flushIfText();
      if (len === 4) this.on.element({ kind: 'feed', dots: at(3) });
      this.on.element({ kind: 'cut' });
      return len;
    }
    if (cmd === 0x6b) {
      if (avail < 4) return NEED_MORE;
      const m = at(2);
      if (m < 65) {
        this.on.unknown(b.slice(i, i + 3)); // NUL-terminated function A forms: not emitted by us
        return 3;
      }
      const n = at(3);
      if (avail < 4 + n) return NEED_MORE;
      const data = b.slice(i + 4, i + 4 + n);
      this.flushIfText();
      if (m === 0x49) {
        this.on.element({ kind: 'code128', align: this.align, data, height: this.barcodeHeight, moduleWidth: this.barcodeModule, hri: this.hri });
      } else this.on.unknown(b.slice(i, i + 4 + n));
      return 4 + n;
    }
    if (cmd === 0x76) {
      if (avail < 8) return NEED_MORE;
      const widthBytes = at(4) | (at(5) << 8);
      const height = at(6) | (at(7) << 8);
      const size = widthBytes * height;
      if (avail < 8 + size) return NEED_MORE;
      this.flushIfText();
      this.on.element({ kind: 'raster', align: this.align, widthBytes, height, data: b.slice(i + 8, i + 8 + size) });
      return 8 + size;
    }
    if (cmd === 0x28) {
      if (avail < 5) return NEED_MORE;
      const len = at(3) | (at(4) << 8);
      if (avail < 5 + len) return NEED_MORE;
      if (at(2) === 0x6b) this.qrFunction(b.slice(i + 5, i + 5 + len));
      else this.on.unknown(b.slice(i, i + 5 + len));
      return 5 + len;
    }
    this.on.unknown(b.slice(i, i + 2));
    return 2;
  }

  private qrFunction(p: Uint8Array): void {
    const [cn, fn] = [p[0], p[1]];
    if (cn !== 0x31) return this.on.unknown(p);
    if (fn === 0x43) this.qrModule = Math.max(1, Math.min(16, p[2] ?? 3));
    else if (fn === 0x45) this.qrLevel = LEVELS[p[2] ?? 0x30] ?? 'L';
    else if (fn === 0x50) this.qrData = Buffer.from(p.slice(3)).toString('utf8');
    else if (fn === 0x51) {
      this.flushIfText();
      if (this.qrData) this.on.element({ kind: 'qr', align: this.align, data: this.qrData, moduleSize: this.qrModule, level: this.qrLevel });
    } else if (fn !== 0x41) this.on.unknown(p);
  }
}
