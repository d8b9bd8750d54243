/**
 * A handwriting test set independent of the recogniser's own data: characters drawn by KanjiVG
 * (`@madcat/kanjivg` 2.0.2, KanjiVG by Ulrich Apel, CC BY-SA 3.0 — a test-only devDependency, nothing of it
 * ships), not by Make Me a Hanzi, whose medians are the recogniser's templates.
 *
 * KanjiVG draws the Japanese forms, so only characters whose form and writing order agree with the Chinese
 * standard are kept:
 * * GB 2312 level 1 (the 3,755 common characters), drawn by KanjiVG under the same code point;
 * * the same number of strokes as the Chinese stroke order of `cnchar-order` 3.2.6 (MIT; 《通用规范汉字笔顺规范》
 *   stroke sequences, independent of both drawings);
 * * stroke by stroke the same class of the five (横 竖 撇 点 折, the 札 classes GB 13000.1 orders by), reading
 *   KanjiVG's stroke types (kvg:type, CJK Strokes) and cnchar's stroke letters — so a character whose Japanese
 *   order differs (王 北 表: 丨 before the second 一) or whose Japanese form has other strokes is out. One
 *   convention is read as the same class: KanjiVG's short vertical ㇑a is also how it draws the top dot of 宀 亠.
 * Make Me a Hanzi is not consulted at any step.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Stroke } from '../../../renderer/src/components/keyboard/ime/handwriting';

const require = createRequire(import.meta.url);
const kanjivgDir = path.join(path.dirname(require.resolve('@madcat/kanjivg/package.json')), 'dist');
const cncharOrders = (require('cnchar-order') as { dict: { orders: Record<string, string> } }).dict.orders;

/** The five stroke classes: 1 横 (and 提), 2 竖, 3 撇, 4 点 (and 捺), 5 折 (every turn or hook). */
type StrokeClass = 1 | 2 | 3 | 4 | 5;

/** KanjiVG's stroke types (the CJK Strokes block, U+31C0–U+31E3) by class; "一" appears for ㇐ in a few files. */
const KVG_CLASS: Readonly<Record<string, StrokeClass>> = {
  '㇐': 1, '一': 1, '㇀': 1,
  '㇑': 2,
  '㇒': 3, '㇓': 3,
  '㇔': 4, '㇏': 4, '㇝': 4,
  '㇁': 5, '㇂': 5, '㇃': 5, '㇄': 5, '㇅': 5, '㇆': 5, '㇇': 5, '㇈': 5, '㇉': 5, '㇊': 5, '㇋': 5, '㇌': 5, '㇍': 5, '㇎': 5,
  '㇕': 5, '㇖': 5, '㇗': 5, '㇘': 5, '㇙': 5, '㇚': 5, '㇛': 5, '㇜': 5, '㇞': 5, '㇟': 5, '㇠': 5, '㇡': 5, '㇢': 5, '㇣': 5,
};
/** cnchar's stroke letters by class (its strokeTable: j 横, i 提, f 竖, s 撇, k 点, l 捺, d 点 as in 冫 — a rising dot). */
const CNCHAR_CLASS: Readonly<Record<string, readonly StrokeClass[]>> = {
  j: [1], i: [1], f: [2], s: [3], k: [4], l: [4], d: [1, 4],
  ...Object.fromEntries([...'abceghmnopqrtuvwxyz'].map((c) => [c, [5] as const])),
};

/** A KanjiVG type ("㇕b", "㇔/㇏" when either is right) as the classes it allows; none for an unknown type. */
function kvgClasses(type: string): StrokeClass[] {
  const out: StrokeClass[] = [];
  for (const alt of type.split('/')) {
    // ㇑a is KanjiVG's short vertical: also how it draws the top dot of 宀 亠 (a 点 in the Chinese order).
    if (alt === '㇑a') out.push(2, 4);
    const c = KVG_CLASS[Array.from(alt)[0] ?? ''];
    if (c) out.push(c);
  }
  return out;
}

/** Every Hanzi of GB 2312 level 1 (rows 16–55), in code order. */
export function gb2312Level1(): string[] {
  const d = new TextDecoder('gb2312');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) continue;
      out.push(d.decode(Uint8Array.of(hi, lo)));
    }
  return out;
}

const file = (kind: 'min' | 'orig', c: string) => path.join(kanjivgDir, kind, 'main', `${c.codePointAt(0)!.toString(16).padStart(5, '0')}.svg`);
const read = (f: string): string | null => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return null;
  }
};

export interface Selection {
  readonly kept: readonly string[];
  /** Why the others are out, counted. */
  readonly out: { readonly notDrawn: number; readonly strokeCount: number; readonly strokeClass: number };
}

/** The characters whose KanjiVG drawing agrees with the Chinese form and order (see the file's comment). */
export function selectAgreeing(chars: readonly string[]): Selection {
  const kept: string[] = [];
  const out = { notDrawn: 0, strokeCount: 0, strokeClass: 0 };
  for (const c of chars) {
    const svg = read(file('orig', c));
    const order = cncharOrders[c];
    if (!svg || !order) {
      out.notDrawn++;
      continue;
    }
    const types = [...svg.matchAll(/<path [^>]*kvg:type="([^"]*)"/g)].map((m) => m[1]!);
    const paths = [...svg.matchAll(/<path /g)].length;
    if (types.length !== paths || paths !== order.length) {
      out.strokeCount++;
      continue;
    }
    const agree = types.every((t, i) => {
      const want = CNCHAR_CLASS[order[i]!] ?? [];
      return kvgClasses(t).some((k) => want.includes(k));
    });
    if (agree) kept.push(c);
    else out.strokeClass++;
  }
  return { kept, out };
}

/** A stable hash of a character, to split the set into development and test parts without looking at results. */
export function splitHash(c: string): number {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(c)) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h;
}

type Pt = [number, number];

/** An SVG path's points (KanjiVG uses M m C c S s), each cubic flattened to `steps` points, in KanjiVG's 109 × 109 box. */
export function flattenPath(d: string, steps = 8): Pt[] {
  const tokens = [...d.matchAll(/([MmCcSsLl])|(-?\d*\.?\d+(?:e-?\d+)?)/g)].map((m) => m[1] ?? Number(m[2]));
  const pts: Pt[] = [];
  let cur: Pt = [0, 0];
  let lastCtrl: Pt | null = null;
  let cmd = '';
  let i = 0;
  const num = () => {
    const v = tokens[i++];
    if (typeof v !== 'number') throw new Error(`KanjiVG path: a number expected in "${d}"`);
    return v;
  };
  const cubic = (p1: Pt, p2: Pt, p3: Pt) => {
    const p0 = cur;
    for (let k = 1; k <= steps; k++) {
      const t = k / steps;
      const u = 1 - t;
      pts.push([
        u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
        u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
      ]);
    }
    lastCtrl = p2;
    cur = p3;
  };
  while (i < tokens.length) {
    if (typeof tokens[i] === 'string') cmd = tokens[i++] as string;
    const rel = cmd === cmd.toLowerCase();
    const at = (x: number, y: number): Pt => (rel ? [cur[0] + x, cur[1] + y] : [x, y]);
    switch (cmd.toLowerCase()) {
      case 'm':
        cur = at(num(), num());
        pts.push(cur);
        lastCtrl = null;
        cmd = rel ? 'l' : 'L';
        break;
      case 'l':
        cur = at(num(), num());
        pts.push(cur);
        lastCtrl = null;
        break;
      case 'c': {
        const p1 = at(num(), num());
        const p2 = at(num(), num());
        cubic(p1, p2, at(num(), num()));
        break;
      }
      case 's': {
        const p1: Pt = lastCtrl ? [2 * cur[0] - lastCtrl[0], 2 * cur[1] - lastCtrl[1]] : cur;
        const p2 = at(num(), num());
        cubic(p1, p2, at(num(), num()));
        break;
      }
      default:
        throw new Error(`KanjiVG path: command ${cmd} not handled in "${d}"`);
    }
  }
  return pts;
}

/** A character's strokes as KanjiVG draws them, in writing order (y down). */
export function kanjivgStrokes(c: string): Pt[][] {
  const svg = read(file('min', c));
  if (!svg) throw new Error(`KanjiVG has no drawing of ${c}`);
  return [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => flattenPath(m[1]!));
}

/** A seeded generator (mulberry32) and a normal deviate, so the same writing comes every run. */
export function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  return { next, gauss };
}

/**
 * A finger's writing of KanjiVG's drawing on the kiosk's 360-pixel pad: the whole character rotated (±7°),
 * sheared (±0.15), scaled on each axis (65–105 % of the pad), placed anywhere it still fits; each stroke moved
 * on its own (σ 2.5 % of the pad: strokes never land exactly where a font puts them), its length and angle varied
 * (±8 %, ±4°) about its middle, wobbling as a correlated random walk (σ ≈ 1.2 % of the pad), and sampled at its own
 * pace (one touch point every 3–9 px, the first and last kept).
 */
export function fingerWriting(c: string, seed: number): Stroke[] {
  const r = seeded(seed);
  const PAD = 360;
  const angle = (r.next() - 0.5) * 0.24;
  const shear = (r.next() - 0.5) * 0.3;
  const sx = (0.65 + r.next() * 0.4) * (PAD / 109);
  const sy = (0.65 + r.next() * 0.4) * (PAD / 109);
  const dx = r.next() * (PAD - sx * 109) * 0.9;
  const dy = r.next() * (PAD - sy * 109) * 0.9;
  return kanjivgStrokes(c).map((stroke) => {
    const ox = r.gauss() * 0.025 * 109;
    const oy = r.gauss() * 0.025 * 109;
    const k = 1 + (r.next() - 0.5) * 0.16;
    const a = (r.next() - 0.5) * 0.14;
    const mid = stroke[Math.floor(stroke.length / 2)]!;
    const local = stroke.map(([x, y]): Pt => {
      const u = (x - mid[0]) * k;
      const v = (y - mid[1]) * k;
      return [mid[0] + ox + u * Math.cos(a) - v * Math.sin(a), mid[1] + oy + u * Math.sin(a) + v * Math.cos(a)];
    });
    // On the pad: the character's transform, in pixels.
    const onPad = local.map(([x, y]): Pt => {
      const X = (x + shear * y) * sx;
      const Y = y * sy;
      return [dx + X * Math.cos(angle) - Y * Math.sin(angle), dy + X * Math.sin(angle) + Y * Math.cos(angle)];
    });
    // Touch points along it at the finger's pace, with a wobble.
    const out: Pt[] = [];
    const spacing = 3 + r.next() * 6;
    let wx = 0;
    let wy = 0;
    const wobble = (p: Pt): Pt => {
      wx = wx * 0.8 + r.gauss() * 0.012 * PAD * 0.6;
      wy = wy * 0.8 + r.gauss() * 0.012 * PAD * 0.6;
      return [p[0] + wx, p[1] + wy];
    };
    out.push(wobble(onPad[0]!));
    let carry = 0;
    for (let i = 1; i < onPad.length; i++) {
      const p = onPad[i - 1]!;
      const q = onPad[i]!;
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
      let t = spacing - carry;
      while (t <= len) {
        out.push(wobble([p[0] + ((q[0] - p[0]) * t) / len, p[1] + ((q[1] - p[1]) * t) / len]));
        t += spacing;
      }
      carry = len - (t - spacing);
    }
    out.push(wobble(onPad[onPad.length - 1]!));
    return out;
  });
}
