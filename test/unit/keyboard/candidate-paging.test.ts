import { describe, expect, it } from 'vitest';
import { answerFor, pageFor, pageItems, pageSize, type Keyed, type Paged } from '../../../renderer/src/components/keyboard/candidate-paging';
import { createPinyinEngine } from '../../../renderer/src/components/keyboard/ime/pinyin-engine';
import { imeData } from './ime-data';

const engine = createPinyinEngine(imeData);
const texts = (buffer: string) => engine.lookup(buffer).map((c) => c.text);
const firstPage = (list: readonly string[], elderly: boolean) => pageItems(list, 0, pageSize(elderly)).map((x) => x.item);

describe('the candidate bar: pages, and only the answer to what is typed now', () => {
  it('"sxs" shows 山西省 on the first page in elderly mode (six to a page) as in normal mode (eight)', () => {
    expect(pageSize(true)).toBe(6);
    expect(pageSize(false)).toBe(8);
    const sxs = texts('sxs');
    expect(firstPage(sxs, true)).toContain('山西省');
    expect(firstPage(sxs, false)).toContain('山西省');
    // Every candidate on that page uses the three letters: none is a two-letter "sx" phrase.
    expect(engine.lookup('sxs').slice(0, pageSize(true)).map((c) => c.consumed)).toEqual(Array(pageSize(true)).fill(3));
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
    const size = pageSize(true);
    const turned: Paged<readonly string[]> = { list: sx, page: 4 };
    expect(pageFor(turned, sx, sx.length, size).page).toBe(4);
    const next = pageFor(turned, sxs, sxs.length, size);
    expect(next.page).toBe(0);
    expect(next.pages).toBe(Math.ceil(sxs.length / size));
    // A page past the end (the list got shorter) is the last page; an empty list is one empty page.
    expect(pageFor({ list: sx, page: 10_000 }, sx, sx.length, size).page).toBe(Math.ceil(sx.length / size) - 1);
    expect(pageFor({ list: [], page: 0 }, [], 0, size)).toEqual({ page: 0, pages: 1 });
  });

  it('hands back each candidate with its index in the whole list', () => {
    const list = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    expect(pageItems(list, 1, 6)).toEqual([
      { item: '庚', index: 6 },
      { item: '辛', index: 7 },
      { item: '壬', index: 8 },
      { item: '癸', index: 9 },
    ]);
    expect(pageItems(list, 0, 8)).toHaveLength(8);
  });
});
