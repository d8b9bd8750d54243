import { ONE_THINGS } from './one-things';
import { PINYIN_KEYS } from './pinyin.generated';
import type { OneThing, SubItem } from './schema';
import type { PinyinKey, PinyinKeys } from './search-keys';

/**
 * Home-screen search over the 27 一件事: hanzi, pinyin initials (xsecs →
 * 新生儿出生), full pinyin (tuixiu), or a mix (xinsecs, 新shengr), against the
 * name, everyday keywords and sub-items. Pure and allocation-light: it runs
 * on every keystroke of the on-screen keyboard.
 */

export interface SearchHit {
  readonly thing: OneThing;
  /** Where the query matched: the name first, then a keyword, then a sub-item. */
  readonly matched: 'name' | 'keyword' | 'sub-item';
  /** The matching sub-item when `matched` is `sub-item`. */
  readonly subItem?: SubItem;
  readonly score: number;
}

interface Target {
  readonly chars: readonly string[];
  readonly syllables: readonly string[];
}

interface Indexed {
  readonly thing: OneThing;
  readonly name: Target;
  readonly keywords: readonly Target[];
  readonly subItems: readonly Target[];
}

const toTarget = ([chars, syllables]: PinyinKey): Target => ({ chars: Array.from(chars), syllables: syllables.split(' ') });

/** Lower-case, half-width, no spaces or apostrophes (xi'an), ü typed as v. */
export function normalizeQuery(raw: string): string {
  return Array.from(raw.normalize('NFKC').toLowerCase())
    .filter((c) => /[\p{Script=Han}a-z0-9ü]/u.test(c))
    .join('')
    .replace(/ü/g, 'v');
}

/**
 * Where the query matches contiguous tokens of the target, or -1. Each
 * token is consumed by its own character or by a non-empty prefix of its
 * syllable, so initials, full syllables and hanzi mix freely.
 */
function matchStart(q: string, t: Target, failed: Uint8Array): number {
  const n = t.chars.length;
  const width = n + 1;
  failed.fill(0, 0, (q.length + 1) * width);
  const consume = (qi: number, ti: number): boolean => {
    if (qi === q.length) return true;
    if (ti === n) return false;
    const key = qi * width + ti;
    if (failed[key]) return false;
    if (q[qi] === t.chars[ti] && consume(qi + 1, ti + 1)) return true;
    // Longest common prefix of the syllable and the rest of the query, then try the longest first.
    const syl = t.syllables[ti]!;
    let common = 0;
    while (common < syl.length && qi + common < q.length && syl.charCodeAt(common) === q.charCodeAt(qi + common)) common++;
    for (let k = common; k >= 1; k--) if (consume(qi + k, ti + 1)) return true;
    failed[key] = 1;
    return false;
  };
  for (let s = 0; s < n; s++) {
    const c = q[0];
    if ((c === t.chars[s] || c === t.syllables[s]![0]) && consume(0, s)) return s;
  }
  return -1;
}

const WEIGHT = { name: 300, keyword: 200, 'sub-item': 100 } as const;

export interface CatalogSearch {
  (query: string): SearchHit[];
}

/** Builds the index once; the returned function answers each keystroke. */
export function createCatalogSearch(things: readonly OneThing[] = ONE_THINGS, keys: PinyinKeys = PINYIN_KEYS): CatalogSearch {
  const index: Indexed[] = things.map((thing) => {
    const k = keys[thing.id];
    if (!k) throw new Error(`no pinyin keys for ${thing.id}: run scripts/generate-catalog-pinyin.ts`);
    return { thing, name: toTarget(k.name), keywords: k.keywords.map(toTarget), subItems: k.subItems.map(toTarget) };
  });
  const longest = Math.max(...index.flatMap((e) => [e.name, ...e.keywords, ...e.subItems].map((t) => t.chars.length)));
  let failed = new Uint8Array(0);

  return (raw) => {
    const q = normalizeQuery(raw);
    if (!q) return things.map((thing) => ({ thing, matched: 'name', score: 0 }));
    const need = (q.length + 1) * (longest + 1);
    if (failed.length < need) failed = new Uint8Array(need);
    const hits: SearchHit[] = [];
    for (const e of index) {
      const score = (t: Target, field: keyof typeof WEIGHT) => {
        const s = matchStart(q, t, failed);
        return s < 0 ? -1 : WEIGHT[field] + (s === 0 ? 50 : 0) - Math.min(s, 49) - Math.min(t.chars.length, 49) / 100;
      };
      const nameScore = score(e.name, 'name');
      if (nameScore >= 0) {
        hits.push({ thing: e.thing, matched: 'name', score: nameScore });
        continue;
      }
      let best = -1;
      for (const k of e.keywords) best = Math.max(best, score(k, 'keyword'));
      if (best >= 0) {
        hits.push({ thing: e.thing, matched: 'keyword', score: best });
        continue;
      }
      let bestSub = -1;
      let subItem: SubItem | undefined;
      e.subItems.forEach((t, i) => {
        const s = score(t, 'sub-item');
        if (s > bestSub) {
          bestSub = s;
          subItem = e.thing.subItems[i];
        }
      });
      if (bestSub >= 0 && subItem) hits.push({ thing: e.thing, matched: 'sub-item', subItem, score: bestSub });
    }
    return hits.sort((a, b) => b.score - a.score || a.thing.number - b.thing.number);
  };
}
