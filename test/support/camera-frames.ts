import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import type { ReceiptDataInput } from '../../contract/receipt';
import { composeReceipt } from '../../drivers/printer/receipt/compose';
import { EscPosInterpreter, type PaperElement } from '../../drivers/printer/sim/interpreter';
import { renderPaper, type SymbolBox } from '../../drivers/printer/sim/render-png';

/**
 * Camera frames of a printed receipt, made here from the virtual printer's
 * paper: cropped around the QR or the barcode, scaled, rotated, blurred and
 * noised like a kiosk camera photographing a hand-held receipt.
 */
export const FRAME_W = 640;
export const FRAME_H = 480;

export interface PrintedPaper {
  readonly png: Buffer;
  readonly boxes: readonly SymbolBox[];
}

export async function printReceiptPaper(receipt: ReceiptDataInput, paperWidthMm: 58 | 80 = 80): Promise<PrintedPaper> {
  const composed = composeReceipt(receipt, { paperWidthMm, printedAt: new Date('2026-11-26T08:00:00Z') });
  if (!composed.ok) throw new Error(composed.reason);
  const elements: PaperElement[] = [];
  new EscPosInterpreter({ statusQuery() {}, autoStatusBack() {}, unknown() {}, element: (e) => elements.push(e) }).push(composed.bytes);
  return renderPaper(elements, paperWidthMm === 80 ? 576 : 384);
}

export interface FrameOptions {
  readonly symbol: 'code128' | 'qr';
  /** Camera pixels per printed dot. */
  readonly scale: number;
  readonly rotateDeg: number;
  readonly blurSigma: number;
  /** Standard deviation of the grey-level noise. */
  readonly noise: number;
  /** Darkens one side, like light from a window. */
  readonly shade: number;
  readonly seed: number;
}

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0xffffffff;
  };
}

/** One 640×480 greyscale frame (8 bits per pixel, rows top to bottom). */
export async function cameraFrame(paper: PrintedPaper, o: FrameOptions): Promise<Uint8Array> {
  const box = paper.boxes.find((b) => b.kind === o.symbol);
  if (!box) throw new Error(`no ${o.symbol} on this paper`);
  // A frame that cuts the code off measures the framing, not a decoder: refuse it.
  const rad = (Math.abs(o.rotateDeg) * Math.PI) / 180;
  const inViewW = (box.width * Math.cos(rad) + box.height * Math.sin(rad)) * o.scale;
  const inViewH = (box.width * Math.sin(rad) + box.height * Math.cos(rad)) * o.scale;
  if (inViewW > FRAME_W || inViewH > FRAME_H) {
    throw new Error(`the ${o.symbol} (${Math.round(inViewW)}×${Math.round(inViewH)} px at ${o.scale}×, ${o.rotateDeg}°) does not fit a ${FRAME_W}×${FRAME_H} frame`);
  }
  const meta = await sharp(paper.png).metadata();
  const pad = o.symbol === 'qr' ? 40 : 60;
  const left = Math.max(0, box.x - pad);
  const top = Math.max(0, box.y - 40);
  const width = Math.min(meta.width! - left, box.width + pad * 2);
  const height = Math.min(meta.height! - top, box.height + 90);
  // sharp reorders operations inside one pipeline: crop+scale first, rotate in a second pass.
  const scaled = await sharp(paper.png)
    .extract({ left, top, width, height })
    .resize(Math.round(width * o.scale), Math.round(height * o.scale), { kernel: 'cubic' })
    .png()
    .toBuffer();
  const { data, info } = await sharp(scaled)
    .rotate(o.rotateDeg, { background: { r: 120, g: 118, b: 112 } })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const frame = new Uint8Array(FRAME_W * FRAME_H).fill(115);
  const ox = Math.round((FRAME_W - info.width) / 2);
  const oy = Math.round((FRAME_H - info.height) / 2);
  for (let y = 0; y < FRAME_H; y++) {
    const sy = y - oy;
    if (sy < 0 || sy >= info.height) continue;
    for (let x = 0; x < FRAME_W; x++) {
      const sx = x - ox;
      if (sx >= 0 && sx < info.width) frame[y * FRAME_W + x] = data[(sy * info.width + sx) * info.channels]!;
    }
  }
  const blurred =
    o.blurSigma > 0.3
      ? new Uint8Array(await sharp(Buffer.from(frame), { raw: { width: FRAME_W, height: FRAME_H, channels: 1 } }).blur(o.blurSigma).extractChannel(0).raw().toBuffer())
      : frame;
  const rand = prng(o.seed);
  const out = new Uint8Array(FRAME_W * FRAME_H);
  for (let i = 0; i < out.length; i++) {
    const x = i % FRAME_W;
    // Box–Muller from two uniforms: Gaussian sensor noise.
    const g = Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());
    const lit = 1 - o.shade * (x / FRAME_W);
    // Paper is never pure white under a kiosk camera: compress to 30..225 before lighting and noise.
    const v = (30 + (blurred[i]! * 195) / 255) * lit + g * o.noise;
    out[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  return out;
}

/** Grey frames as a Y4M file for Chromium's `--use-file-for-fake-video-capture` (4:2:0, neutral chroma). */
export function writeY4m(path: string, frames: readonly Uint8Array[], fps = 10): void {
  const header = Buffer.from(`YUV4MPEG2 W${FRAME_W} H${FRAME_H} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const chroma = Buffer.alloc((FRAME_W / 2) * (FRAME_H / 2) * 2, 128);
  const parts: Buffer[] = [header];
  for (const f of frames) parts.push(Buffer.from('FRAME\n', 'ascii'), Buffer.from(f), chroma);
  writeFileSync(path, Buffer.concat(parts));
}

/** A frame as PNG (for decoders that take files, and to keep as an artifact). */
export function framePng(frame: Uint8Array): Promise<Buffer> {
  return sharp(Buffer.from(frame), { raw: { width: FRAME_W, height: FRAME_H, channels: 1 } }).png().toBuffer();
}
