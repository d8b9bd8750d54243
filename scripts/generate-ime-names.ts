/**
 * Writes renderer/src/components/keyboard/data/names.json — the name field's ranking — from permissively
 * licensed data only:
 *
 * * surnames: the zh_CN surname list of @faker-js/faker (MIT), single and compound, ordered by how often
 *   the character is used in general text per @pinyin-pro/data (ISC) — 王 before 汪, 张 before 章;
 * * given-name characters: an estimate of how often residents' given names use each character, as an equal
 *   mixture of five name sources, each normalised to a distribution over characters:
 *   1. node-segment (`segment` 0.1.3, MIT; PanGu's name lists): the characters of Chinese given names in three
 *      lists ordered by how common they are — first and second character of two-character given names, and
 *      one-character given names — each list weighted by rank as 1 / (rank + 10) (Zipf);
 *   2. jieba (MIT, as nodejieba 3.5.8 ships cppjieba's dictionaries): its part-of-speech model's emission
 *      probabilities of characters in the middle and at the end of a person's name (states M,nr and E,nr),
 *      learnt from a tagged news corpus;
 *   3. jieba's dictionary words tagged as person names (nr) that are a surname and two characters: how many
 *      use the character;
 *   4. faker's zh_CN given names for boys and for girls (the one source that knows the sex: it splits the
 *      weights into a boys' and a girls' column);
 *   5. @pinyin-pro/data's three-character words that are a surname and two characters whose first two are no
 *      word of their own (mostly people's names: 刘德华 yes, 高精度 no);
 *   and, a quarter as heavy, general usage (@pinyin-pro/data) tilted by how much more names than general text
 *   use the character's radical (女 王 艹 …) — the back-off for characters the name sources miss.
 *   Only characters of 通用规范汉字表 (Unihan kTGHZ2013), the table names are registered in; each with the
 *   readings names give it: the dictionary's, Unihan's first (kMandarin), and any a third of the name words use.
 *
 * None of faker, node-segment and nodejieba is a dependency of the kiosk: unpack each package and pass its folder.
 *   npm pack @faker-js/faker@10.6.0 segment@0.1.3 nodejieba@3.5.8
 *   (unpack each: tar xzf X.tgz, then rename its package/ folder)
 *   npx tsx scripts/generate-ime-names.ts --faker DIR --segment DIR --jieba DIR
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { plainPinyin, unihan } from './generate-ime-hanzi';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** Zipf offset of a ranked list: rank 0 weighs 1/10, rank 100 1/110. */
const ZIPF_OFFSET = 10;
/** Weight of the general-usage back-off against one name source. */
const BACKOFF = 0.25;
/** Additive smoothing of a radical's name affinity (in probability mass). */
const RADICAL_SMOOTHING = 0.002;

interface FakerPerson {
  readonly first_name: Readonly<Record<'generic' | 'female' | 'male', readonly string[] | undefined>>;
  readonly last_name: Readonly<Record<'generic', readonly string[]>>;
}

export interface NameSources {
  readonly person: FakerPerson;
  readonly fakerVersion: string;
  /** node-segment's lib/module/CHS_NAMES.js, as text. */
  readonly segmentNames: string;
  readonly segmentVersion: string;
  /** cppjieba's dict/jieba.dict.utf8 and dict/pos_dict/prob_emit.utf8, as text. */
  readonly jiebaDict: string;
  readonly jiebaEmit: string;
  readonly jiebaVersion: string;
  /** hanzi.json's table (radical and Unihan readings of each character). */
  readonly hanziTable: string;
  /** Characters of 通用规范汉字表. */
  readonly tghz: ReadonlySet<string>;
}

type Dist = Map<string, number>;
const total = (m: Dist) => [...m.values()].reduce((a, b) => a + b, 0);
const normalise = (m: Dist): Dist => {
  const t = total(m);
  return new Map([...m].map(([k, v]) => [k, v / t]));
};
const bump = (m: Dist, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

/** The quoted characters of one `var NAME = [...]` list in node-segment's CHS_NAMES.js, in its order. */
function segmentList(source: string, name: string): string[] {
  const body = new RegExp(`var ${name} = \\[([^\\]]*)\\]`).exec(source)?.[1];
  if (!body) throw new Error(`CHS_NAMES.js has no list ${name}`);
  return [...body.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

export function generateNames(src: NameSources): string {
  const dir = path.dirname(path.dirname(require.resolve('@pinyin-pro/data/complete.json')));
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const dict = JSON.parse(readFileSync(path.join(dir, 'json/complete.json'), 'utf8')) as Record<string, [string, number]>;
  const freq = (w: string) => dict[w]?.[1] ?? 0;
  const han = (c: string) => /^\p{Script=Han}$/u.test(c);
  const hanzi = new Map(
    src.hanziTable.split('\n').map((l) => {
      const [c, readings, radical] = l.split('|') as [string, string, string];
      return [c, { readings: readings ? readings.split(' ') : [], radical }] as const;
    }),
  );

  const surnames = [...new Set(src.person.last_name.generic)].sort((a, b) => freq(b) - freq(a) || (a < b ? -1 : 1));
  const single = new Set(surnames.filter((s) => Array.from(s).length === 1));

  // 1. node-segment's ranked lists.
  const segment: Dist = new Map();
  for (const list of ['DOUBLE_NAME_1', 'DOUBLE_NAME_2', 'SINGLE_NAME']) segmentList(src.segmentNames, list).forEach((c, i) => bump(segment, c, 1 / (i + ZIPF_OFFSET)));
  // 2. jieba's emission probabilities inside and at the end of a person's name.
  const emit: Dist = new Map();
  for (const line of src.jiebaEmit.split('\n')) {
    const m = /^([ME]),nr:(.*)$/.exec(line);
    if (!m) continue;
    for (const item of m[2]!.split(';')) {
      const [c, logp] = item.split(',');
      if (c && logp) bump(emit, c, Math.exp(Number(logp)) / 2);
    }
  }
  // 3. jieba's person-name words: a surname and two characters.
  const jiebaNames: Dist = new Map();
  for (const line of src.jiebaDict.split('\n')) {
    const [w, , tag] = line.split(' ');
    if (tag !== 'nr' || !w) continue;
    const a = Array.from(w);
    if (a.length === 3 && single.has(a[0]!)) for (const c of new Set(a.slice(1))) bump(jiebaNames, c);
  }
  // 4. faker's given names, by sex.
  const fakerFor = (lists: (readonly string[] | undefined)[]) => {
    const n: Dist = new Map();
    for (const list of lists) for (const name of list ?? []) for (const c of new Set(Array.from(name))) bump(n, c);
    return normalise(n);
  };
  const fakerBoys = fakerFor([src.person.first_name.generic, src.person.first_name.male]);
  const fakerGirls = fakerFor([src.person.first_name.generic, src.person.first_name.female]);
  // 5. the dictionary's surname-led three-character words (prefix no word), and how they read each character
  //    (伯 is bo in 李伯X, though the dictionary reads it bai alone).
  const dictNames: Dist = new Map();
  const readIn = new Map<string, Dist>();
  for (const [w, [r]] of Object.entries(dict)) {
    const a = Array.from(w);
    if (a.length !== 3 || !single.has(a[0]!) || dict[a[0]! + a[1]!]) continue;
    const syl = r.split(' ').map(plainPinyin);
    for (const c of new Set(a.slice(1))) {
      bump(dictNames, c);
      const py = syl[a.indexOf(c, 1)];
      if (syl.length !== 3 || !py || !/^[a-z]+$/.test(py)) continue;
      const m = readIn.get(c) ?? new Map<string, number>();
      bump(m, py);
      readIn.set(c, m);
    }
  }
  const sources = [normalise(segment), normalise(emit), normalise(jiebaNames), normalise(dictNames)];
  const nameMass = (c: string) => sources.reduce((a, s) => a + (s.get(c) ?? 0), 0) + ((fakerBoys.get(c) ?? 0) + (fakerGirls.get(c) ?? 0)) / 2;

  // The back-off: general usage × the radical's name affinity (its characters' name mass over their usage).
  const general: Dist = new Map();
  for (const [w, [, f]] of Object.entries(dict)) if (Array.from(w).length === 1 && han(w)) general.set(w, f);
  const usage = normalise(general);
  const radicalName: Dist = new Map();
  const radicalUsage: Dist = new Map();
  for (const [c, u] of usage) {
    const r = hanzi.get(c)?.radical;
    if (!r) continue;
    bump(radicalUsage, r, u);
    bump(radicalName, r, nameMass(c));
  }
  const affinity = (c: string) => {
    const r = hanzi.get(c)?.radical;
    return r ? ((radicalName.get(r) ?? 0) + RADICAL_SMOOTHING) / ((radicalUsage.get(r) ?? 0) + RADICAL_SMOOTHING) : 1;
  };
  const backoff = normalise(new Map([...usage].map(([c, u]) => [c, u * affinity(c)])));

  const readings = (c: string) => {
    const out = new Set<string>([plainPinyin(dict[c]![0].split(' ')[0]!)]);
    const own = hanzi.get(c)?.readings ?? [];
    if (own[0]) out.add(own[0]);
    const m = readIn.get(c);
    const n = m ? total(m) : 0;
    for (const [r, k] of m ?? []) if (k * 3 >= n && own.includes(r)) out.add(r);
    return [...out];
  };
  const candidates = new Set<string>([...segment.keys(), ...emit.keys(), ...jiebaNames.keys(), ...fakerBoys.keys(), ...fakerGirls.keys(), ...dictNames.keys()]);
  for (const [c, p] of backoff) if (p > 1e-6) candidates.add(c);
  const given = [...candidates]
    .filter((c) => dict[c] && han(c) && src.tghz.has(c))
    .map((c) => {
      const shared = sources.reduce((a, s) => a + (s.get(c) ?? 0), 0) + BACKOFF * (backoff.get(c) ?? 0);
      // In units of 1e-7 of the mixture's mass.
      return { c, py: readings(c), m: (shared + (fakerBoys.get(c) ?? 0)) * 1e7, f: (shared + (fakerGirls.get(c) ?? 0)) * 1e7 };
    })
    .filter((x) => Math.round(x.m) + Math.round(x.f) > 0)
    .sort((a, b) => b.m + b.f - (a.m + a.f) || (a.c < b.c ? -1 : 1));
  return (
    JSON.stringify({
      source:
        `given-name characters: equal mixture of node-segment ${src.segmentVersion} CHS_NAMES (MIT, Zipf over its ranked lists), ` +
        `jieba (nodejieba ${src.jiebaVersion}, MIT) person-name emission probabilities and nr words, @faker-js/faker ${src.fakerVersion} zh_CN given names (MIT, by sex), ` +
        `@pinyin-pro/data ${pkg.version} (ISC) surname-led three-character words; back-off ×${BACKOFF}: general usage × radical name affinity; 通用规范汉字表 only. ` +
        `Surnames: faker zh_CN person.last_name by general character frequency. Weights ×1e-7 of the mixture, boys' | girls'.`,
      surnames: surnames.map((c, i) => `${c}|${(surnames.length - i).toString(36)}`).join(','),
      given: given.map((x) => `${x.c}|${x.py.join('/')}|${Math.round(x.m).toString(36)}|${Math.round(x.f).toString(36)}`).join(','),
    }) + '\n'
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string, what: string) => {
    const i = process.argv.indexOf(`--${name}`);
    if (i < 0 || !process.argv[i + 1]) throw new Error(`usage: tsx scripts/generate-ime-names.ts --faker DIR --segment DIR --jieba DIR (missing --${name}: ${what})`);
    return path.resolve(process.argv[i + 1]!);
  };
  const fakerDir = arg('faker', 'an unpacked @faker-js/faker 10.6.0 package');
  const segmentDir = arg('segment', 'an unpacked segment 0.1.3 package');
  const jiebaDir = arg('jieba', 'an unpacked nodejieba 3.5.8 package');
  const version = (d: string) => (JSON.parse(readFileSync(path.join(d, 'package.json'), 'utf8')) as { version: string }).version;
  const faker = (await import(pathToFileURL(path.join(fakerDir, 'dist/index.js')).href)) as { zh_CN: { person: FakerPerson } };
  const jiebaDict = path.join(jiebaDir, 'submodules/cppjieba/dict');
  const tghz = new Set<string>();
  for (const [c, m] of unihan('Unihan_Readings')) if (m.has('kTGHZ2013')) tghz.add(String.fromCodePoint(c));
  const hanziTable = (JSON.parse(readFileSync(path.join(root, 'renderer/src/components/keyboard/data/hanzi.json'), 'utf8')) as { table: string }).table;
  writeFileSync(
    path.join(root, 'renderer/src/components/keyboard/data/names.json'),
    generateNames({
      person: faker.zh_CN.person,
      fakerVersion: version(fakerDir),
      segmentNames: readFileSync(path.join(segmentDir, 'lib/module/CHS_NAMES.js'), 'utf8'),
      segmentVersion: version(segmentDir),
      jiebaDict: readFileSync(path.join(jiebaDict, 'jieba.dict.utf8'), 'utf8'),
      jiebaEmit: readFileSync(path.join(jiebaDict, 'pos_dict/prob_emit.utf8'), 'utf8'),
      jiebaVersion: version(jiebaDir),
      hanziTable,
      tghz,
    }),
  );
}
