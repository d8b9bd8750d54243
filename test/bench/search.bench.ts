/**
 * search: time per keystroke of the home-screen catalog search over all 27
 * 一件事 (names, keywords, sub-items), typing each query one character at a
 * time as the on-screen keyboard does. Baseline, same run, same keystrokes:
 * a plain substring scan of names and sub-item names (what a search without
 * pinyin would cost). Target: p95 ≤ 5 ms.
 */
import { performance } from 'node:perf_hooks';
import { CATALOG, createCatalogSearch } from '../../contract/catalog';
import { type Emit, figure, percentile } from './format';

const QUERIES = ['xsecs', 'xinshengerchusheng', 'tuixiu', 'qiyekaiban', 'cjrfw', 'shebaoka', 'jiehun', '新生儿出生', '社会保险', 'gongminshenhou', 'zzzzzz', 'lhjy'];
const ROUNDS = 200;

function keystrokes(): string[] {
  return QUERIES.flatMap((q) => Array.from(q).map((_, i) => Array.from(q).slice(0, i + 1).join('')));
}

function substringScan(query: string): number {
  let n = 0;
  for (const t of CATALOG.oneThings) if (t.name.includes(query) || t.subItems.some((s) => s.name.includes(query))) n++;
  return n;
}

function time(fn: (q: string) => unknown, strokes: readonly string[]): number[] {
  const out: number[] = [];
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of strokes) {
      const t0 = performance.now();
      const res = fn(q);
      out.push(performance.now() - t0);
      sink += Array.isArray(res) ? res.length : Number(res);
    }
  }
  if (sink < 0) console.error(sink); // keep the work observable
  return out.sort((a, b) => a - b);
}

export default async function bench(emit: Emit): Promise<void> {
  const strokes = keystrokes();
  const search = createCatalogSearch();
  // Warm both paths so the JIT compares compiled code with compiled code.
  time(search, strokes);
  time(substringScan, strokes);
  const base = time(substringScan, strokes);
  const ours = time(search, strokes);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  emit(figure('keystroke-mean', mean(ours), 'ms', mean(base)));
  emit(figure('keystroke-p95', percentile(ours, 95), 'ms', percentile(base, 95)));
  emit(figure('keystroke-max', ours[ours.length - 1]!, 'ms', base[base.length - 1]!));
  const p95 = percentile(ours, 95);
  if (p95 > 5) throw new Error(`search p95 ${p95.toFixed(3)} ms per keystroke exceeds the 5 ms target`);
}
