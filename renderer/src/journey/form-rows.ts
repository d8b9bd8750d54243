import type { FormValues } from '../../../contract';
import type { Field } from '../../../contract/journeys/schema';
import type { UiLocale } from '../i18n';
import { identifierKind } from './identifiers';
import { pick } from './text';

export interface FormRow {
  readonly k: string;
  readonly label: string;
  readonly value: string;
  /** An ID number, phone or bank account: shown masked (maskIdentifier) unless held to read. */
  readonly identifier?: boolean;
}

/**
 * The form as the review screen shows it: the applicant's own card fields as
 * "来自身份证", option labels for choices, identifiers flagged for masking.
 * The video agent sees the same rows, identifiers masked.
 */
export function formRows(fields: readonly Field[], form: FormValues, locale: UiLocale, fromCard: string): FormRow[] {
  return fields.map((f) => {
    const typed = form[f.id];
    // Another party's card fields (`fromParty`) are typed until that party swipes: masked like any identifier.
    const ownCard = f.fromCard !== undefined && f.fromParty === undefined;
    // Everyone's ID number, phone and bank account masked alike, 显示 held to read one.
    if (!ownCard && typed && identifierKind(f)) return { k: f.id, label: pick(f.label, locale), value: typed, identifier: true };
    return { k: f.id, label: pick(f.label, locale), value: ownCard ? fromCard : f.options ? pick(f.options.find((o) => o.value === typed)?.label, locale) || '—' : typed || '—' };
  });
}
