import iconv from 'iconv-lite';
import { isCode128BText } from './code128';

/** Bytes of the ESC/POS subset this kiosk emits (see docs/printing-and-scanning.md). */
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

/** A 1-bit image, rows top to bottom, MSB = leftmost dot, `widthBytes` bytes per row. */
export interface RasterImage {
  readonly widthBytes: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export class EscPosEncodeError extends Error {}

const ALIGN_CODE: Record<Align, number> = { left: 0, center: 1, right: 2 };
const QR_LEVEL_CODE: Record<QrErrorLevel, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/**
 * Builds one print job. Methods append and return `this`; `bytes()` gives the
 * job. Chinese text goes out as GB18030 with the printer's Chinese mode on,
 * which is how Chinese firmware expects double-byte text.
 */
export class EscPosBuilder {
  private readonly chunks: Uint8Array[] = [];
  private chinese = false;

  private push(...bytes: number[]): this {
    this.chunks.push(Uint8Array.from(bytes));
    return this;
  }

  init(): this {
    this.chinese = false;
    return this.push(ESC, 0x40);
  }

  align(a: Align): this {
    return this.push(ESC, 0x61, ALIGN_CODE[a]);
  }

  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** Character magnification 1–8 in each direction. */
  size(width: number, height: number): this {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || width > 8 || height < 1 || height > 8) {
      throw new EscPosEncodeError(`size ${width}×${height}: expected 1–8 each`);
    }
    return this.push(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  chineseMode(on: boolean): this {
    this.chinese = on;
    return on ? this.push(FS, 0x26) : this.push(FS, 0x2e);
  }

  /** Text without a line end; non-ASCII switches Chinese mode on first. */
  text(s: string): this {
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      if ((c < 0x20 && c !== 0x0a) || c === 0x7f) throw new EscPosEncodeError('text contains control characters');
    }
    if (!this.chinese && /[^\x20-\x7e\n]/.test(s)) this.chineseMode(true);
    this.chunks.push(iconv.encode(s, 'gb18030'));
    return this;
  }

  line(s = ''): this {
    return this.text(s).push(LF);
  }

  /** ESC d n: print and feed n lines. */
  feed(lines: number): this {
    return this.push(ESC, 0x64, Math.max(0, Math.min(255, lines)));
  }

  qr(data: string, options: { moduleSize?: number; level?: QrErrorLevel } = {}): this {
    const payload = Buffer.from(data, 'utf8');
    const k = payload.length + 3;
    if (payload.length === 0 || k > 7092) throw new EscPosEncodeError(`QR payload of ${payload.length} bytes`);
    const moduleSize = options.moduleSize ?? 6;
    if (moduleSize < 1 || moduleSize > 16) throw new EscPosEncodeError(`QR module size ${moduleSize}: expected 1–16`);
    this.push(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00); // model 2
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize);
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, QR_LEVEL_CODE[options.level ?? 'M']);
    this.push(GS, 0x28, 0x6b, k & 0xff, k >> 8, 0x31, 0x50, 0x30);
    this.chunks.push(payload);
    return this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
  }

  /** CODE128 in code set B, with height, module width and the human-readable line below. */
  code128(text: string, options: { height?: number; moduleWidth?: number; hri?: boolean } = {}): this {
    if (!text || !isCode128BText(text)) throw new EscPosEncodeError('CODE128 data must be printable ASCII');
    const data = Buffer.from('{B' + text.replaceAll('{', '{{'), 'ascii');
    if (data.length > 255) throw new EscPosEncodeError('CODE128 data too long');
    this.push(GS, 0x68, Math.max(1, Math.min(255, options.height ?? 80)));
    this.push(GS, 0x77, Math.max(1, Math.min(6, options.moduleWidth ?? 2)));
    this.push(GS, 0x48, options.hri === false ? 0 : 2);
    this.push(GS, 0x6b, 0x49, data.length);
    this.chunks.push(data);
    return this;
  }

  /** GS v 0: a raster bit image in normal density. */
  raster(image: RasterImage): this {
    const { widthBytes, height, data } = image;
    if (data.length !== widthBytes * height || widthBytes < 1 || widthBytes > 0xffff || height < 1 || height > 0xffff) {
      throw new EscPosEncodeError('raster data does not match its size');
    }
    this.push(GS, 0x76, 0x30, 0x00, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8);
    this.chunks.push(data);
    return this;
  }

  /** GS V 66 n: feed n dots then (partial) cut: most kiosk printers only partial-cut. */
  cut(feedDots = 48): this {
    return this.push(GS, 0x56, 0x42, Math.max(0, Math.min(255, feedDots)));
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

/** DLE EOT n: real-time status, answered even while the buffer is full. */
export function realtimeStatusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

/** GS a n: enable automatic status back (bit1 online/offline, bit2 error, bit3 paper); 0 disables. */
export function automaticStatusBack(mask: number): Uint8Array {
  return Uint8Array.of(GS, 0x61, mask & 0xff);
}
