/**
 * Writes renderer/src/components/keyboard/data/hanzi.json: for every
 * character the keyboard must reach without the phrase dictionary — all of
 * CJK Unified Ideographs (U+4E00–9FFF), Ext A (U+3400–4DBF), the
 * compatibility ideographs (U+F900–FAFF), and the
 * characters beyond the BMP that 通用规范汉字表 (2013) lists (Unihan
 * kTGHZ2013; GB 18030-2022 implementation level 2 adds these for personal
 * names) — its readings, its Kangxi radical and residual strokes, and its
 * total strokes. Source: Unicode's Unihan database as Debian's
 * `unicode-data` package ships it (/usr/share/unicode, Unicode licence).
 *
 *   npx tsx scripts/generate-ime-hanzi.ts          # rewrite the file
 *   npx tsx scripts/generate-ime-hanzi.ts --check  # exit 1 if it is stale
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const UNIHAN = process.env.UNIHAN_DIR ?? '/usr/share/unicode';
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer/src/components/keyboard/data/hanzi.json');

export function unihan(file: string): Map<number, Map<string, string>> {
  const text = execFileSync('bzcat', [path.join(UNIHAN, `${file}.txt.bz2`)], { maxBuffer: 256 << 20 }).toString('utf8');
  const out = new Map<number, Map<string, string>>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('U+')) continue;
    const [cp, key, value] = line.split('\t') as [string, string, string];
    const code = parseInt(cp.slice(2), 16);
    const m = out.get(code) ?? new Map<string, string>();
    m.set(key, value);
    out.set(code, m);
  }
  return out;
}

/** "zhòng" → "zhong", "lǜ" → "lv". */
export function plainPinyin(p: string): string {
  return p.normalize('NFD').replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v').toLowerCase();
}

export function generateHanziTable(): string {
  const readings = unihan('Unihan_Readings');
  const irg = unihan('Unihan_IRGSources');
  // CJK Compatibility Ideographs (U+F900–FAFF) are there too: GBK and GB 18030 give some Hanzi at those code points.
  const inRange = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
  const codes = new Set<number>();
  for (const [c, m] of irg) if (inRange(c) && m.has('kRSUnicode')) codes.add(c);
  for (const [c, m] of readings) if (c > 0xffff && m.has('kTGHZ2013')) codes.add(c);
  const lines: string[] = [];
  for (const c of [...codes].sort((a, b) => a - b)) {
    // A compatibility ideograph without readings of its own reads as the character it is a variant of.
    const variant = irg.get(c)?.get('kCompatibilityVariant');
    const r = readings.get(c)?.has('kMandarin') || !variant ? readings.get(c) : readings.get(parseInt(variant.slice(2), 16));
    const pys = new Set<string>();
    for (const v of (r?.get('kMandarin') ?? '').split(' ')) if (v) pys.add(plainPinyin(v));
    for (const v of (r?.get('kTGHZ2013') ?? '').split(' ')) for (const p of v.split(':')[1]?.split(',') ?? []) pys.add(plainPinyin(p));
    for (const v of (r?.get('kHanyuPinyin') ?? '').split(' ')) for (const p of v.split(':')[1]?.split(',') ?? []) pys.add(plainPinyin(p));
    const rs = irg.get(c)?.get('kRSUnicode')?.split(' ')[0] ?? '';
    const [rad, residual] = rs.split('.');
    // "212'" is the simplified form of radical 212 (龙 rather than 龍).
    const radical = rad ?? '0';
    const total = parseInt(irg.get(c)?.get('kTotalStrokes')?.split(' ')[0] ?? '0', 10);
    lines.push([String.fromCodePoint(c), [...pys].join(' '), radical, parseInt(residual ?? '0', 10), total].join('|'));
  }
  // Kangxi radicals 1–214 and their simplified forms ("212'" 龙), as the characters a resident recognises (each one's unified ideograph).
  const radicals = readFileSync(path.join(UNIHAN, 'CJKRadicals.txt'), 'utf8')
    .split('\n')
    .filter((l) => /^\d+'?;/.test(l))
    .map((l) => l.split(';').map((s) => s.trim()) as [string, string, string])
    .map(([n, , u]) => `${n}=${String.fromCodePoint(parseInt(u, 16))}`)
    .join(' ');
  return JSON.stringify({ source: 'Unicode Unihan (Debian unicode-data), kMandarin/kTGHZ2013/kHanyuPinyin, kRSUnicode, kTotalStrokes', radicals, table: lines.join('\n') }) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const text = generateHanziTable();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== text) {
      console.error(`${OUT} is stale: run npx tsx scripts/generate-ime-hanzi.ts`);
      process.exit(1);
    }
  } else writeFileSync(OUT, text);
}
