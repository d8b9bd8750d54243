/**
 * Deskewing for 1D barcodes held at an angle in front of the kiosk camera.
 *
 * A scanline decoder reads a barcode only while one line crosses every bar:
 * for the receipt's long CODE128 (about 230 modules, 10 mm tall) that stops
 * at roughly ±9°, and a resident's hand easily tilts the paper more. The
 * bars dominate the frame's edges, so the strongest edge direction tells
 * the tilt; turning the frame back by that much puts the bars upright again.
 */

export interface BarAngle {
  /** Tilt of the bars from the nearest upright or lying position, degrees; positive = clockwise on screen. */
  readonly degrees: number;
  /** Coherence of the edges (0..1): near 0 when no direction dominates, as in a frame without bars. */
  readonly dominance: number;
}

/**
 * The frame's structure tensor (Sobel gradients, every other pixel): its
 * main axis is the bars' gradient direction. Sensor noise is the same in
 * every direction, so it adds to both axes and does not bend the answer;
 * printed text has strokes both along and across the paper, which cancel in
 * the doubled angle, so the bars decide.
 */
export function estimateBarAngle(grey: Uint8Array, width: number, height: number): BarAngle {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let y = 1; y < height - 1; y += 2) {
    const row = y * width;
    for (let x = 1; x < width - 1; x += 2) {
      const i = row + x;
      const a = grey[i - width - 1]!;
      const b = grey[i - width]!;
      const c = grey[i - width + 1]!;
      const d = grey[i - 1]!;
      const f = grey[i + 1]!;
      const g = grey[i + width - 1]!;
      const h = grey[i + width]!;
      const k = grey[i + width + 1]!;
      const gx = c + 2 * f + k - a - 2 * d - g;
      const gy = g + 2 * h + k - a - 2 * b - c;
      xx += gx * gx;
      yy += gy * gy;
      xy += gx * gy;
    }
  }
  const energy = xx + yy;
  if (energy === 0) return { degrees: 0, dominance: 0 };
  const direction = (Math.atan2(2 * xy, xx - yy) * 90) / Math.PI;
  // Upright bars have a horizontal gradient (0°), lying bars a vertical one (±90°).
  const fromNearest = direction - 90 * Math.round(direction / 90);
  return { degrees: fromNearest, dominance: Math.hypot(xx - yy, 2 * xy) / energy };
}

/**
 * The frame turned by `degrees` about its centre (positive = clockwise on
 * screen), bilinear, with the uncovered corners filled with the frame's mean
 * so no false edge appears there.
 */
export function rotateGrey(grey: Uint8Array, width: number, height: number, degrees: number): Uint8Array {
  const out = new Uint8Array(grey.length);
  let mean = 0;
  for (let i = 0; i < grey.length; i += 7) mean += grey[i]!;
  mean = Math.round(mean / Math.ceil(grey.length / 7));
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    // Inverse mapping: where in the source each output pixel comes from.
    let sx = cx - cx * cos + dy * sin;
    let sy = cy + cx * sin + dy * cos;
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
        out[y * width + x] = mean;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = grey[i]! + (grey[i + 1]! - grey[i]!) * fx;
      const bottom = grey[i + width]! + (grey[i + width + 1]! - grey[i + width]!) * fx;
      out[y * width + x] = Math.round(top + (bottom - top) * fy);
    }
  }
  return out;
}
