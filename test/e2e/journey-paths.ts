import { CATALOG, eCertificateByNumber, type OneThing } from '../../contract/catalog';
import { applicableSubItems, checkAnswers, materialsFor, questionsToAsk, type Journey, type WiredJourney } from '../../contract/journeys';

export type AnswerPath = Readonly<Record<string, string | boolean>>;

const LEAF_CAP = 1024;

/** Every complete way through a journey's questions (follow-ups asked only where their askIf holds). */
export function allAnswerPaths(wired: WiredJourney): AnswerPath[] {
  const out: AnswerPath[] = [];
  const walk = (answers: Record<string, string | boolean>) => {
    if (out.length >= LEAF_CAP) return;
    const next = questionsToAsk(wired, answers).find((q) => answers[q.id] === undefined);
    if (!next) {
      if (checkAnswers(wired, answers).length === 0) out.push({ ...answers });
      return;
    }
    const values: (string | boolean)[] = next.kind === 'yes-no' ? [true, false] : (next.options ?? []).map((o) => o.value);
    for (const v of values) walk({ ...answers, [next.id]: v });
  };
  walk({});
  return out;
}

export function thingOf(journey: Journey): OneThing {
  const thing = CATALOG.oneThings.find((t) => t.id === journey.oneThing);
  if (!thing) throw new Error(`journey ${journey.oneThing} has no catalog entry`);
  return thing;
}

/**
 * A small set of answer paths that together reach every sub-item the
 * questions can reach (greedy set cover: the path adding most new sub-items
 * first, ties to the earlier path).
 */
export function coveringPaths(journey: Journey): { answers: AnswerPath; subItems: string[] }[] {
  const wired = journey.wired!;
  const thing = thingOf(journey);
  const leaves = allAnswerPaths(wired).map((answers) => ({ answers, subItems: applicableSubItems(thing, wired, answers) }));
  const reachable = new Set(leaves.flatMap((l) => l.subItems));
  const covered = new Set<string>();
  const chosen: typeof leaves = [];
  while (covered.size < reachable.size) {
    let best = leaves[0]!;
    let gain = -1;
    for (const l of leaves) {
      const g = l.subItems.filter((s) => !covered.has(s)).length;
      if (g > gain) [best, gain] = [l, g];
    }
    if (gain <= 0) break;
    chosen.push(best);
    for (const s of best.subItems) covered.add(s);
  }
  return chosen.length > 0 ? chosen : leaves.slice(0, 1);
}

/** Annex-3 codes (EC…) of the e-certificates that can exempt a material on this path. */
export function exemptingCertificates(journey: Journey, answers: AnswerPath, subItems: readonly string[]): { materialId: string; code: string }[] {
  const wired = journey.wired!;
  return materialsFor(wired, answers, subItems, []).flatMap((s) => {
    const n = s.material.exemptedBy;
    if (n === undefined) return [];
    const cert = eCertificateByNumber(n);
    return cert ? [{ materialId: s.material.id, code: cert.code }] : [];
  });
}
