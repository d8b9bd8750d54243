import { describe, expect, it } from 'vitest';
import { journeyFor } from '../../../contract/journeys';
import { formRows } from '../../../renderer/src/journey/form-rows';
import { identifierKind } from '../../../renderer/src/journey/identifiers';
import { createJourneyModel } from '../../../renderer/src/journey/model';
import { maskedFields } from '../../../renderer/src/video/view';

const newborn = createJourneyModel(journeyFor('newborn')!)!;

describe('what the video agent sees of the form', () => {
  const fields = newborn.fields({ registerHukou: true, hukouEligible: true });
  const typedIdentifiers = fields.filter((f) => identifierKind(f) && !(f.fromCard !== undefined && f.fromParty === undefined));
  const values: Record<string, string> = {};
  for (const f of typedIdentifiers) values[f.id] = f.type === 'mobile' ? '13912345678' : '140105199003071234';

  it('masks every typed identifier as the review screen does, and shows own-card fields as from the card', () => {
    expect(typedIdentifiers.length).toBeGreaterThan(0);
    const rows = maskedFields(formRows(fields, values, 'zh-CN', '来自身份证'));
    expect(rows).toHaveLength(fields.length);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('140105199003071234');
    expect(text).not.toContain('13912345678');
    for (const f of typedIdentifiers) expect(rows[fields.indexOf(f)]!.value).toMatch(/^1[34]\d…\d{4}$/);
    const ownCard = fields.findIndex((f) => f.fromCard !== undefined && f.fromParty === undefined);
    expect(ownCard).toBeGreaterThanOrEqual(0);
    expect(rows[ownCard]!.value).toBe('来自身份证');
    expect(rows.every((r) => r.label.length > 0)).toBe(true);
  });
});
