import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { code128Modules, code128ValuesFromEscPos } from '../escpos/code128';
import type { Align } from '../escpos/commands';
import type { PaperElement } from './interpreter';

/**
 * Draws printed paper the way a 203 dpi thermal head would: text through a
 * CJK font (librsvg + fontconfig inside sharp, using the system's Noto Sans
 * Mono CJK, so half-width cells are 12 dots and CJK cells 24 like printer
 * fonts), QR modules and CODE128 bars as dot-exact squares, raster images
 * bit for bit. Everything is thresholded to black and white, as on paper.
 */
export const PAPER_FONT = 'Noto Sans Mono CJK SC';
const LINE_DOTS = 24;
const LINE_GAP = 6;
const MARGIN = 24;

interface TextPlacement {
  readonly y: number;
  readonly align: Align;
  readonly runs: readonly { text: string; bold: boolean }[];
  readonly scaleX: number;
  readonly scaleY: number;
}

interface BitmapPlacement {
  readonly x: number;
  readonly y: number;
  /** Draws black dots through `dot(x, y)`. */
  draw(dot: (x: number, y: number) => void): void;
}

function xFor(align: Align, width: number, paperDots: number): number {
  if (align === 'center') return Math.max(0, Math.floor((paperDots - width) / 2));
  if (align === 'right') return Math.max(0, paperDots - width);
  return 0;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function textSvg(lines: readonly TextPlacement[], width: number, height: number): string {
  const body = lines
    .map((l) => {
      const anchor = l.align === 'center' ? 'middle' : l.align === 'right' ? 'end' : 'start';
      const x = l.align === 'center' ? width / 2 : l.align === 'right' ? width : 0;
      const baseline = l.y + LINE_DOTS * l.scaleY * 0.86;
      const spans = l.runs
        .map((r) => `<tspan font-weight="${r.bold ? 'bold' : 'normal'}">${escapeXml(r.text)}</tspan>`)
        .join('');
      return `<text xml:space="preserve" text-anchor="${anchor}" transform="translate(${x} ${baseline}) scale(${l.scaleX} ${l.scaleY})">${spans}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><g font-family="${PAPER_FONT}" font-size="${LINE_DOTS}" fill="#000">${body}</g></svg>`;
}

/** Where a QR code or barcode landed on the PNG (pixels, margins included), for tests and camera frames. */
export interface SymbolBox {
  readonly kind: 'qr' | 'code128';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Renders one document (the elements up to a cut) to a PNG. */
export async function renderPaperPng(elements: readonly PaperElement[], paperDots: number): Promise<Buffer> {
  return (await renderPaper(elements, paperDots)).png;
}

export async function renderPaper(elements: readonly PaperElement[], paperDots: number): Promise<{ png: Buffer; boxes: SymbolBox[] }> {
  const boxes: SymbolBox[] = [];
  const texts: TextPlacement[] = [];
  const bitmaps: BitmapPlacement[] = [];
  let y = LINE_GAP;
  for (const e of elements) {
    switch (e.kind) {
      case 'text': {
        const scaleY = Math.max(...e.runs.map((r) => r.height));
        const scaleX = Math.max(...e.runs.map((r) => r.width));
        texts.push({ y, align: e.align, runs: e.runs, scaleX, scaleY });
        y += LINE_DOTS * scaleY + LINE_GAP;
        break;
      }
      case 'feed':
        y += e.dots;
        break;
      case 'qr': {
        const qr = QRCode.create(e.data, { errorCorrectionLevel: e.level });
        const n = qr.modules.size;
        const m = e.moduleSize;
        const x0 = xFor(e.align, n * m, paperDots);
        const y0 = y + LINE_GAP;
        boxes.push({ kind: 'qr', x: x0 + MARGIN, y: y0, width: n * m, height: n * m });
        bitmaps.push({
          x: x0,
          y: y0,
          draw(dot) {
            for (let r = 0; r < n; r++)
              for (let c = 0; c < n; c++)
                if (qr.modules.get(r, c)) for (let dy = 0; dy < m; dy++) for (let dx = 0; dx < m; dx++) dot(x0 + c * m + dx, y0 + r * m + dy);
          },
        });
        y = y0 + n * m + LINE_GAP * 2;
        break;
      }
      case 'code128': {
        const values = code128ValuesFromEscPos(e.data);
        if (!values) break; // a printer prints nothing for data it rejects
        const widths = code128Modules(values);
        const total = widths.reduce((a, b) => a + b, 0) * e.moduleWidth;
        const x0 = xFor(e.align, total, paperDots);
        const y0 = y + LINE_GAP;
        const hriText = Buffer.from(e.data).toString('latin1').replace(/\{[ABC]/g, '').replaceAll('{{', '{');
        if (e.hri === 1 || e.hri === 3) {
          texts.push({ y: y0, align: e.align, runs: [{ text: hriText, bold: false }], scaleX: 1, scaleY: 1 });
        }
        const barTop = e.hri === 1 || e.hri === 3 ? y0 + LINE_DOTS + LINE_GAP : y0;
        boxes.push({ kind: 'code128', x: x0 + MARGIN, y: barTop, width: total, height: e.height });
        bitmaps.push({
          x: x0,
          y: barTop,
          draw(dot) {
            let x = x0;
            widths.forEach((w, i) => {
              const px = w * e.moduleWidth;
              if (i % 2 === 0) for (let dx = 0; dx < px; dx++) for (let dy = 0; dy < e.height; dy++) dot(x + dx, barTop + dy);
              x += px;
            });
          },
        });
        y = barTop + e.height + LINE_GAP;
        if (e.hri === 2 || e.hri === 3) {
          texts.push({ y, align: e.align, runs: [{ text: hriText, bold: false }], scaleX: 1, scaleY: 1 });
          y += LINE_DOTS + LINE_GAP;
        }
        break;
      }
      case 'raster': {
        const w = e.widthBytes * 8;
        const x0 = xFor(e.align, w, paperDots);
        const y0 = y;
        bitmaps.push({
          x: x0,
          y: y0,
          draw(dot) {
            for (let r = 0; r < e.height; r++)
              for (let c = 0; c < w; c++) if (e.data[r * e.widthBytes + (c >> 3)]! & (0x80 >> (c & 7))) dot(x0 + c, y0 + r);
          },
        });
        y += e.height + LINE_GAP;
        break;
      }
      case 'cut':
        y += LINE_GAP;
        break;
    }
  }
  const height = Math.max(y + LINE_GAP, 48);
  // Loaded on first use: only the simulated printer draws paper, and the production package carries no sharp (scripts/build-production.ts).
  const { default: sharp } = await import('sharp');
  const { data: grey } = await sharp(Buffer.from(textSvg(texts, paperDots, height)))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = grey.length / (paperDots * height);
  const width = paperDots + MARGIN * 2;
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  png.data = Buffer.alloc(width * height * 4, 0xff);
  const dot = (x: number, yy: number) => {
    if (x < 0 || x >= paperDots || yy < 0 || yy >= height) return;
    const o = (yy * width + x + MARGIN) * 4;
    png.data[o] = png.data[o + 1] = png.data[o + 2] = 0;
  };
  for (let yy = 0; yy < height; yy++) for (let x = 0; x < paperDots; x++) if (grey[(yy * paperDots + x) * channels]! < 128) dot(x, yy);
  for (const b of bitmaps) b.draw(dot);
  return { png: PNG.sync.write(png, { colorType: 0 }), boxes };
}
