/**
 * The pinyin engine runs in a worker: parsing and indexing ≈8 MB of
 * dictionary must never hold the page's main thread (the UI watchdog reloads
 * a page that stops drawing). The worker script, data included, is fetched
 * only when a keyboard first needs it.
 */
import hanzi from '../data/hanzi.json';
import names from '../data/names.json';
import phrases from '../data/phrases.json';
import { createPinyinEngine } from './pinyin-engine';
import type { ImeRequest, ImeResponse } from './worker-protocol';

const started = performance.now();
const engine = createPinyinEngine({ phrases, hanzi, names });
const loadMs = performance.now() - started;

self.onmessage = (e: MessageEvent<ImeRequest>) => {
  const m = e.data;
  let out: ImeResponse;
  if (m.op === 'lookup') out = { id: m.id, op: 'lookup', candidates: engine.lookup(m.buffer, m.options), spelled: engine.spell(m.buffer), loadMs };
  else if (m.op === 'radicals') out = { id: m.id, op: 'radicals', radicals: engine.table.radicals() };
  else if (m.op === 'under') out = { id: m.id, op: 'under', chars: engine.table.underRadical(m.radical).map((h) => ({ char: h.char, residual: Math.max(0, h.residual) })) };
  else return;
  self.postMessage(out);
};
