import type { CodeRead } from './confirm';
import { estimateBarAngle, rotateGrey } from './deskew';
import { smoothAlongBars } from './smooth';

export type ZxingFormat = 'Code128' | 'QRCode';

/** One zxing-wasm pass over a grey frame (the browser and Node supply their own loader). */
export type GreyReader = (grey: Uint8Array, width: number, height: number, formats: readonly ZxingFormat[]) => Promise<readonly { format: string; text: string }[]>;

/** Below this tilt a scanline still crosses the whole receipt barcode; above it the frame is turned upright first. */
const DESKEW_FROM_DEGREES = 2;
/** Edge coherence below which the frame has no dominant bars to turn by. */
const MIN_DOMINANCE = 0.15;

/**
 * Frames wider than this (a 1920×1080 camera) are first shrunk to it: the
 * receipt held at arm's length still has 2 px modules at 1280 wide, and the
 * decoder's time per frame stays what it is at 1280×720.
 */
export const MAX_DECODE_WIDTH = 1280;
/** Frames at least this wide go to the QR pass halved: the receipt's QR (6 dots a module) still has 3 px modules there. */
const HALVE_QR_FROM_WIDTH = 1200;

/**
 * The frame decoder behind the camera scanner (next to quagga2's
 * LiveStream), sized for a 1280×720 or 1920×1080 camera frame:
 *
 * 1. QR in one zxing-wasm pass, on the frame halved (2×2 average) when it is
 *    wide: a quarter of the pixels, and the QR's modules stay ≥ 3 px.
 * 2. CODE128 at full resolution: the receipt's 0.25 mm modules are about 2 px
 *    at 1280×720 and would blur into each other at half size.
 * 3. When no barcode came out: the frame turned so the bars stand upright (a
 *    hand-held receipt is rarely straight) and smoothed along them.
 * 4. Still none: that frame sharpened across the bars (lens blur of about a
 *    module merges the thin bars; an unsharp mask across them separates them).
 *
 * Each step rescues frames the one before misses (measured in `npm run bench
 * -- camera-decode` on photographed receipts, test/support/receipt-photos.ts).
 */
export async function decodeFrame(frame: Uint8Array, frameWidth: number, frameHeight: number, read: GreyReader): Promise<CodeRead[]> {
  const { grey, width, height } = frameWidth > MAX_DECODE_WIDTH ? shrinkToWidth(frame, frameWidth, frameHeight, MAX_DECODE_WIDTH) : { grey: frame, width: frameWidth, height: frameHeight };
  const reads: CodeRead[] = [];
  const qrFrame = width >= HALVE_QR_FROM_WIDTH ? halve(grey, width, height) : { grey, width, height };
  for (const r of await read(qrFrame.grey, qrFrame.width, qrFrame.height, ['QRCode'])) if (r.format === 'QRCode') reads.push({ symbology: 'qr', text: r.text });
  const code128 = async (frame: Uint8Array) => {
    const found = (await read(frame, width, height, ['Code128'])).filter((r) => r.format === 'Code128');
    for (const r of found) reads.push({ symbology: 'code128', text: r.text });
    return found.length > 0;
  };
  if (await code128(grey)) return reads;
  const tilt = estimateBarAngle(grey, width, height);
  const upright = Math.abs(tilt.degrees) >= DESKEW_FROM_DEGREES && tilt.dominance >= MIN_DOMINANCE ? rotateGrey(grey, width, height, -tilt.degrees) : grey;
  const smoothed = smoothAlongBars(upright, width, height);
  if (await code128(smoothed)) return reads;
  await code128(sharpenAcrossBars(smoothed, width, height));
  return reads;
}

/** The frame at half size, each pixel the mean of a 2×2 block. */
export function halve(grey: Uint8Array, width: number, height: number): { grey: Uint8Array; width: number; height: number } {
  const w = width >> 1;
  const h = height >> 1;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const a = 2 * y * width;
    const b = a + width;
    for (let x = 0; x < w; x++) out[y * w + x] = (grey[a + 2 * x]! + grey[a + 2 * x + 1]! + grey[b + 2 * x]! + grey[b + 2 * x + 1]! + 2) >> 2;
  }
  return { grey: out, width: w, height: h };
}

/** The frame scaled down to `targetWidth` (aspect kept), each pixel the mean of the source area it covers (box filter). */
export function shrinkToWidth(grey: Uint8Array, width: number, height: number, targetWidth: number): { grey: Uint8Array; width: number; height: number } {
  const f = width / targetWidth;
  const w = targetWidth;
  const h = Math.max(1, Math.round(height / f));
  // Column sums first (horizontal box with fractional edges), then rows.
  const cols = new Float32Array(w * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < w; x++) {
      const x0 = x * f;
      const x1 = Math.min(width, x0 + f);
      let s = 0;
      for (let sx = Math.floor(x0); sx < x1; sx++) s += grey[row + sx]! * (Math.min(x1, sx + 1) - Math.max(x0, sx));
      cols[y * w + x] = s / (x1 - x0);
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = y * f;
    const y1 = Math.min(height, y0 + f);
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let sy = Math.floor(y0); sy < y1; sy++) s += cols[sy * w + x]! * (Math.min(y1, sy + 1) - Math.max(y0, sy));
      out[y * w + x] = Math.round(s / (y1 - y0));
    }
  }
  return { grey: out, width: w, height: h };
}

/** Unsharp mask across upright bars (horizontal neighbours only): v + k·(2v − left − right). */
export function sharpenAcrossBars(grey: Uint8Array, width: number, height: number, amount = 0.6): Uint8Array {
  const out = new Uint8Array(grey.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const v = grey[row + x]!;
      const left = grey[row + Math.max(0, x - 1)]!;
      const right = grey[row + Math.min(width - 1, x + 1)]!;
      out[row + x] = Math.max(0, Math.min(255, Math.round(v + amount * (2 * v - left - right))));
    }
  }
  return out;
}

/** Luma of an RGBA frame (canvas ImageData). */
export function greyOf(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = (rgba[i * 4]! * 77 + rgba[i * 4 + 1]! * 150 + rgba[i * 4 + 2]! * 29) >> 8;
  return grey;
}
