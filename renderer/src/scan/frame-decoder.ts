import type { Symbology } from '../../../contract';
import type { CodeRead } from './confirm';
import { estimateBarAngle, rotateGrey } from './deskew';
import { smoothAlongBars } from './smooth';

export type ZxingFormat = 'Code128' | 'QRCode';

/** One zxing-wasm pass over a grey frame (the browser and Node supply their own loader). */
export type GreyReader = (grey: Uint8Array, width: number, height: number, formats: readonly ZxingFormat[]) => Promise<readonly { format: string; text: string }[]>;

const SYMBOLOGY: Readonly<Record<string, Symbology>> = { Code128: 'code128', QRCode: 'qr' };

/** Below this tilt a scanline still crosses the whole receipt barcode; above it the frame is turned upright first. */
const DESKEW_FROM_DEGREES = 2;
/** Edge coherence below which the frame has no dominant bars to turn by. */
const MIN_DOMINANCE = 0.15;

/**
 * The frame decoder behind the camera scanner (next to quagga2's
 * LiveStream): CODE128 and QR in one zxing-wasm pass; when no barcode came
 * out, a second CODE128 pass on the frame turned so the bars stand upright
 * (a hand-held receipt is rarely straight) and smoothed along them, which
 * rescues tilted and noisy frames (measured in `npm run bench -- camera-decode`).
 */
export async function decodeFrame(grey: Uint8Array, width: number, height: number, read: GreyReader): Promise<CodeRead[]> {
  const first = await read(grey, width, height, ['Code128', 'QRCode']);
  const reads: CodeRead[] = first.flatMap((r) => (SYMBOLOGY[r.format] ? [{ symbology: SYMBOLOGY[r.format]!, text: r.text }] : []));
  if (reads.some((r) => r.symbology === 'code128')) return reads;
  const tilt = estimateBarAngle(grey, width, height);
  const upright = Math.abs(tilt.degrees) >= DESKEW_FROM_DEGREES && tilt.dominance >= MIN_DOMINANCE ? rotateGrey(grey, width, height, -tilt.degrees) : grey;
  const second = await read(smoothAlongBars(upright, width, height), width, height, ['Code128']);
  for (const r of second) if (r.format === 'Code128') reads.push({ symbology: 'code128', text: r.text });
  return reads;
}

/** Luma of an RGBA frame (canvas ImageData). */
export function greyOf(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = (rgba[i * 4]! * 77 + rgba[i * 4 + 1]! * 150 + rgba[i * 4 + 2]! * 29) >> 8;
  return grey;
}
