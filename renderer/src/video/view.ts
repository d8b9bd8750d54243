import type { SharedView } from '../../../contract/video';
import { maskIdentifier } from '../journey/identifiers';
import type { FormRow } from '../journey/form-rows';

export type SharedField = SharedView['fields'][number];

/** The review screen's rows as the agent sees them: identifiers always masked, never revealable. */
export function maskedFields(rows: readonly FormRow[]): SharedField[] {
  return rows.map((r) => ({ label: r.label, value: r.identifier ? maskIdentifier(r.value) : r.value }));
}

/**
 * Where the resident is, read from the screen itself (its heading and the
 * "第 n 步，共 m 步" line), plus the journey's masked form when one is open.
 */
export function readSharedView(root: { querySelector(selector: string): { readonly textContent: string | null } | null }, journey: { readonly screen: string; readonly fields: readonly SharedField[] } | null): SharedView {
  const heading = root.querySelector('#main h1')?.textContent?.trim() ?? '';
  const progress = root.querySelector('#main [data-testid="step-progress"]')?.textContent?.trim() ?? '';
  return {
    screen: (journey?.screen ?? heading).slice(0, 200),
    step: [progress, heading].filter(Boolean).join(' · ').slice(0, 200),
    fields: journey ? journey.fields.slice(0, 200) : [],
  };
}
