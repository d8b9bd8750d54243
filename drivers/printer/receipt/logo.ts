import type { RasterImage } from '../escpos/commands';

/**
 * The receipt's header mark, drawn in code (no third-party artwork): a ring
 * around a bold bar, the "一" of 一件事. 96×96 dots, 1 bit per dot.
 */
export function oneThingMark(size = 96): RasterImage {
  const widthBytes = Math.ceil(size / 8);
  const data = new Uint8Array(widthBytes * size);
  const c = (size - 1) / 2;
  const outer = size / 2 - 1;
  const inner = outer - size / 10;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const ring = d <= outer && d >= inner;
      const bar = Math.abs(y - c) <= size / 14 && Math.abs(x - c) <= inner * 0.62;
      if (ring || bar) data[y * widthBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { widthBytes, height: size, data };
}
