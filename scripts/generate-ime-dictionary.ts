/**
 * Writes the keyboard's lazily loaded data (renderer/src/components/keyboard/data/):
 *
 * * phrases.json — every word of @pinyin-pro/data's complete dictionary
 *   (348,838 words and characters with their readings and usage frequency),
 *   grouped by the first letters of their syllables ("sxs" → 山西省 陕西省 …),
 *   best first, so a lookup parses only the group it needs.
 * * names.json — surnames and given-name characters with how often Han
 *   Chinese residents carry them (per million), from the ChineseNames
 *   database (Bao 2023, NCIIC statistics of 1.2 billion residents), read
 *   from its published CSV files: pass their folder as --names DIR.
 *
 *   npx tsx scripts/generate-ime-dictionary.ts [--names DIR]
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

function csv(file: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const cols = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i]!, v])));
}

export function generateNames(dir: string): string {
  const surnames = csv(path.join(dir, 'familyname.csv'))
    .map((r) => ({ c: r.surname!, ppm: Number(r['ppm.1930_2008']) }))
    .filter((r) => r.ppm >= 1)
    .sort((a, b) => b.ppm - a.ppm);
  // A given-name character has a weight for boys and one for girls: its share of each sex's names, tilted
  // towards how much more those born 2000–2008 use it (a kiosk registers newborns).
  const rows = csv(path.join(dir, 'givenname.csv'));
  const total = (k: string) => rows.reduce((n, r) => n + Number(r[k]), 0);
  const male = total('n.male');
  const female = total('n.female');
  const given = rows
    .map((r) => {
      const tilt = (Number(r['ppm.2000_2008']) + Number(r['name.ppm'])) / Math.max(Number(r['name.ppm']), 1e-3);
      return { c: r.character!, py: r.pinyin!.replace(/\d/g, '').replace(/ü/g, 'v'), m: (Number(r['n.male']) / male) * tilt * 1e7, f: (Number(r['n.female']) / female) * tilt * 1e7 };
    })
    .sort((a, b) => b.m + b.f - (a.m + a.f));
  return (
    JSON.stringify({
      source: 'ChineseNames: Chinese Name Database 1930-2008 (Bao, H.-W.-S., 2023, R package version 2023.8; data CC BY-NC-SA per its README-CSV): familyname.csv ppm.1930_2008 ×10; givenname.csv n.male, n.female as shares ×1e7, tilted by (ppm.2000_2008 + name.ppm) / name.ppm',
      surnames: surnames.map((x) => `${x.c}|${Math.round(x.ppm * 10).toString(36)}`).join(','),
      given: given.map((x) => `${x.c}|${x.py}|${Math.round(x.m).toString(36)}|${Math.round(x.f).toString(36)}`).join(','),
    }) + '\n'
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(out('phrases.json'), generatePhrases());
  const i = process.argv.indexOf('--names');
  if (i > 0) writeFileSync(out('names.json'), generateNames(process.argv[i + 1]!));
}
