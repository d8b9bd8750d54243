/**
 * Writes the keyboard's lazily loaded data (renderer/src/components/keyboard/data/):
 *
 * * phrases.json — every word of @pinyin-pro/data's complete dictionary
 *   (348,838 words and characters with their readings and usage frequency),
 *   grouped by the first letters of their syllables ("sxs" → 山西省 陕西省 …),
 *   best first, so a lookup parses only the group it needs.
 *
 * names.json is written by scripts/generate-ime-names.ts.
 *
 *   npx tsx scripts/generate-ime-dictionary.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (f: string) => path.join(root, 'renderer/src/components/keyboard/data', f);
const require = createRequire(import.meta.url);

/** "shěng" → "sheng", "lǜ" → "lv". */
const plain = (p: string) => p.normalize('NFD').replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v').toLowerCase();

/** Frequency 1e-13…1e-7 as an integer score 0…600, higher is more used. */
export const scoreOf = (f: number) => Math.max(0, Math.round((Math.log10(Math.max(f, 1e-13)) + 13) * 100));

export function generatePhrases(): string {
  const dir = path.dirname(path.dirname(require.resolve('@pinyin-pro/data/complete.json')));
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const dict = JSON.parse(readFileSync(path.join(dir, 'json/complete.json'), 'utf8')) as Record<string, [string, number]>;
  const syllables = new Map<string, number>();
  const groups = new Map<string, { e: string; s: number }[]>();
  let words = 0;
  for (const [word, [reading, freq]] of Object.entries(dict)) {
    const syl = reading.split(' ').map(plain);
    if (Array.from(word).length !== syl.length || syl.some((s) => !/^[a-z]+$/.test(s))) continue;
    const codes = syl
      .map((s) => {
        if (!syllables.has(s)) syllables.set(s, syllables.size);
        return syllables.get(s)!.toString(36).padStart(2, '0');
      })
      .join('');
    const key = syl.map((s) => s[0]).join('');
    const score = scoreOf(freq);
    const list = groups.get(key) ?? [];
    list.push({ e: `${word}|${codes}|${score.toString(36)}`, s: score });
    groups.set(key, list);
    words++;
  }
  const blocks: Record<string, string> = {};
  for (const key of [...groups.keys()].sort()) {
    blocks[key] = groups
      .get(key)!
      .sort((a, b) => b.s - a.s || (a.e < b.e ? -1 : 1))
      .map((x) => x.e)
      .join(',');
  }
  return JSON.stringify({ source: `@pinyin-pro/data ${pkg.version} complete.json`, words, syllables: [...syllables.keys()].join(' '), blocks }) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(out('phrases.json'), generatePhrases());
}
