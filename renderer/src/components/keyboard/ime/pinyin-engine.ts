/**
 * Pinyin → candidates, pure and deterministic: the same data and the same
 * letters always give the same list. Full pinyin ("zixuan"), abbreviated
 * ("sxs") and mixed ("wzxuan") are cut into syllables and initials; whole
 * phrases come first, ranked by usage frequency, then the best sentence the
 * phrases compose, then phrases for a leading part, then single characters
 * of the first syllable — every character of the table, so paging always
 * reaches a rare one. In a name field ranking follows how often residents'
 * names use a character (surname first when the field is empty).
 */
import { parseHanziTable, type HanziTable } from './hanzi-table';

export interface PhraseData {
  readonly syllables: string;
  readonly blocks: Readonly<Record<string, string>>;
}
export interface NameData {
  readonly surnames: string;
  readonly given: string;
}
export interface HanziData {
  readonly table: string;
  readonly radicals: string;
}
export interface ImeData {
  readonly phrases: PhraseData;
  readonly hanzi: HanziData;
  readonly names: NameData;
}

export interface Candidate {
  readonly text: string;
  /** Letters of the buffer this candidate uses up. */
  readonly consumed: number;
}

export interface LookupOptions {
  /** A personal-name field: rank by names' usage. */
  readonly names?: boolean;
  /** Nothing typed yet in the field: the first character is a surname. */
  readonly atStart?: boolean;
}

interface Entry {
  readonly chars: readonly string[];
  readonly syl: readonly string[];
  readonly score: number;
}
type TokenKind = 'full' | 'initial' | 'partial';
interface Token {
  readonly text: string;
  readonly kind: TokenKind;
}

const INITIALS = new Set('b p m f d t n l g k h j q x zh ch sh r z c s y w'.split(' '));
const MAX_SEGMENTATIONS = 24;
const MAX_SPAN = 6;

interface GivenPrior {
  /** The readings names give the character ("乾": qian, gan). */
  readonly readings: readonly string[];
  /** Shares of boys' and girls' names (×1e7, tilted to recent births). */
  readonly male: number;
  readonly female: number;
}

function unpackSurnames(list: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of list.split(',')) {
    const [c, w] = item.split('|') as [string, string];
    if (!out.has(c)) out.set(c, parseInt(w, 36));
  }
  return out;
}
function unpackGiven(list: string): Map<string, GivenPrior> {
  const out = new Map<string, GivenPrior>();
  for (const item of list.split(',')) {
    const [c, readings, m, f] = item.split('|') as [string, string, string, string];
    if (!out.has(c)) out.set(c, { readings: readings.split('/'), male: parseInt(m, 36), female: parseInt(f, 36) });
  }
  return out;
}

export interface PinyinEngine {
  readonly table: HanziTable;
  /** Every candidate for the letters, best first (page them in the UI). */
  lookup(buffer: string, options?: LookupOptions): readonly Candidate[];
  /** The buffer cut into syllables, as shown above the candidates ("zi xuan"). */
  spell(buffer: string): string;
}

export function createPinyinEngine(data: ImeData): PinyinEngine {
  const sylCodes = data.phrases.syllables.split(' ');
  const table = parseHanziTable(data.hanzi);
  const syllables = new Set<string>([...sylCodes, ...table.syllables()]);
  const prefixes = new Set<string>();
  for (const s of syllables) for (let i = 1; i <= s.length; i++) prefixes.add(s.slice(0, i));
  const surnames = unpackSurnames(data.names.surnames);
  const given = unpackGiven(data.names.given);

  const blocks = new Map<string, readonly Entry[]>();
  const block = (key: string): readonly Entry[] => {
    let parsed = blocks.get(key);
    if (parsed) return parsed;
    const raw = data.phrases.blocks[key];
    parsed = raw
      ? raw.split(',').map((e) => {
          const [w, codes, score] = e.split('|') as [string, string, string];
          const syl: string[] = [];
          for (let i = 0; i < codes.length; i += 2) syl.push(sylCodes[parseInt(codes.slice(i, i + 2), 36)]!);
          return { chars: Array.from(w), syl, score: parseInt(score, 36) };
        })
      : [];
    blocks.set(key, parsed);
    return parsed;
  };
  // Single characters' usage scores, from the one-letter groups.
  const charScore = new Map<string, number>();
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') for (const e of block(letter)) if (!charScore.has(e.chars[0]!)) charScore.set(e.chars[0]!, e.score);

  const matches = (syl: string, t: Token) => (t.kind === 'full' ? syl === t.text : syl.startsWith(t.text));

  function segment(b: string): Token[][] {
    const out: Token[][] = [];
    let visits = 0;
    const walk = (pos: number, acc: Token[]) => {
      if (out.length >= MAX_SEGMENTATIONS || ++visits > 4000) return;
      if (pos === b.length) {
        out.push(acc);
        return;
      }
      for (let n = Math.min(6, b.length - pos); n > 0; n--) {
        const t = b.slice(pos, pos + n);
        const last = pos + n === b.length;
        if (syllables.has(t)) walk(pos + n, [...acc, { text: t, kind: 'full' }]);
        else if (INITIALS.has(t)) walk(pos + n, [...acc, { text: t, kind: 'initial' }]);
        else if (last && prefixes.has(t)) walk(pos + n, [...acc, { text: t, kind: 'partial' }]);
      }
    };
    walk(0, []);
    const loose = (s: Token[]) => s.filter((t) => t.kind !== 'full').length;
    return out.sort((a, b2) => loose(a) - loose(b2) || a.length - b2.length);
  }

  /** Words spelled exactly by these tokens, best first. */
  const wordsFor = (tokens: readonly Token[]): readonly Entry[] =>
    block(tokens.map((t) => t.text[0]).join('')).filter((e) => e.syl.length === tokens.length && e.syl.every((s, i) => matches(s, tokens[i]!)));

  const charCache = new Map<string, readonly string[]>();
  /**
   * Every character read as this token: in a name field those residents' names use (with that reading) first,
   * then as the dictionary reads them by usage, then the table's other readings by usage, then code order.
   */
  function charsFor(t: Token, rank: 'general' | 'given' | 'surname'): readonly string[] {
    const k = `${t.kind}:${t.text}:${rank}`;
    const hit = charCache.get(k);
    if (hit) return hit;
    const seen = new Set<string>();
    const list: string[] = [];
    const push = (ch: string) => {
      if (seen.has(ch)) return;
      seen.add(ch);
      list.push(ch);
    };
    const readingMatches = (r: string) => (t.kind === 'full' ? r === t.text : r.startsWith(t.text));
    if (rank === 'surname') {
      const s = [...surnames].filter(([c]) => Array.from(c).length === 1 && table.info(c)?.readings.some(readingMatches));
      for (const [c] of s) push(c);
    } else if (rank === 'given') {
      const g = [...given].filter(([, p]) => p.readings.some(readingMatches)).sort((a, b) => b[1].male + b[1].female - (a[1].male + a[1].female));
      for (const [c] of g) push(c);
    }
    for (const e of block(t.text[0]!)) if (matches(e.syl[0]!, t)) push(e.chars[0]!);
    const rest: string[] = [];
    for (const s of t.kind === 'full' ? [t.text] : [...syllables].filter((x) => x.startsWith(t.text)).sort()) for (const ch of table.charsFor(s)) {
        if (seen.has(ch)) continue;
        seen.add(ch);
        rest.push(ch);
      }
    rest.sort((a, b) => (charScore.get(b) ?? -1) - (charScore.get(a) ?? -1) || a.codePointAt(0)! - b.codePointAt(0)!);
    const all = [...list, ...rest];
    charCache.set(k, all);
    return all;
  }

  /** The cheapest cover of the tokens by words (cost = −log frequency), as text. */
  function sentence(tokens: readonly Token[]): string | null {
    const n = tokens.length;
    const best: ({ cost: number; text: string } | null)[] = [{ cost: 0, text: '' }];
    for (let i = 1; i <= n; i++) {
      best[i] = null;
      for (let j = Math.max(0, i - MAX_SPAN); j < i; j++) {
        const from = best[j];
        if (!from) continue;
        const w = wordsFor(tokens.slice(j, i))[0];
        const text = w ? w.chars.join('') : i - j === 1 ? charsFor(tokens[j]!, 'general')[0] : undefined;
        if (!text) continue;
        const cost = from.cost + 1300 - (w ? w.score : 0);
        if (!best[i] || cost < best[i]!.cost) best[i] = { cost, text: from.text + text };
      }
    }
    return best[n]?.text ?? null;
  }

  /**
   * The likeliest names for the tokens: the surname by how many carry it, the given name as a mixture of a
   * boys' and a girls' model (so 梓萱 ranks with 子轩 rather than under 子萱 and 梓轩), each a beam over characters.
   */
  function names(tokens: readonly Token[], atStart: boolean, count: number): string[] {
    const head = atStart ? tokens[0]! : null;
    const rest = atStart ? tokens.slice(1) : tokens;
    const scored = new Map<string, number>();
    for (const sex of ['male', 'female'] as const) {
      let beam: { text: string; w: number }[] = [{ text: '', w: 0 }];
      for (const t of rest) {
        const next: { text: string; w: number }[] = [];
        for (const ch of charsFor(t, 'given').slice(0, 12)) {
          const p = given.get(ch);
          const w = Math.log(((p ? p[sex] : 0) + 1) / 1e7);
          for (const b of beam) next.push({ text: b.text + ch, w: b.w + w });
        }
        beam = next.sort((a, b) => b.w - a.w || (a.text < b.text ? -1 : 1)).slice(0, 12);
      }
      for (const b of beam) scored.set(b.text, Math.max(scored.get(b.text) ?? -Infinity, b.w));
    }
    const givenNames = [...scored].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([text]) => text);
    if (!head) return givenNames.slice(0, count);
    const family = charsFor(head, 'surname')[0] ?? '';
    return givenNames.slice(0, count).map((g) => family + g);
  }

  return {
    table,
    spell(buffer) {
      const b = buffer.toLowerCase().replace(/[^a-z]/g, '');
      return (segment(b)[0] ?? []).map((t) => t.text).join(' ');
    },
    lookup(buffer, options = {}) {
      const b = buffer.toLowerCase().replace(/[^a-z]/g, '');
      const segs = segment(b).slice(0, 6);
      if (!b || segs.length === 0) return [];
      const out: Candidate[] = [];
      const seen = new Set<string>();
      const add = (text: string | null | undefined, consumed: number) => {
        if (!text || seen.has(text)) return;
        seen.add(text);
        out.push({ text, consumed });
      };
      const first = segs[0]!;
      const lettersOf = (ts: readonly Token[]) => ts.reduce((n, t) => n + t.text.length, 0);
      if (first.length > 1) {
        if (options.names) for (const n of names(first, options.atStart ?? false, 16)) add(n, b.length);
        const whole = segs.flatMap((s) => wordsFor(s)).sort((x, y) => y.score - x.score);
        // A sentence beats a rare whole phrase; a common phrase ("山西省") beats the sentence.
        const top = whole[0];
        const composed = sentence(first);
        if (top && top.score >= 300) add(top.chars.join(''), b.length);
        add(composed, b.length);
        for (const w of whole) add(w.chars.join(''), b.length);
        for (let j = first.length - 1; j >= 2; j--) for (const w of wordsFor(first.slice(0, j))) add(w.chars.join(''), lettersOf(first.slice(0, j)));
      }
      const lead = first[0]!;
      const rank = options.names ? (options.atStart ? 'surname' : 'given') : 'general';
      for (const ch of charsFor(lead, rank)) add(ch, lead.text.length);
      return out;
    },
  };
}
