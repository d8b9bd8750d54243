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

/** Candidates to a page: fewer and larger in elderly mode. */
export function pageSize(elderly: boolean): number {
  return elderly ? 6 : 8;
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

export function pageFor<L>(paged: Paged<L>, list: L, count: number, size: number): { readonly page: number; readonly pages: number } {
  const pages = Math.max(1, Math.ceil(count / size));
  const page = paged.list === list ? Math.min(Math.max(0, paged.page), pages - 1) : 0;
  return { page, pages };
}

/** The candidates of one page, each with its index in the whole list (what choosing it hands back). */
export function pageItems<T>(candidates: readonly T[], page: number, size: number): readonly { readonly item: T; readonly index: number }[] {
  return candidates.slice(page * size, page * size + size).map((item, i) => ({ item, index: page * size + i }));
}
