import { describe, expect, it } from 'vitest';
import { oneThingById } from '../../../contract/catalog';
import { checkJourney, hallVisitsFor, journeyFor, WiredJourneySchema } from '../../../contract/journeys';

/** Sub-items that need a hall visit (预约到大厅办理 from the journey): declared as data, narrowed by the answers. */
describe('hall visits of a journey', () => {
  const disability = { thing: oneThingById('disability-services')!, wired: journeyFor('disability-services')!.wired! };
  const marriage = { thing: oneThingById('marriage-and-childbearing')!, wired: journeyFor('marriage-and-childbearing')!.wired! };
  const base = { lowIncome: false, severe: false, employment: false, residentPension: false };

  it('a first disability certificate needs the assessment at the hall; a renewal does not', () => {
    const first = hallVisitsFor(disability.thing, disability.wired, { ...base, certificateAction: 'new' });
    expect(first.map((v) => v.subItem)).toEqual(['21-01']);
    expect(first[0]!.why.zh).toContain('残疾评定');
    expect(hallVisitsFor(disability.thing, disability.wired, { ...base, certificateAction: 'change' }).map((v) => v.subItem)).toEqual(['21-01']);
    expect(hallVisitsFor(disability.thing, disability.wired, { ...base, certificateAction: 'renew' })).toEqual([]);
    // No certificate business at all: 21-01 does not apply, so neither does its visit.
    expect(hallVisitsFor(disability.thing, disability.wired, { ...base, certificateAction: 'none', lowIncome: true })).toEqual([]);
  });

  it('marriage registration always needs both in person; the other sub-items of 公民婚育 do not', () => {
    expect(hallVisitsFor(marriage.thing, marriage.wired, { registerMarriage: true, updateMaritalStatus: true, moveHukou: false, registerPregnancy: false }).map((v) => v.subItem)).toEqual(['06-01']);
    expect(hallVisitsFor(marriage.thing, marriage.wired, { registerMarriage: false, updateMaritalStatus: true, moveHukou: false, registerPregnancy: true })).toEqual([]);
  });

  it('a home transfer always signs at the registry; a veteran’s new ID card needs fingerprints taken only when the hukou is restored', () => {
    const home = { thing: oneThingById('second-hand-home-transfer')!, wired: journeyFor('second-hand-home-transfer')!.wired! };
    const answers = { role: 'buyer', mortgaged: false, transferPower: true, transferWater: false, transferGas: false, transferHeat: false };
    const visits = hallVisitsFor(home.thing, home.wired, answers);
    expect(visits.map((v) => v.subItem)).toEqual(['07-03']);
    expect(visits[0]!.why.zh).toContain('签字');
    const veteran = { thing: oneThingById('military-discharge')!, wired: journeyFor('military-discharge')!.wired! };
    const restored = hallVisitsFor(veteran.thing, veteran.wired, { placement: 'selfEmployed', hukouCancelled: true, socialInsurance: false, medicalInsurance: false });
    expect(restored.map((v) => v.subItem)).toEqual(['08-03']);
    expect(restored[0]!.why.zh).toContain('指纹');
    expect(hallVisitsFor(veteran.thing, veteran.wired, { placement: 'selfEmployed', hukouCancelled: false, socialInsurance: true, medicalInsurance: false })).toEqual([]);
  });

  it('the consistency check names a visit for another 一件事’s sub-item, a doubled one and an unknown question', () => {
    const journey = journeyFor('disability-services')!;
    const broken = {
      ...journey,
      wired: {
        ...journey.wired!,
        hallVisits: [
          { subItem: '06-01', why: { zh: '现场', en: 'in person' } },
          { subItem: '21-02', why: { zh: '现场', en: 'in person' }, when: { question: 'nope', equals: true } },
          { subItem: '21-02', why: { zh: '现场', en: 'in person' } },
        ],
      },
    };
    const problems = checkJourney(broken, disability.thing);
    expect(problems).toContain('hall visit: sub-item 06-01 is not part of 残疾人服务');
    expect(problems).toContain('hall visit 21-02: unknown question nope');
    expect(problems).toContain('sub-item 21-02 has two hall visits');
  });

  it('the schema refuses a visit without its reason in both languages', () => {
    const r = WiredJourneySchema.safeParse({ ...disability.wired, hallVisits: [{ subItem: '21-01', why: { zh: '现场' } }] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues.map((i) => i.path))).toContain('"hallVisits",0,"why","en"');
  });
});
