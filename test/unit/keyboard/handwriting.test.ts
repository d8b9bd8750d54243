import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandwritingRecognizer, type Stroke } from '../../../renderer/src/components/keyboard/ime/handwriting';
import { givenNameFixture, keyboardData } from './ime-data';

const recognizer = createHandwritingRecognizer(keyboardData('strokes'));
const dir = path.dirname(createRequire(import.meta.url).resolve('hanzi-writer-data/package.json'));

/** A deterministic generator (LCG) and a normal deviate, so the held-out writing is the same every run. */
function random(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const gauss = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  return { next, gauss };
}

/**
 * A resident's writing of a character, made from Make Me a Hanzi's full-resolution medians (the recogniser
 * keeps only 8 quantised points a stroke): written on a 360-pixel pad, slanted, squashed or stretched,
 * moved off centre, each stroke wobbling (a random walk) and sampled at its own density, as a finger
 * would give it.
 */
function written(char: string, seed: number): Stroke[] {
  const { medians } = JSON.parse(readFileSync(path.join(dir, `${char}.json`), 'utf8')) as { medians: [number, number][][] };
  const r = random(seed);
  const angle = (r.next() - 0.5) * 0.24;
  const shear = (r.next() - 0.5) * 0.3;
  const sx = 0.75 + r.next() * 0.45;
  const sy = 0.75 + r.next() * 0.45;
  const dx = r.next() * 60;
  const dy = r.next() * 60;
  const k = 360 / 1024;
  return medians.map((m) => {
    const dense: [number, number][] = [];
    const steps = 4 + Math.floor(r.next() * 8);
    for (let i = 0; i < m.length - 1 || i === 0; i++) {
      const a = m[i]!;
      const b = m[Math.min(i + 1, m.length - 1)]!;
      for (let j = 0; j < steps; j++) dense.push([a[0] + ((b[0] - a[0]) * j) / steps, a[1] + ((b[1] - a[1]) * j) / steps]);
    }
    dense.push(m[m.length - 1]!);
    let wx = 0;
    let wy = 0;
    return dense.map(([x, y0]) => {
      const y = 900 - y0;
      wx = wx * 0.8 + r.gauss() * 6;
      wy = wy * 0.8 + r.gauss() * 6;
      const X = (x + shear * y) * sx * k;
      const Y = y * sy * k;
      return [dx + X * Math.cos(angle) - Y * Math.sin(angle) + wx * k, dy + X * Math.sin(angle) + Y * Math.cos(angle) + wy * k] as const;
    });
  });
}

describe('handwriting recognition, offline, from open stroke data', () => {
  it('recognises 500 held-out written given-name characters: top-1 and top-5 accuracy', () => {
    const chars = givenNameFixture().map(([c]) => c);
    let top1 = 0;
    let top5 = 0;
    let scored = 0;
    const misses: string[] = [];
    chars.forEach((c, i) => {
      let s: Stroke[];
      try {
        s = written(c, 1000 + i);
      } catch {
        return; // not drawn by Make Me a Hanzi
      }
      scored++;
      const out = recognizer.recognize(s, 5);
      if (out[0] === c) top1++;
      if (out.includes(c)) top5++;
      else misses.push(`${c}→${out.join('')}`);
    });
    const a1 = top1 / scored;
    const a5 = top5 / scored;
    console.log(`handwriting: ${scored} held-out characters, top-1 ${(a1 * 100).toFixed(1)}%, top-5 ${(a5 * 100).toFixed(1)}%; misses ${misses.slice(0, 20).join(' ')}`);
    expect(scored).toBeGreaterThan(490);
    // Floors well under what the perturbed writing reaches (see the log), so a regression, not noise, fails.
    expect(a1).toBeGreaterThan(0.85);
    expect(a5).toBeGreaterThan(0.95);
    // 500 recognitions over 9,574 templates: ≈10 s on a quiet 2-core machine, far more on a shared one.
  }, 180_000);

  it('offers candidates after every stroke, complete characters first, and is deterministic', () => {
    const wang = written('王', 7);
    const first = recognizer.recognize(wang.slice(0, 1));
    expect(first.length).toBe(10);
    expect(recognizer.recognize(wang)[0]).toBe('王');
    expect(recognizer.recognize(wang)).toEqual(recognizer.recognize(wang));
    expect(recognizer.recognize([])).toEqual([]);
    expect(recognizer.size).toBeGreaterThan(9000);
  });
});
