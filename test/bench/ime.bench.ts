import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageStarts } from '../../renderer/src/components/keyboard/candidate-paging';
import { buildCandidateIndex } from '../../renderer/src/components/keyboard/pinyin-candidates';
import { createHandwritingRecognizer, type Stroke } from '../../renderer/src/components/keyboard/ime/handwriting';
import { createPinyinEngine, type ImeData } from '../../renderer/src/components/keyboard/ime/pinyin-engine';
import { figure, percentile, type Emit } from './format';
import { firstLoadJsBytes } from './support/first-load';

/**
 * The on-screen keyboard's input method. Keystroke → candidates over the full
 * dictionary (348,838 words + 28,000 characters) against the GB 2312 level-1
 * single-character index it replaced, on the same keystrokes: every prefix of
 * 500 common given names and 40 phrases a resident types (addresses,
 * hospitals), caches warming as a session would. Handwriting stroke →
 * candidates on every stroke of 200 characters. The candidate bar's paging
 * (two rows of the bar, on the page's main thread) of every keystroke's list. Dictionary load (parse +
 * index) against building the old index. Data sizes; the renderer bundle when
 * dist/renderer is built.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.join(root, 'renderer/src/components/keyboard/data');
const read = (name: string) => readFileSync(path.join(dataDir, `${name}.json`), 'utf8');

const PHRASES = [
  'shanxisheng', 'taiyuanshi', 'xiaodianqu', 'wuchengjiedao', 'yingzexiqu', 'jinci', 'pingyaoguchen', 'datongshi', 'changzhishi', 'yunchengshi',
  'renminyiyuan', 'fuyoubaojianyuan', 'zhongyiyuan', 'shanxidaxue', 'taiyuanligongdaxue', 'xiaoxue', 'youeryuan', 'shequ', 'cunweihui', 'jiedaobanshichu',
  'sxs', 'tys', 'xdq', 'rmyy', 'hukou', 'shenfenzheng', 'chushengyixuezhengming', 'yibaoka', 'shehuibaozhang', 'tuixiu',
  'woaibeijingtiananmen', 'gaoxiaobanchengyijianshi', 'zhengwufuwu', 'bianminfuwuzhongxin', 'yinhangzhanghao', 'lianxidianhua', 'jiatingzhuzhi', 'gongzuodanwei', 'qiyemingcheng', 'fadingdaibiaoren',
];
const SURNAMES = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang', 'zhou', 'wu'];

export default async function ime(emit: Emit): Promise<void> {
  // Load: parse the three data files and index them (what the pinyin worker does), against building the GB 2312 index.
  let t0 = performance.now();
  const data: ImeData = { phrases: JSON.parse(read('phrases')), hanzi: JSON.parse(read('hanzi')), names: JSON.parse(read('names')) };
  const engine = createPinyinEngine(data);
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  const old = buildCandidateIndex();
  const oldLoadMs = performance.now() - t0;
  emit(figure('dictionary-load', loadMs, 'ms', oldLoadMs));

  const fixture = readFileSync(path.join(root, 'test/fixtures/ime/given-name-chars-500.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(' ') as [string, string]);
  const names = fixture.map(([, py], i) => SURNAMES[i % SURNAMES.length]! + py + fixture[(i * 7 + 3) % fixture.length]![1]);
  const typed = [...names.map((n) => ({ text: n, names: true })), ...PHRASES.map((p) => ({ text: p, names: false }))];
  const now: number[] = [];
  const before: number[] = [];
  const paging: number[] = [];
  for (const { text, names: isName } of typed) {
    for (let n = 1; n <= text.length; n++) {
      const buffer = text.slice(0, n);
      let t = performance.now();
      const candidates = engine.lookup(buffer, { names: isName, atStart: isName });
      now.push(performance.now() - t);
      const list = candidates.map((c) => c.text);
      t = performance.now();
      pageStarts(list);
      paging.push(performance.now() - t);
      t = performance.now();
      old.lookup(buffer);
      before.push(performance.now() - t);
    }
  }
  now.sort((a, b) => a - b);
  before.sort((a, b) => a - b);
  emit(figure('keystroke-p95', percentile(now, 95), 'ms', percentile(before, 95)));
  emit(figure('keystroke-p50', percentile(now, 50), 'ms', percentile(before, 50)));
  emit(figure('keystrokes', now.length, 'count', null));
  paging.sort((a, b) => a - b);
  emit(figure('paging-p95', percentile(paging, 95), 'ms', null));

  // Handwriting: every stroke of 200 characters (Make Me a Hanzi medians on a 360-pixel pad).
  t0 = performance.now();
  const recognizer = createHandwritingRecognizer(JSON.parse(read('strokes')));
  emit(figure('handwriting-load', performance.now() - t0, 'ms', null));
  const hwd = path.join(root, 'node_modules/hanzi-writer-data');
  const stroke: number[] = [];
  for (const [c] of fixture.slice(0, 200)) {
    let medians: [number, number][][];
    try {
      medians = (JSON.parse(readFileSync(path.join(hwd, `${c}.json`), 'utf8')) as { medians: [number, number][][] }).medians;
    } catch {
      continue;
    }
    const strokes: Stroke[] = medians.map((m) => m.map(([x, y]) => [(x * 360) / 1024, ((900 - y) * 360) / 1024] as const));
    for (let k = 1; k <= strokes.length; k++) {
      const t = performance.now();
      recognizer.recognize(strokes.slice(0, k), 10);
      stroke.push(performance.now() - t);
    }
  }
  stroke.sort((a, b) => a - b);
  emit(figure('handwriting-stroke-p95', percentile(stroke, 95), 'ms', null));

  for (const name of ['phrases', 'hanzi', 'names', 'strokes']) emit(figure(`data-${name}`, statSync(path.join(dataDir, `${name}.json`)).size / 1024, 'KiB', null));
  // The renderer's bundle: what its first screen loads (the entry and every chunk it imports statically; the
  // keyboard and the IME come later, with the screens that use them), and the IME's workers.
  const renderer = path.join(root, 'dist/renderer');
  if (!existsSync(path.join(renderer, 'index.html'))) throw new Error('dist/renderer is not built: run `npx vite build` (npm run build:renderer) first');
  const assets = path.join(renderer, 'assets');
  const workers = readdirSync(assets).filter((f) => f.endsWith('.js') && /\.worker-/.test(f));
  emit(figure('bundle-start', firstLoadJsBytes(renderer) / 1024, 'KiB', null));
  emit(figure('bundle-ime-workers', workers.reduce((n, f) => n + statSync(path.join(assets, f)).size, 0) / 1024, 'KiB', null));
}
