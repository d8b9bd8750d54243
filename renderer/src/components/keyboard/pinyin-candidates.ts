import { pinyin } from 'pinyin-pro';

/**
 * Pinyin → hanzi candidates for the on-screen keyboard. No maintained npm
 * package ships an IME dictionary small enough for a kiosk, so the candidate
 * set is the 3,755 level-1 characters of GB 2312 (the common characters a
 * name or an address uses), decoded by the browser's own GBK TextDecoder, with
 * readings from pinyin-pro. Characters whose first reading matches come first.
 */
export interface CandidateIndex {
  /** Candidates for the longest syllable at the start of `buffer`, and how many letters they consume. */
  lookup(buffer: string, limit?: number): { readonly consumed: number; readonly candidates: readonly string[] };
}

function level1Characters(): string[] {
  const decoder = new TextDecoder('gbk');
  const chars: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) break; // row 55 ends at D7F9
      chars.push(decoder.decode(new Uint8Array([hi, lo])));
    }
  }
  return chars;
}

export function buildCandidateIndex(chars: readonly string[] = level1Characters()): CandidateIndex {
  const primary = new Map<string, string[]>();
  const secondary = new Map<string, string[]>();
  for (const ch of chars) {
    const readings = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).map((p) => p.replace(/ü/g, 'v'));
    readings.forEach((reading, i) => {
      const bucket = i === 0 ? primary : secondary;
      const list = bucket.get(reading) ?? [];
      list.push(ch);
      bucket.set(reading, list);
    });
  }
  const syllables = new Set([...primary.keys(), ...secondary.keys()]);
  const longest = Math.max(...[...syllables].map((s) => s.length));
  const forSyllable = (s: string) => [...(primary.get(s) ?? []), ...(secondary.get(s) ?? []).filter((c) => !(primary.get(s) ?? []).includes(c))];
  return {
    lookup(buffer, limit = 24) {
      const b = buffer.toLowerCase().replace(/[^a-z]/g, '');
      if (!b) return { consumed: 0, candidates: [] };
      for (let n = Math.min(longest, b.length); n > 0; n--) {
        const s = b.slice(0, n);
        if (syllables.has(s)) return { consumed: n, candidates: forSyllable(s).slice(0, limit) };
      }
      // An unfinished syllable ("zh"): offer characters of every syllable it starts.
      const started = [...syllables].filter((s) => s.startsWith(b)).sort();
      const out: string[] = [];
      for (const s of started) for (const c of primary.get(s) ?? []) if (out.length < limit) out.push(c);
      return { consumed: b.length, candidates: out };
    },
  };
}

let shared: CandidateIndex | null = null;
/** Built on first use (≈60 ms), then kept. */
export function candidateIndex(): CandidateIndex {
  shared ??= buildCandidateIndex();
  return shared;
}
