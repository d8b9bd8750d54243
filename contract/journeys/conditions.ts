import type { Condition } from './schema';

/** Answers to the guided questions: yes/no → boolean, choice → option value. */
export type Answers = Readonly<Record<string, string | boolean>>;

/** Whether a condition holds; an unanswered question makes its tests false. */
export function holds(condition: Condition, answers: Answers): boolean {
  if ('always' in condition) return true;
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  const answer = answers[condition.question];
  if (answer === undefined) return false;
  if ('equals' in condition) return answer === condition.equals;
  return typeof answer === 'string' && condition.oneOf.includes(answer);
}

/** The question ids a condition reads, for consistency checks. */
export function questionsOf(condition: Condition): string[] {
  if ('always' in condition) return [];
  if ('all' in condition) return condition.all.flatMap(questionsOf);
  if ('any' in condition) return condition.any.flatMap(questionsOf);
  if ('not' in condition) return questionsOf(condition.not);
  return [condition.question];
}
