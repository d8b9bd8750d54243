import bwipjs from 'bwip-js/node';
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import type { ReceiptDataInput } from '../../contract/receipt';

/**
 * Photographs of a printed receipt, as a camera delivers them, for the
 * camera decoder's tests and the `camera-decode` benchmark.
 *
 * Independent of the kiosk's own code on purpose: the QR and the CODE128
 * are drawn by bwip-js (Barcode Writer in Pure PostScript), not by our ESC/POS
 * encoder or the virtual printer, laid out like our 80 mm receipt at the
 * printer's 203 dpi (8 dots/mm): the QR at 6 dots a module, the CODE128 in
 * code set B (what the kiosk prints) at 2 dots a module and 80 dots high, with
 * text lines above and below. Then the photograph: the paper held in front of
 * the lens at a few degrees of tilt and a slight keystone (a homography),
 * reflectance under uneven light (a window on one side, lens vignetting),
 * optical blur (Gaussian), the sensor's shot and read noise per colour channel,
 * the camera's scaler when it runs in a smaller mode (crop-and-scale, as
 * Chromium and UVC cameras do for 640×480 from a 16:9 sensor) and its JPEG.
 */

/** The paper at 203 dpi: 80 mm wide, 8 dots per millimetre. */
export const DOTS_PER_MM = 8;
const PAPER_DOTS = 640;
const LINE = 30;

export interface ReceiptSheet {
  /** Grey paper, 0 = ink, 255 = paper, `width` × `height` dots. */
  readonly grey: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Where the two symbols sit on the paper (dots). */
  readonly qr: Box;
  readonly barcode: Box;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A bwip-js symbol as grey pixels; BWIPP's own options (eclevel, newencoder, suppressc) pass through, which bwip-js's types do not list. */
async function bwipGrey(options: Parameters<typeof bwipjs.toBuffer>[0] & Readonly<Record<string, string | number | boolean>>): Promise<{ data: Buffer; width: number; height: number }> {
  const png = await bwipjs.toBuffer(options);
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const sheets = new Map<string, Promise<ReceiptSheet>>();

/** The receipt's lower part as printed: text, the QR (progress URL), its caption, the CODE128 (local number) with its digits, the hotline. */
export function receiptSheet(receipt: Pick<ReceiptDataInput, 'localNumber' | 'progressUrl'>): Promise<ReceiptSheet> {
  const key = `${receipt.localNumber}\n${receipt.progressUrl}`;
  let sheet = sheets.get(key);
  if (!sheet) sheets.set(key, (sheet = drawSheet(receipt)));
  return sheet;
}

async function drawSheet(receipt: Pick<ReceiptDataInput, 'localNumber' | 'progressUrl'>): Promise<ReceiptSheet> {
  // bwip-js draws 2 px per QR module at scale 1: scale 3 is the printer's 6 dots.
  const qr = await bwipGrey({ bcid: 'qrcode', text: receipt.progressUrl, eclevel: 'M', scale: 3 });
  // Code set B only (the kiosk prints `{B`), 2 dots a module; bwip-js's height is in millimetres at 72 dpi × scale.
  const bar = await bwipGrey({ bcid: 'code128', text: receipt.localNumber, scale: 2, height: 80 / (2 * (72 / 25.4)), newencoder: true, suppressc: true, includetext: false });
  const above = ['申请人：张*三', '证件号码：140…1234', `办件编号：${receipt.localNumber}`, '提交时间：2026-11-26 15:30', '承诺办结：2026-12-03', '-'.repeat(48)];
  const qrTop = 20 + above.length * LINE + 16;
  const qrBox: Box = { x: Math.round((PAPER_DOTS - qr.width) / 2), y: qrTop, width: qr.width, height: qr.height };
  const captionY = qrTop + qr.height + 8;
  const barTop = captionY + LINE + 24;
  const barBox: Box = { x: Math.round((PAPER_DOTS - bar.width) / 2), y: barTop, width: bar.width, height: bar.height };
  const below = [receipt.localNumber, '凭此条码在自助终端查询办理进度', '-'.repeat(48), '咨询投诉请拨打 12345', '终端 SX-TEST-0001  打印 2026-11-26 16:00'];
  const height = barTop + bar.height + 8 + below.length * LINE + 40;
  const text = (lines: readonly string[], top: number, anchor: 'start' | 'middle') =>
    lines
      .map((l, i) => `<text x="${anchor === 'middle' ? PAPER_DOTS / 2 : 32}" y="${top + (i + 1) * LINE - 6}" text-anchor="${anchor}">${escapeXml(l)}</text>`)
      .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PAPER_DOTS}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>
    <g font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif" font-size="24" fill="#000">${text(above, 20, 'start')}${text(['微信或手机扫码查询办理进度'], captionY, 'middle')}${text(below, barTop + bar.height + 8, 'middle')}</g></svg>`;
  const base = await sharp(Buffer.from(svg))
    .composite([
      { input: qr.data, raw: { width: qr.width, height: qr.height, channels: 1 }, left: qrBox.x, top: qrBox.y },
      { input: bar.data, raw: { width: bar.width, height: bar.height, channels: 1 }, left: barBox.x, top: barBox.y },
    ])
    .greyscale()
    // A thermal head prints dots, not anti-aliased text: threshold as the printer does.
    .threshold(128)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = new Uint8Array(base.info.width * base.info.height);
  for (let i = 0; i < grey.length; i++) grey[i] = base.data[i * base.info.channels]!;
  return { grey, width: base.info.width, height: base.info.height, qr: qrBox, barcode: barBox };
}

export interface PhotoConditions {
  /** In-plane tilt of the paper, degrees (positive = clockwise on screen). */
  readonly tiltDeg: number;
  /** Keystone: the paper's top edge this much narrower than its bottom (0.06 = 6 %), the paper leaning back. */
  readonly keystone: number;
  /** Sideways perspective: the right edge this much taller than the left. */
  readonly skew: number;
  /** Camera pixels per millimetre of paper at the sensor's full resolution (1280 wide). */
  readonly pxPerMm: number;
  /** Where the point between the QR and the barcode lands, from the frame centre (full-resolution pixels). */
  readonly offsetX: number;
  readonly offsetY: number;
  /** Optical blur, Gaussian sigma in full-resolution pixels. */
  readonly blurSigma: number;
  /** Read noise (grey levels, sigma) and shot-noise gain (variance per grey level). */
  readonly readNoise: number;
  readonly shotGain: number;
  /** Light falling off across the frame: 0.45 = the dark side gets 45 % less; direction in degrees. */
  readonly lightFalloff: number;
  readonly lightDirDeg: number;
  readonly jpegQuality: number;
  readonly seed: number;
}

/** The issue's photo (#16): about 4° of tilt, slight perspective, 0.9 px blur, sensor noise, uneven light, from a 1280×720 camera. */
export const ISSUE_CONDITIONS: PhotoConditions = {
  tiltDeg: 4,
  keystone: 0.06,
  skew: 0.03,
  pxPerMm: 8.5,
  offsetX: 0,
  offsetY: 0,
  blurSigma: 0.9,
  readNoise: 3,
  shotGain: 0.12,
  lightFalloff: 0.4,
  lightDirDeg: 20,
  jpegQuality: 80,
  seed: 1,
};

export function prng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

/** Hand-held variations around the issue's conditions (seeded): tilt 2–6° either way, distance, position, blur 0.7–1.1 px, light. */
export function handHeldConditions(seed: number): PhotoConditions {
  const r = prng(seed + 1000);
  const between = (a: number, b: number) => a + (b - a) * r();
  return {
    tiltDeg: (r() < 0.5 ? -1 : 1) * between(2, 6),
    keystone: between(0.02, 0.08),
    skew: between(-0.04, 0.04),
    pxPerMm: between(7.5, 10),
    offsetX: between(-80, 80),
    offsetY: between(-50, 50),
    blurSigma: between(0.7, 1.1),
    readNoise: between(2, 4),
    shotGain: between(0.08, 0.16),
    lightFalloff: between(0.25, 0.5),
    lightDirDeg: between(0, 360),
    jpegQuality: Math.round(between(70, 88)),
    seed,
  };
}

/** Capture modes: the sensor's 16:9 1280×720, and the 640×480 the kiosk used to ask for (crop-and-scale: 960×720 centre scaled by 2/3). */
export type CaptureMode = '1280x720' | '640x480';

export interface Photo {
  readonly width: number;
  readonly height: number;
  /** The frame as the camera's JPEG. */
  readonly jpeg: Buffer;
  /** Its luma (what the kiosk's decoder reads), rows top to bottom. */
  readonly grey: Uint8Array;
}

type Mat3 = [number, number, number, number, number, number, number, number, number];

/** The homography taking four source points to four destination points (8×8 solve). */
function homography(src: readonly [number, number][], dst: readonly [number, number][]): Mat3 {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i]!;
    const [u, v] = dst[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const h = a.map((row, i) => row[8]! / row[i]!);
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
}

function gaussianBlur(img: Float32Array, width: number, height: number, sigma: number): Float32Array {
  if (sigma <= 0) return img;
  const radius = Math.ceil(sigma * 3);
  const kernel = Array.from({ length: radius * 2 + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((s, k) => s + k, 0);
  for (let i = 0; i < kernel.length; i++) kernel[i]! /= sum;
  const tmp = new Float32Array(img.length);
  const out = new Float32Array(img.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += img[row + Math.min(width - 1, Math.max(0, x + k))]! * kernel[k + radius]!;
      tmp[row + x] = s;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += tmp[Math.min(height - 1, Math.max(0, y + k)) * width + x]! * kernel[k + radius]!;
      out[y * width + x] = s;
    }
  }
  return out;
}

const FULL_W = 1280;
const FULL_H = 720;
/** Warm indoor light: red, green, blue gains. */
const TINT = [1, 0.94, 0.82] as const;

/**
 * One photograph of the receipt. The optics (perspective, light, blur) are
 * worked out at the sensor's full 1280×720; a 640×480 capture is that image
 * through the camera's crop-and-scale, with the sensor noise and JPEG at the
 * delivered size (a camera in a smaller mode still adds its own noise).
 */
export async function photographReceipt(sheet: ReceiptSheet, o: PhotoConditions, mode: CaptureMode = '1280x720'): Promise<Photo> {
  const mm = (dots: number) => dots / DOTS_PER_MM;
  // Paper corners in millimetres about the point between the QR and the barcode.
  const cx = mm(sheet.width / 2);
  const cy = mm((sheet.qr.y + sheet.qr.height + sheet.barcode.y) / 2);
  const w = mm(sheet.width);
  const h = mm(sheet.height);
  const corners: [number, number][] = [
    [-cx, -cy],
    [w - cx, -cy],
    [w - cx, h - cy],
    [-cx, h - cy],
  ];
  const rad = (o.tiltDeg * Math.PI) / 180;
  const dst = corners.map(([x, y]): [number, number] => {
    // Keystone: the far (top) edge shrinks; skew: one side nearer the lens than the other.
    const depth = 1 + o.keystone * ((y + cy) / h - 0.5) + o.skew * (x / w);
    const px = x * o.pxPerMm * depth;
    const py = y * o.pxPerMm * depth;
    return [FULL_W / 2 + o.offsetX + px * Math.cos(rad) - py * Math.sin(rad), FULL_H / 2 + o.offsetY + px * Math.sin(rad) + py * Math.cos(rad)];
  });
  // Inverse mapping: for each camera pixel, where on the paper it looks.
  const toPaper = homography(dst, corners.map(([x, y]): [number, number] => [(x + cx) * DOTS_PER_MM, (y + cy) * DOTS_PER_MM]));
  const rand = prng(o.seed);

  // Reflectance: thermal black ≈ 0.1, paper ≈ 0.85, the hand and desk behind it darker and mottled.
  const ink = 0.1;
  const paperWhite = 0.85;
  const reflect = new Float32Array(FULL_W * FULL_H);
  const backPhase = rand() * 6.28;
  // 2×2 samples a pixel: the sensor integrates over its area (the 0.9 px blur after it dominates anyway).
  const sub = [-0.25, 0.25];
  for (let y = 0; y < FULL_H; y++) {
    for (let x = 0; x < FULL_W; x++) {
      let sum = 0;
      for (const dy of sub) {
        for (const dx of sub) {
          const X = x + dx;
          const Y = y + dy;
          const z = toPaper[6] * X + toPaper[7] * Y + toPaper[8];
          const u = (toPaper[0] * X + toPaper[1] * Y + toPaper[2]) / z;
          const v = (toPaper[3] * X + toPaper[4] * Y + toPaper[5]) / z;
          if (u < 0 || v < 0 || u >= sheet.width - 1 || v >= sheet.height - 1) {
            sum += 0.3 + 0.06 * Math.sin(X / 97 + backPhase) * Math.cos(Y / 71);
            continue;
          }
          const u0 = Math.floor(u);
          const v0 = Math.floor(v);
          const fu = u - u0;
          const fv = v - v0;
          const i = v0 * sheet.width + u0;
          const g = sheet.grey;
          const top = g[i]! + (g[i + 1]! - g[i]!) * fu;
          const bottom = g[i + sheet.width]! + (g[i + sheet.width + 1]! - g[i + sheet.width]!) * fu;
          sum += ink + ((top + (bottom - top) * fv) / 255) * (paperWhite - ink);
        }
      }
      reflect[y * FULL_W + x] = sum / 4;
    }
  }

  // Light: a gradient from one side, and the lens's vignetting; then the optics' blur.
  const dir = (o.lightDirDeg * Math.PI) / 180;
  const radiance = new Float32Array(reflect.length);
  for (let y = 0; y < FULL_H; y++) {
    for (let x = 0; x < FULL_W; x++) {
      const nx = (x - FULL_W / 2) / FULL_W;
      const ny = (y - FULL_H / 2) / FULL_W;
      const along = 0.5 + nx * Math.cos(dir) + ny * Math.sin(dir);
      const light = (1 - o.lightFalloff * Math.min(1, Math.max(0, along))) * (1 - 0.5 * (nx * nx + ny * ny));
      radiance[y * FULL_W + x] = 265 * reflect[y * FULL_W + x]! * light;
    }
  }
  let optical = gaussianBlur(radiance, FULL_W, FULL_H, o.blurSigma);
  let width = FULL_W;
  let height = FULL_H;
  if (mode === '640x480') {
    // The camera's scaler: the 4:3 centre (960×720) averaged down by 2/3 (each output pixel covers 1.5 input pixels).
    width = 640;
    height = 480;
    const small = new Float32Array(width * height);
    const x0 = (FULL_W - 960) / 2;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let s = 0;
        let n = 0;
        for (let sy = y * 1.5; sy < y * 1.5 + 1.5; sy += 0.5) {
          for (let sx = x * 1.5; sx < x * 1.5 + 1.5; sx += 0.5) {
            s += optical[Math.floor(sy) * FULL_W + x0 + Math.floor(sx)]!;
            n++;
          }
        }
        small[y * width + x] = s / n;
      }
    }
    optical = small;
  }

  // The sensor: per channel, shot noise (grows with the signal) and read noise.
  const rgb = Buffer.alloc(width * height * 3);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) {
      const signal = optical[i]! * TINT[c]!;
      const v = signal + gauss() * Math.sqrt(o.readNoise * o.readNoise + o.shotGain * Math.max(0, signal));
      rgb[i * 3 + c] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  const jpeg = await sharp(rgb, { raw: { width, height, channels: 3 } }).jpeg({ quality: o.jpegQuality, chromaSubsampling: '4:2:0' }).toBuffer();
  const decoded = await sharp(jpeg).raw().toBuffer();
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = (decoded[i * 3]! * 77 + decoded[i * 3 + 1]! * 150 + decoded[i * 3 + 2]! * 29) >> 8;
  return { width, height, jpeg, grey };
}

/** Photos as a Y4M file (4:2:0, neutral chroma) for Chromium's `--use-file-for-fake-video-capture`. */
export function writePhotosY4m(path: string, photos: readonly Photo[], fps = 10): void {
  const { width, height } = photos[0]!;
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts: Buffer[] = [header];
  for (const p of photos) {
    if (p.width !== width || p.height !== height) throw new Error('Y4M frames must share one size');
    parts.push(Buffer.from('FRAME\n', 'ascii'), Buffer.from(p.grey), chroma);
  }
  writeFileSync(path, Buffer.concat(parts));
}
