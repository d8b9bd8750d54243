/**
 * Writes renderer/src/components/keyboard/data/strokes.json, the handwriting
 * recogniser's templates: every character of hanzi-writer-data (Make Me a
 * Hanzi, Arphic Public License) as its strokes' medians in writing order,
 * each resampled to 8 points along its length and quantised to a 64 × 64
 * grid (one base-64 digit per coordinate, y down).
 *
 *   npx tsx scripts/generate-ime-strokes.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const POINTS = 8;

/** A polyline resampled to n points evenly spaced along its length. */
export function resample(points: readonly (readonly [number, number])[], n = POINTS): [number, number][] {
  if (points.length === 1) return Array.from({ length: n }, () => [points[0]![0], points[0]![1]]);
  const seg: number[] = [0];
  for (let i = 1; i < points.length; i++) seg.push(seg[i - 1]! + Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]));
  const total = seg[seg.length - 1]!;
  const out: [number, number][] = [];
  let j = 1;
  for (let k = 0; k < n; k++) {
    const d = total === 0 ? 0 : (total * k) / (n - 1);
    while (j < points.length - 1 && seg[j]! < d) j++;
    const span = seg[j]! - seg[j - 1]!;
    const t = span === 0 ? 0 : Math.min(1, Math.max(0, (d - seg[j - 1]!) / span));
    const a = points[j - 1]!;
    const b = points[j]!;
    out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
  }
  return out;
}

export function generateStrokes(): string {
  const dir = path.dirname(require.resolve('hanzi-writer-data/package.json'));
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const q = (v: number) => DIGITS[Math.max(0, Math.min(63, Math.round((v / 1024) * 63)))]!;
  const lines: string[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'package.json')
    .map((f) => f.slice(0, -5))
    .filter((c) => /^\p{Script=Han}$/u.test(c))
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  for (const c of files) {
    const { medians } = JSON.parse(readFileSync(path.join(dir, `${c}.json`), 'utf8')) as { medians: [number, number][][] };
    // Make Me a Hanzi's y axis points up with the baseline at 900: flip it so y grows downwards like the screen.
    lines.push(c + medians.map((m) => resample(m.map(([x, y]) => [x, 900 - y] as [number, number])).map(([x, y]) => q(x) + q(y)).join('')).join(''));
  }
  return JSON.stringify({ source: `hanzi-writer-data ${pkg.version} (Make Me a Hanzi medians)`, points: POINTS, templates: lines.join('\n') }) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(path.join(root, 'renderer/src/components/keyboard/data/strokes.json'), generateStrokes());
}
