import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG, createCatalogSearch, normalizeQuery } from '../../../contract/catalog';
import { PINYIN_KEYS } from '../../../contract/catalog/pinyin.generated';
import { GENERATED_FILE, renderPinyinModule, searchKey } from '../../../scripts/generate-catalog-pinyin';

const search = createCatalogSearch();
const names = (q: string) => search(q).map((h) => h.thing.name);

describe('catalog pinyin keys', () => {
  it('are fresh: regenerating from the catalog gives the committed file', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderPinyinModule());
  });

  it('cover every 一件事 and sub-item, one syllable per character', () => {
    for (const t of CATALOG.oneThings) {
      const k = PINYIN_KEYS[t.id]!;
      expect(k.subItems).toHaveLength(t.subItems.length);
      for (const [chars, syllables] of [k.name, ...k.keywords, ...k.subItems]) {
        expect(syllables.split(' '), chars).toHaveLength(Array.from(chars).length);
      }
    }
  });

  it('reads polyphones by context', () => {
    expect(searchKey('重度残疾人护理补贴').syllables.slice(0, 2)).toEqual(['zhong', 'du']);
    expect(searchKey('银行账户注销').syllables.slice(0, 2)).toEqual(['yin', 'hang']);
    expect(searchKey('员工录用').syllables).toEqual(['yuan', 'gong', 'lu', 'yong']);
    expect(searchKey('《道路运输证》4500').chars).toBe('道路运输证4500');
  });
});

describe('catalog search', () => {
  it('matches pinyin initials', () => {
    expect(names('xsecs')[0]).toBe('新生儿出生');
    expect(names('qykb')[0]).toBe('企业开办');
    expect(names('cjrfw')).toEqual(['残疾人服务']);
  });

  it('matches full pinyin, mixed with initials, in any case and spacing', () => {
    expect(names('tuixiu')[0]).toBe('退休');
    expect(names('xinshengerchusheng')).toEqual(['新生儿出生']);
    expect(names('xinsecs')).toEqual(['新生儿出生']);
    expect(names('Xin Sheng Er')[0]).toBe('新生儿出生');
    expect(names('ｘｓｅｃｓ')[0]).toBe('新生儿出生');
  });

  it('matches hanzi in names, everyday keywords and sub-items', () => {
    expect(names('出生')[0]).toBe('新生儿出生');
    expect(search('结婚')[0]).toMatchObject({ matched: 'keyword', thing: { name: '公民婚育' } });
    expect(search('jiehun')[0]!.thing.name).toBe('公民婚育');
    const hit = search('预防接种').find((h) => h.thing.name === '新生儿出生');
    expect(hit).toMatchObject({ matched: 'sub-item', subItem: { name: '预防接种证办理' } });
  });

  it('ranks a name match above keyword and sub-item matches', () => {
    const hits = search('shehuibaoxian');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((h) => h.matched === 'sub-item')).toBe(true);
    const mixed = search('退休');
    expect(mixed[0]).toMatchObject({ matched: 'name', thing: { name: '退休' } });
    expect(mixed.slice(1).every((h) => h.matched !== 'name')).toBe(true);
  });

  it('finds nothing for nonsense, and everything for an empty query', () => {
    expect(search('zzzq')).toEqual([]);
    expect(search('qwxv')).toEqual([]);
    expect(search('  ')).toHaveLength(27);
  });

  it('normalises queries', () => {
    expect(normalizeQuery(" Xi'an ")).toBe('xian');
    expect(normalizeQuery('lü')).toBe('lv');
    expect(normalizeQuery('新 生')).toBe('新生');
  });
});
