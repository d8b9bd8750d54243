import { pinyin } from 'pinyin-pro';
import type { OneThing } from '../../../contract/catalog';

interface Indexed {
  readonly thing: OneThing;
  readonly initials: string;
  readonly full: string;
}

const cache = new WeakMap<readonly OneThing[], readonly Indexed[]>();

function index(things: readonly OneThing[]): readonly Indexed[] {
  let idx = cache.get(things);
  if (!idx) {
    idx = things.map((thing) => ({
      thing,
      initials: pinyin(thing.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
      full: pinyin(thing.name, { toneType: 'none', type: 'array' }).join('').toLowerCase(),
    }));
    cache.set(things, idx);
  }
  return idx;
}

/**
 * Home-screen search: hanzi anywhere in the name or a sub-item, pinyin
 * initials (xsecs → 新生儿出生) or full pinyin. Names match before sub-items.
 */
export function searchOneThings(things: readonly OneThing[], query: string): OneThing[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [...things];
  const ascii = /^[a-z]+$/.test(q);
  const scored: { thing: OneThing; score: number }[] = [];
  for (const e of index(things)) {
    let score = 0;
    if (e.thing.name.includes(q)) score = 3;
    else if (ascii && e.initials.startsWith(q)) score = 3;
    else if (ascii && (e.initials.includes(q) || e.full.includes(q))) score = 2;
    else if (e.thing.subItems.some((s) => s.name.includes(q)) || e.thing.nameEn.toLowerCase().includes(q)) score = 1;
    if (score) scored.push({ thing: e.thing, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.thing.number - b.thing.number).map((s) => s.thing);
}
