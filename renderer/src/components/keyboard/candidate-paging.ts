/**
 * The candidate bar's logic, pure so it can be tested without a DOM.
 *
 * Two faults this guards against, both seen in elderly mode where the pinyin
 * worker starts only when the resident leaves handwriting and its first
 * answers are slow: the bar showed the answer to an earlier buffer ("sx")
 * while the current one ("sxs") was on its way, so a tap could choose a
 * candidate for letters no longer typed; and a page number left over from
 * the earlier list was applied, for one render, to the new one.
 */

/**
 * The candidate bar's geometry, in CSS pixels. A page is what fits in `rows` rows of the bar, laid out as the
 * browser wraps it (flex-wrap, `gap` between items, the 上一页/下一页 pair after the last candidate): a single
 * character is one touch target wide, so a page holds more of them than of three-character names.
 */
export interface BarGeometry {
  /** The bar's inner width (measured; 960 on the 1080-pixel portrait screen). */
  readonly width: number;
  readonly rows: number;
  readonly gap: number;
  /** The 上一页/下一页 pair's width (measured: wider in English). */
  readonly pager: number;
  /** A Han character's advance: the candidate's font size (1.2em of the 24-pixel body). */
  readonly glyph: number;
  /** A candidate button's padding and border, both sides (4 + 2 px each). */
  readonly pad: number;
  /** A candidate button's least width: the touch target (--target). */
  readonly min: number;
  /** What stands beside each candidate: in elderly mode its 读 button (80 px) and the 2-px gap before it. */
  readonly extra: number;
}

/** The portrait kiosk's bar (1080 px screen less the page's and the keyboard's padding), as measured in Chromium. */
export const PORTRAIT_BAR: BarGeometry = { width: 960, rows: 2, gap: 8, pager: 232, glyph: 28.8, pad: 12, min: 56, extra: 0 };
/** The same bar in elderly mode: 51-px characters (1.5em of 34 px), buttons at least 96 px, each with its 读. */
export const ELDERLY_BAR: BarGeometry = { width: 960, rows: 2, gap: 8, pager: 294, glyph: 51, pad: 12, min: 96, extra: 82 };

/** How wide a candidate's cell is drawn (every character full width; one more pixel against rounding). */
export function candidateWidth(text: string, g: BarGeometry): number {
  return Math.max(g.min, Array.from(text).length * g.glyph + g.pad) + g.extra + 1;
}

/**
 * Where each page starts: as many candidates as the bar's rows hold, with the pager beside the last (a list that
 * fits whole needs no pager). Pure: the same list and geometry give the same pages.
 */
export function pageStarts(candidates: readonly string[], g: BarGeometry = PORTRAIT_BAR): readonly number[] {
  const n = candidates.length;
  if (n === 0) return [0];
  const widths = candidates.map((c) => candidateWidth(c, g));
  // Rows used by a run of candidates, and by the run with the pager after it.
  const fill = (from: number, withPager: boolean): number => {
    let row = 1;
    let x = 0;
    let i = from;
    for (; i < n; i++) {
      const w = widths[i]!;
      let r = row;
      let nx: number;
      if (x === 0) nx = w;
      else if (x + g.gap + w <= g.width) nx = x + g.gap + w;
      else {
        r = row + 1;
        nx = w;
      }
      const used = withPager ? (nx + g.gap + g.pager <= g.width ? r : r + 1) : r;
      if (used > g.rows && i > from) break;
      row = r;
      x = nx;
    }
    return i;
  };
  if (fill(0, false) === n) return [0];
  const starts: number[] = [];
  for (let i = 0; i < n; ) {
    starts.push(i);
    i = fill(i, true);
  }
  return starts;
}

/** A lookup's answer, with the input it answers (compared with ===: the buffer's text, the strokes' array). */
export interface Keyed<T, K = string> {
  readonly key: K;
  readonly value: T;
}

/**
 * What the bar may show for the input now on screen: the answer to exactly
 * this input, or `empty` (and pending) while that answer is on its way.
 */
export function answerFor<T, K>(answer: Keyed<T, K> | null, key: K, empty: T): { readonly value: T; readonly pending: boolean } {
  return answer && answer.key === key ? { value: answer.value, pending: false } : { value: empty, pending: true };
}

/** The page the resident turned to, kept only for the list it was turned on (===); a new list opens on its first page. */
export interface Paged<L> {
  readonly list: L;
  readonly page: number;
}

export function pageFor<L>(paged: Paged<L>, list: L, starts: readonly number[]): { readonly page: number; readonly pages: number } {
  const pages = Math.max(1, starts.length);
  const page = paged.list === list ? Math.min(Math.max(0, paged.page), pages - 1) : 0;
  return { page, pages };
}

/** The candidates of one page, each with its index in the whole list (what choosing it hands back). */
export function pageItems<T>(candidates: readonly T[], page: number, starts: readonly number[]): readonly { readonly item: T; readonly index: number }[] {
  const from = starts[page] ?? candidates.length;
  const to = starts[page + 1] ?? candidates.length;
  return candidates.slice(from, to).map((item, i) => ({ item, index: from + i }));
}
