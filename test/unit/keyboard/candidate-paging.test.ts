import { describe, expect, it } from 'vitest';
import { answerFor, candidateWidth, ELDERLY_BAR, pageFor, pageItems, pageStarts, PORTRAIT_BAR, type BarGeometry, type Keyed, type Paged } from '../../../renderer/src/components/keyboard/candidate-paging';
import { createPinyinEngine } from '../../../renderer/src/components/keyboard/ime/pinyin-engine';
import { imeData } from './ime-data';

const engine = createPinyinEngine(imeData);
const texts = (buffer: string) => engine.lookup(buffer).map((c) => c.text);
const firstPage = (list: readonly string[], elderly: boolean) => pageItems(list, 0, pageStarts(list, elderly ? ELDERLY_BAR : PORTRAIT_BAR)).map((x) => x.item);

describe('the candidate bar: pages, and only the answer to what is typed now', () => {
  it('"sxs" shows 山西省 on the first page in elderly mode (five three-character words) as in normal mode', () => {
    const sxs = texts('sxs');
    const elderlyFirst = firstPage(sxs, true);
    expect(elderlyFirst.length).toBeGreaterThanOrEqual(5);
    expect(elderlyFirst).toContain('山西省');
    expect(firstPage(sxs, false)).toContain('山西省');
    // Every candidate on that page uses the three letters: none is a two-letter "sx" phrase.
    expect(engine.lookup('sxs').slice(0, elderlyFirst.length).map((c) => c.consumed)).toEqual(Array(elderlyFirst.length).fill(3));
  });

  it('a page is what two rows of the portrait bar hold: 25 single characters, 21 two-character words, 15 names; in elderly mode 8 and 5', () => {
    const singles = Array.from({ length: 100 }, (_, i) => String.fromCodePoint(0x4e00 + i));
    const twos = singles.map((c) => c + c);
    const threes = singles.map((c) => c + c + c);
    const per = (list: string[], g: BarGeometry = PORTRAIT_BAR) => pageStarts(list, g)[1];
    // 56-px targets (57 with a pixel to spare), 8-px gaps, 960 px: 14 in the first row, 11 beside the 232-px pager in the second.
    expect(per(singles)).toBe(25);
    expect(per(twos)).toBe(21);
    expect(per(threes)).toBe(15);
    // Elderly: 96-px candidates, each with its 80-px 读: 5 in the first row, 3 beside the 294-px pager.
    expect(per(singles, ELDERLY_BAR)).toBe(8);
    expect(per(threes, ELDERLY_BAR)).toBe(5);
    // Every page, laid out as the browser wraps it, uses at most two rows of 960 px, the pager included.
    for (const g of [PORTRAIT_BAR, ELDERLY_BAR])
      for (const list of [singles, twos, threes, texts('yi'), texts('wangzixuan')]) {
        const starts = pageStarts(list, g);
        starts.forEach((from, p) => {
          const items = [...list.slice(from, starts[p + 1] ?? list.length).map((c) => candidateWidth(c, g)), g.pager];
          let rows = 1;
          let x = 0;
          for (const w of items) {
            if (x > 0 && x + 8 + w > 960) {
              rows++;
              x = w;
            } else x += (x > 0 ? 8 : 0) + w;
          }
          expect(rows, `page ${p + 1}`).toBeLessThanOrEqual(2);
        });
      }
    // A list that fits whole is one page with no pager; a wider bar (landscape) holds more.
    expect(pageStarts(singles.slice(0, 28))).toEqual([0]);
    expect(pageStarts(singles.slice(0, 29))).toEqual([0, 25]);
    expect(pageStarts(singles, { ...PORTRAIT_BAR, width: 1800 })[1]).toBeGreaterThan(40);
    expect(pageStarts([])).toEqual([0]);
  });

  it('typed key by key with slow answers: an answer to "sx" arriving after the third letter is never shown for "sxs"', () => {
    const empty: readonly string[] = [];
    let answer: Keyed<readonly string[]> | null = null;
    const shownFor = (buffer: string) => answerFor(answer, buffer, empty);

    // s, x, s typed; the answer to "sx" is the first to come back.
    answer = { key: 'sx', value: texts('sx') };
    const stale = shownFor('sxs');
    expect(stale.pending).toBe(true);
    expect(stale.value).toEqual([]);
    // Nothing to choose meanwhile: the two-letter phrases (实行, 思想, 山西 …) are not on the bar.
    expect(firstPage(stale.value, true)).not.toContain('山西');

    answer = { key: 'sxs', value: texts('sxs') };
    const current = shownFor('sxs');
    expect(current.pending).toBe(false);
    expect(firstPage(current.value, true)).toContain('山西省');
    // A backspace makes the "sxs" answer stale in turn.
    expect(shownFor('sx').pending).toBe(true);
  });

  it('compares keys by identity, so a handwriting answer belongs to the strokes it was given', () => {
    const one = [[[0, 0] as const, [10, 10] as const]];
    const sameShape = [[[0, 0] as const, [10, 10] as const]];
    const answer: Keyed<readonly string[], typeof one> = { key: one, value: ['一'] };
    expect(answerFor(answer, one, []).value).toEqual(['一']);
    expect(answerFor(answer, sameShape, []).pending).toBe(true);
    expect(answerFor(null, one, ['x'])).toEqual({ value: ['x'], pending: true });
  });

  it('a page turned on one list never applies to the next: a new list opens on its first page', () => {
    const sx = texts('sx');
    const sxs = texts('sxs');
    const sxStarts = pageStarts(sx, ELDERLY_BAR);
    const sxsStarts = pageStarts(sxs, ELDERLY_BAR);
    const turned: Paged<readonly string[]> = { list: sx, page: 4 };
    expect(pageFor(turned, sx, sxStarts).page).toBe(4);
    const next = pageFor(turned, sxs, sxsStarts);
    expect(next.page).toBe(0);
    expect(next.pages).toBe(sxsStarts.length);
    expect(next.pages).toBeGreaterThan(1);
    // A page past the end (the list got shorter) is the last page; an empty list is one empty page.
    expect(pageFor({ list: sx, page: 10_000 }, sx, sxStarts).page).toBe(sxStarts.length - 1);
    expect(pageFor({ list: [], page: 0 }, [], pageStarts([]))).toEqual({ page: 0, pages: 1 });
  });

  it('hands back each candidate with its index in the whole list', () => {
    const list = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    expect(pageItems(list, 1, [0, 6])).toEqual([
      { item: '庚', index: 6 },
      { item: '辛', index: 7 },
      { item: '壬', index: 8 },
      { item: '癸', index: 9 },
    ]);
    expect(pageItems(list, 0, pageStarts(list))).toHaveLength(10);
    // In elderly mode ten fit two rows whole (five and five); an eleventh needs the pager: eight, then three.
    expect(pageStarts(list, ELDERLY_BAR)).toEqual([0]);
    const eleven = [...list, '子'];
    expect(pageItems(eleven, 1, pageStarts(eleven, ELDERLY_BAR)).map((x) => x.index)).toEqual([8, 9, 10]);
  });
});
