import { describe, expect, it } from 'vitest';
import { ELDERLY_BAR, pageStarts, PORTRAIT_BAR } from '../../../renderer/src/components/keyboard/candidate-paging';
import { createPinyinEngine } from '../../../renderer/src/components/keyboard/ime/pinyin-engine';
import { gbkHanzi, givenNameFixture, imeData } from './ime-data';

/** The old fixed page (eight to a page): kept as a bound on the ranking itself, whatever the bar holds. */
const PAGE = 8;
/** The page (0-based) the candidate bar shows the candidate at index `i` on, in normal mode on the portrait screen. */
const pageOf = (list: readonly string[], i: number, g = PORTRAIT_BAR) => (i < 0 ? Infinity : pageStarts(list, g).findLastIndex((s) => s <= i));
const engine = createPinyinEngine(imeData);
const texts = (buffer: string, o = {}) => engine.lookup(buffer, o).map((c) => c.text);

describe('pinyin input: phrases, initials, ranking, paging', () => {
  it('ranks single characters by usage: 子 and 自 before 兹 for "zi"', () => {
    const zi = texts('zi');
    expect(zi.indexOf('子')).toBeGreaterThanOrEqual(0);
    expect(zi.indexOf('子')).toBeLessThan(zi.indexOf('兹'));
    expect(zi.indexOf('自')).toBeLessThan(zi.indexOf('兹'));
    expect(zi.slice(0, PAGE)).toContain('子');
  });

  it('offers phrases by full pinyin, by initials and mixed, consuming the whole buffer', () => {
    expect(texts('sxs').slice(0, PAGE)).toContain('山西省');
    expect(engine.lookup('sxs')[0]!.consumed).toBe(3);
    expect(texts('taiyuanshi')[0]).toBe('太原市');
    expect(texts('shanxisheng').slice(0, 3)).toContain('山西省');
    expect(texts('woaibeijingtiananmen')[0]).toBe('我爱北京天安门');
    expect(texts('tyshi').slice(0, PAGE)).toContain('太原市');
    expect(engine.spell('zixuan')).toBe('zi xuan');
  });

  it('in a name field, 梓萱 for "zixuan" and 王梓萱 for "wangzixuan" within the first two pages, 王 first for "wang"', () => {
    const given = texts('zixuan', { names: true });
    const full = texts('wangzixuan', { names: true, atStart: true });
    console.log(`zixuan → ${given.slice(0, 16).join(' ')}\nwangzixuan → ${full.slice(0, 16).join(' ')}`);
    expect(given.indexOf('梓萱')).toBeGreaterThanOrEqual(0);
    expect(given.indexOf('梓萱')).toBeLessThan(2 * PAGE);
    expect(full.indexOf('王梓萱')).toBeGreaterThanOrEqual(0);
    expect(full.indexOf('王梓萱')).toBeLessThan(2 * PAGE);
    // And on the bar's first page (two rows: fifteen three-character names).
    expect(pageOf(full, full.indexOf('王梓萱'))).toBe(0);
    expect(texts('wang', { names: true, atStart: true })[0]).toBe('王');
    // Character by character works too: 梓 on the first page of "zi", 萱 on the first page of "xuan".
    expect(texts('zi', { names: true }).slice(0, PAGE)).toContain('梓');
    expect(texts('xuan', { names: true }).slice(0, PAGE)).toContain('萱');
  });

  it('reaches all 500 common given-name characters (held-out list) within the first two pages of the bar, nearly all on the first', () => {
    const fixture = givenNameFixture();
    expect(fixture).toHaveLength(500);
    const at = fixture.map(([c, py]) => {
      const list = texts(py, { names: true });
      const i = list.indexOf(c);
      return { c, i, page: pageOf(list, i), elderlyPage: pageOf(list, i, ELDERLY_BAR) };
    });
    // Ranked from permissive data only (node-segment's and jieba's name data, faker's zh_CN names, @pinyin-pro/data;
    // see scripts/generate-ime-names.ts), never from this list. A page is what two rows of the portrait bar hold
    // (candidate-paging.ts: 25 single characters); the positions are bounded too, so the ranking cannot slip
    // behind a larger page.
    const late = at.filter(({ i }) => i < 0 || i >= 2 * PAGE);
    const onPage = (p: number) => at.filter((x) => x.page === p).length;
    console.log(
      `given-name characters: page 1 ${onPage(0)}/500, page 2 ${onPage(1)}, later ${500 - onPage(0) - onPage(1)}; ` +
        `in the first 8 ${at.filter(({ i }) => i >= 0 && i < PAGE).length}, beyond the 16th: ${late.map((l) => `${l.c} ${l.i + 1}`).join(', ')}; ` +
        `elderly mode (8 to a page): beyond two pages ${at.filter((x) => x.elderlyPage > 1).map((x) => x.c).join('')}`,
    );
    expect(at.filter(({ page }) => page > 1)).toEqual([]);
    expect(onPage(0)).toBeGreaterThanOrEqual(495);
    // The ranking itself: ≥ 94 % in the first eight, none beyond the 32nd.
    expect(at.filter(({ i }) => i >= 0 && i < PAGE).length).toBeGreaterThanOrEqual(470);
    expect(at.filter(({ i }) => i < 0 || i >= 4 * PAGE)).toEqual([]);
    // Elderly mode pages 8 to a page (larger cells, each with its 读): all but the four named in
    // docs/resident-journeys.md ("Known open points") within two pages, every one within four.
    expect(at.filter((x) => x.elderlyPage > 1).length).toBeLessThanOrEqual(4);
    expect(at.filter((x) => x.elderlyPage > 3)).toEqual([]);
  });

  it('reaches every character of GB 18030-2022 level 2: GBK Hanzi, all of Ext A, the 196 name characters beyond the BMP', () => {
    const table = engine.table;
    const extA = Array.from({ length: 0x4dbf - 0x3400 + 1 }, (_, i) => String.fromCodePoint(0x3400 + i));
    const astral = [...table.all()].filter((h) => h.char.codePointAt(0)! > 0xffff).map((h) => h.char);
    expect(astral).toHaveLength(196);
    const wanted = [...new Set([...gbkHanzi(), ...extA, ...astral])];
    expect(wanted.length).toBeGreaterThan(27000);
    const byRadical = new Set<string>();
    for (const r of table.radicals()) for (const h of table.underRadical(r.id)) byRadical.add(h.char);
    expect(wanted.filter((c) => !byRadical.has(c))).toEqual([]);
    // And every one with a reading is among its syllable's candidates.
    const missing = wanted.filter((c) => {
      const info = table.info(c)!;
      return info.readings.length > 0 && !texts(info.readings[0]!).includes(c);
    });
    expect(missing).toEqual([]);
  }, 120_000);

  it('finds the rare name characters by pinyin and by radical + strokes: 䶮 喆 堃 玥 𫖮 𬌗 𬭚', () => {
    const rare: [string, string, string, number][] = [
      // char, reading, radical as the picker shows it, strokes beyond the radical
      ['䶮', 'yan', '龙', 4],
      ['喆', 'zhe', '口', 9],
      ['堃', 'kun', '土', 8],
      ['玥', 'yue', '玉', 4],
      ['𫖮', 'yi', '页', 6],
      ['𬌗', 'he', '牙', 6],
      ['𬭚', 'chun', '钅', 8],
    ];
    for (const [c, py, radChar, residual] of rare) {
      expect(texts(py, { names: true }), c).toContain(c);
      const radical = engine.table.radicals().find((r) => r.char === radChar);
      expect(radical, radChar).toBeDefined();
      expect(
        engine.table
          .underRadical(radical!.id)
          .filter((h) => Math.max(0, h.residual) === residual)
          .map((h) => h.char),
        c,
      ).toContain(c);
    }
  });

  it('is pure and deterministic: the same letters give the same list, from a fresh engine too', () => {
    const again = createPinyinEngine(imeData);
    for (const b of ['zi', 'sxs', 'wangzixuan', 'zh', 'lv', 'xian']) {
      expect(again.lookup(b, { names: true, atStart: true })).toEqual(engine.lookup(b, { names: true, atStart: true }));
      expect(engine.lookup(b)).toEqual(engine.lookup(b));
    }
    expect(texts('lv')).toContain('绿');
    expect(engine.lookup('123')).toEqual([]);
    expect(texts('zh').every((c) => /^\p{Script=Han}+$/u.test(c))).toBe(true);
  });
});
