/**
 * Writes renderer/src/components/keyboard/data/names.json — the name field's ranking — from permissively
 * licensed data only:
 *
 * * surnames: the zh_CN surname list of @faker-js/faker (MIT), single and compound, ordered by how often
 *   the character is used in general text per @pinyin-pro/data (ISC) — 王 before 汪, 张 before 章;
 * * given-name characters: every character of faker's zh_CN given names (boys', girls' and either) and of
 *   the dictionary's surname-led three-character words (mostly people's names: 刘德华), with its weight for
 *   boys and for girls = how many of faker's names for that sex use it, plus how name-like the dictionary
 *   finds it, plus its general usage (log scale), and its reading from @pinyin-pro/data.
 *
 * faker is no dependency of the kiosk: unpack its package and pass the folder.
 *   npm pack @faker-js/faker@10.6.0 && tar xzf faker-js-faker-10.6.0.tgz
 *   npx tsx scripts/generate-ime-names.ts --faker package
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** Weight (×1e-7) of one surname-led three-character word that uses the character, times its share of them. */
const NAME_WORD = 5000;
/** Weight per decade of the character's general frequency (1e-13 … 1e-1). */
const PER_DECADE = 3000;

/** "shěng" → "sheng", "lǜ" → "lv". */
const plain = (p: string) => p.normalize('NFD').replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v').toLowerCase();

interface FakerPerson {
  readonly first_name: Readonly<Record<'generic' | 'female' | 'male', readonly string[] | undefined>>;
  readonly last_name: Readonly<Record<'generic', readonly string[]>>;
}

export function generateNames(person: FakerPerson, fakerVersion: string): string {
  const dir = path.dirname(path.dirname(require.resolve('@pinyin-pro/data/complete.json')));
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const dict = JSON.parse(readFileSync(path.join(dir, 'json/complete.json'), 'utf8')) as Record<string, [string, number]>;
  const freq = (w: string) => dict[w]?.[1] ?? 0;
  const reading = (c: string) => (dict[c] ? plain(dict[c][0].split(' ')[0]!) : null);

  const surnames = [...new Set(person.last_name.generic)].sort((a, b) => freq(b) - freq(a) || (a < b ? -1 : 1));
  // Weights in units of 1e-7: each of faker's names that uses the character counts 1e5.
  const count = (list: readonly string[] | undefined) => {
    const n = new Map<string, number>();
    for (const name of list ?? []) for (const c of new Set(Array.from(name))) n.set(c, (n.get(c) ?? 0) + 1);
    return n;
  };
  const either = count(person.first_name.generic);
  const boys = count(person.first_name.male);
  const girls = count(person.first_name.female);
  // How many of the dictionary's three-character words are a surname and two more characters — mostly
  // people's names (刘德华, 李娜 is two): a character's share of those against its share of all text.
  const single = new Set(surnames.filter((s) => Array.from(s).length === 1));
  const inNames = new Map<string, number>();
  const inAll = new Map<string, number>();
  // How those words read the character (伯 is bo in 李伯X, though bai alone).
  const readIn = new Map<string, Map<string, number>>();
  for (const [w, [r]] of Object.entries(dict)) {
    const a = Array.from(w);
    if (a.length !== 3) continue;
    const syl = r.split(' ').map(plain);
    for (const c of new Set(a.slice(1))) {
      inAll.set(c, (inAll.get(c) ?? 0) + 1);
      if (!single.has(a[0]!)) continue;
      inNames.set(c, (inNames.get(c) ?? 0) + 1);
      const py = syl[a.indexOf(c, 1)];
      if (syl.length !== 3 || !py || !/^[a-z]+$/.test(py)) continue;
      const m = readIn.get(c) ?? new Map<string, number>();
      m.set(py, (m.get(py) ?? 0) + 1);
      readIn.set(c, m);
    }
  }
  const nameReading = (c: string) => [...(readIn.get(c) ?? [])].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? reading(c);
  // Name-likeness: those words, times the share of the character's three-character words they are
  // (经 is in 高精度-like words as often as in names; 婧 in names only).
  const nameWords = (c: string) => (inNames.get(c) ?? 0) * ((inNames.get(c) ?? 0) / (inAll.get(c) ?? 1)) * NAME_WORD;
  const chars = [...new Set([...either.keys(), ...boys.keys(), ...girls.keys(), ...inNames.keys()])].filter((c) => reading(c));
  const base = (c: string) => Math.max(0, Math.log10(Math.max(freq(c), 1e-13)) + 13) * PER_DECADE + nameWords(c);
  const given = chars
    .map((c) => {
      const e = either.get(c) ?? 0;
      return { c, py: nameReading(c)!, m: (e + (boys.get(c) ?? 0)) * 1e5 + base(c), f: (e + (girls.get(c) ?? 0)) * 1e5 + base(c) };
    })
    .sort((a, b) => b.m + b.f - (a.m + a.f) || (a.c < b.c ? -1 : 1));
  return (
    JSON.stringify({
      source: `@faker-js/faker ${fakerVersion} zh_CN person.last_name, person.first_name (MIT); @pinyin-pro/data ${pkg.version} complete.json (ISC): surnames by general character frequency; given characters weighted by how many boys' / girls' names use them ×1e5 + surname-led three-character words × their share ×5000 + 3000 per decade of frequency`,
      surnames: surnames.map((c, i) => `${c}|${(surnames.length - i).toString(36)}`).join(','),
      given: given.map((x) => `${x.c}|${x.py}|${Math.round(x.m).toString(36)}|${Math.round(x.f).toString(36)}`).join(','),
    }) + '\n'
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const i = process.argv.indexOf('--faker');
  if (i < 0 || !process.argv[i + 1]) throw new Error('usage: tsx scripts/generate-ime-names.ts --faker DIR (an unpacked @faker-js/faker package)');
  const fakerDir = path.resolve(process.argv[i + 1]!);
  const version = (JSON.parse(readFileSync(path.join(fakerDir, 'package.json'), 'utf8')) as { version: string }).version;
  const faker = (await import(pathToFileURL(path.join(fakerDir, 'dist/index.js')).href)) as { zh_CN: { person: FakerPerson } };
  writeFileSync(path.join(root, 'renderer/src/components/keyboard/data/names.json'), generateNames(faker.zh_CN.person, version));
}
