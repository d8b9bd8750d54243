import { describe, expect, it } from 'vitest';
import { journeyFor } from '../../../contract/journeys';
import { createJourneyModel, stepCount } from '../../../renderer/src/journey/model';
import { initialJourneyState, journeyReducer } from '../../../renderer/src/journey/state';

const newborn = createJourneyModel(journeyFor('newborn')!)!;

describe('journey model: what the screens ask for 新生儿出生', () => {
  it('asks the follow-up question only once its trigger is answered yes', () => {
    expect(newborn.questions({}).map((q) => q.id)).not.toContain('hukouEligible');
    expect(newborn.questions({ registerHukou: true }).map((q) => q.id)).toContain('hukouEligible');
    expect(newborn.questions({ registerHukou: false }).map((q) => q.id)).not.toContain('hukouEligible');
  });

  it('counts "第 N 步，共 M 步" as the questions asked, the other parties, plus form, materials, review and consent', () => {
    expect(newborn.parties({}).map((p) => p.id)).toEqual(['otherParent']);
    expect(stepCount(newborn, {})).toBe(newborn.questions({}).length + 1 + 4);
    expect(stepCount(newborn, { registerHukou: true })).toBe(stepCount(newborn, {}) + 1);
  });

  it('derives sub-items, fields and materials from the answers', () => {
    const none = { registerHukou: false, socialCard: false, medicalInsurance: false, maternityReimbursement: false, parentingGuidance: false };
    expect(newborn.subItems(none).map((s) => s.code)).toEqual(['18-01', '18-02']);
    expect(newborn.fields(none).map((f) => f.id)).not.toContain('reimbursementAccount');
    expect(newborn.materials(none)).toEqual([]);
    const all = { ...none, registerHukou: true, hukouEligible: true, maternityReimbursement: true };
    expect(newborn.subItems(all).map((s) => s.code)).toEqual(['18-01', '18-02', '18-03', '18-05']);
    expect(newborn.fields(all).map((f) => f.id)).toContain('reimbursementAccount');
    expect(newborn.materials(all).map((m) => m.id)).toEqual(expect.arrayContaining(['birthMedicalCertificate', 'householdRegister', 'marriageCertificate', 'medicalInvoices']));
  });

  it('has no wired part for a guide-only 一件事', () => {
    // Every 一件事 of annex 1 is wired now; a new one may still start as its guide alone.
    const { wired: _wired, ...guideOnly } = journeyFor('credit-repair')!;
    const model = createJourneyModel(guideOnly)!;
    expect(model.wired).toBeNull();
    expect(model.questions({})).toEqual([]);
  });
});

describe('journey state', () => {
  it('drops the form, camera previews and materials once submitted', () => {
    let s = journeyReducer(initialJourneyState, { type: 'field', id: 'childName', value: '王小明' });
    s = journeyReducer(s, { type: 'material', provision: { kind: 'capture', materialId: 'childPhoto', attachmentId: 'a1' }, preview: 'data:image/jpeg;base64,AAAA' });
    expect(s.previews['childPhoto']).toBeDefined();
    s = journeyReducer(s, { type: 'submitted', submitted: { applicationNumber: 'K-1', submittedAt: 'now', delivered: false, commitments: [], assistedBy: null } });
    expect(s.form).toEqual({});
    expect(s.previews).toEqual({});
    expect(s.materials).toEqual({});
    expect(s.step).toEqual({ kind: 'done' });
  });

  it('a retake removes both the provision and its preview', () => {
    let s = journeyReducer(initialJourneyState, { type: 'material', provision: { kind: 'capture', materialId: 'm', attachmentId: 'a' }, preview: 'data:x' });
    s = journeyReducer(s, { type: 'unprovide', materialId: 'm' });
    expect(s.materials['m']).toBeUndefined();
    expect(s.previews['m']).toBeUndefined();
  });

  it('returns to the review after 修改 only when asked', () => {
    const s = journeyReducer(initialJourneyState, { type: 'go', step: { kind: 'form' }, returnToReview: true });
    expect(s.returnToReview).toBe(true);
    expect(journeyReducer(s, { type: 'go', step: { kind: 'review' } }).returnToReview).toBe(false);
  });
});
