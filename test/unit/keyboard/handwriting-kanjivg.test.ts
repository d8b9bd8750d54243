import { describe, expect, it } from 'vitest';
import { createHandwritingRecognizer } from '../../../renderer/src/components/keyboard/ime/handwriting';
import { keyboardData } from './ime-data';
import { fingerWriting, gb2312Level1, selectAgreeing, splitHash } from './kanjivg';

const recognizer = createHandwritingRecognizer(keyboardData('strokes'));

/**
 * Floors for the test split, fixed from the development split before the test split was run. First, with the
 * recogniser comparing points alone: development (506 characters) top-1 94.5 %, top-5 100 %; floors 92 % (that
 * less three standard errors of a proportion over the test split's 1,091 characters, 2.1 points, rounded down)
 * and 98 % (no miss in 506 bounds the miss rate by 3/506 = 0.6 %, the rule of three; less three standard errors,
 * 0.7 points; rounded down) — the test split then gave 95.8 % and 99.6 %. Then the recogniser learnt to weigh
 * the strokes' directions (handwriting.ts DIRECTION_WEIGHT), its one weight chosen on the development split alone:
 * development top-1 98.6 %. Top-1 floor: that less three standard errors (1.1 points) and an allowance of 1.5
 * points for having chosen the weight on that split, rounded down: 96 %; top-5 stays 98 %. Fixed before the test
 * split was run with the new weight. A recogniser as good as on the development split fails these by chance
 * far less than once in 700 runs; one that has lost the directions' gain fails.
 */
const FLOOR_TOP1 = 0.96;
const FLOOR_TOP5 = 0.98;

function score(chars: readonly string[], seedBase: number) {
  let top1 = 0;
  let top5 = 0;
  const misses: string[] = [];
  chars.forEach((c, i) => {
    const out = recognizer.recognize(fingerWriting(c, seedBase + i), 5);
    if (out[0] === c) top1++;
    if (out.includes(c)) top5++;
    else misses.push(`${c}→${out.join('')}`);
  });
  return { n: chars.length, top1: top1 / chars.length, top5: top5 / chars.length, misses };
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('handwriting on writing the recogniser never saw: KanjiVG strokes (not Make Me a Hanzi)', () => {
  const selection = selectAgreeing(gb2312Level1());
  const dev = selection.kept.filter((c) => splitHash(c) % 3 === 0);
  const test = selection.kept.filter((c) => splitHash(c) % 3 !== 0);

  it('keeps the GB 2312 level-1 characters KanjiVG draws in the Chinese form and order, split ⅓ development / ⅔ test', () => {
    console.log(
      `KanjiVG test set: ${selection.kept.length} of 3,755 GB 2312 level-1 characters agree (out: ${selection.out.notDrawn} not drawn, ` +
        `${selection.out.strokeCount} other stroke count, ${selection.out.strokeClass} other stroke classes or order); development ${dev.length}, test ${test.length}`,
    );
    expect(selection.kept.length).toBeGreaterThan(1500);
    expect(dev.length + test.length).toBe(selection.kept.length);
    expect(dev.filter((c) => test.includes(c))).toEqual([]);
    // The order check is real: 王 and 北 begin differently in Japanese and are out; 安 (KanjiVG's ㇑a top dot) and 家 are in.
    expect(selection.kept).not.toContain('王');
    expect(selection.kept).not.toContain('北');
    expect(selection.kept).toContain('安');
    expect(selection.kept).toContain('家');
  });

  it('recognises finger writing made from KanjiVG strokes: top-1 and top-5 on the development and the test split', () => {
    const d = score(dev, 20_000);
    const t = score(test, 40_000);
    console.log(
      `handwriting (KanjiVG, held out): development ${d.n} top-1 ${pct(d.top1)} top-5 ${pct(d.top5)}; ` +
        `test ${t.n} top-1 ${pct(t.top1)} top-5 ${pct(t.top5)} (floors ${pct(FLOOR_TOP1)} / ${pct(FLOOR_TOP5)}); test misses: ${t.misses.slice(0, 20).join(' ')}`,
    );
    expect(t.n).toBeGreaterThan(1000);
    expect(t.top1).toBeGreaterThanOrEqual(FLOOR_TOP1);
    expect(t.top5).toBeGreaterThanOrEqual(FLOOR_TOP5);
    // ≈1,600 recognitions over 9,574 templates: ≈15 s on a quiet 2-core machine, several times that on a shared one.
  }, 600_000);
});
