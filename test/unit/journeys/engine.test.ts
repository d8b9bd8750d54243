import { describe, expect, it } from 'vitest';
import { CATALOG, oneThingById } from '../../../contract/catalog';
import {
  type Answers,
  applicableSubItems,
  buildPayload,
  checkAnswers,
  checkJourney,
  formFields,
  JOURNEYS,
  journeyFor,
  materialsFor,
  missingMaterials,
  prefill,
  questionsToAsk,
  validateForm,
  WIRED_JOURNEYS,
  type WiredJourney,
} from '../../../contract/journeys';
import { ApplicationPayloadSchema } from '../../../contract/platform/applications';
import { DECEASED_ID, OTHER_ID, RESIDENT, TODAY } from './fixtures';

function wiredOf(id: string): { thing: NonNullable<ReturnType<typeof oneThingById>>; wired: WiredJourney } {
  const thing = oneThingById(id)!;
  const wired = journeyFor(id)!.wired!;
  return { thing, wired };
}
const decide = (id: string, answers: Answers) => {
  const { thing, wired } = wiredOf(id);
  return applicableSubItems(thing, wired, answers);
};

describe('journey data', () => {
  it('has one journey per 一件事, each consistent with the catalog', () => {
    expect(JOURNEYS.map((j) => j.oneThing).sort()).toEqual(CATALOG.oneThings.map((t) => t.id).sort());
    for (const j of JOURNEYS) expect(checkJourney(j, oneThingById(j.oneThing)!), j.oneThing).toEqual([]);
  });

  it('wires all 27 一件事 of annex 1, in annex order', () => {
    expect(WIRED_JOURNEYS.map((j) => oneThingById(j.oneThing)!.number)).toEqual(CATALOG.oneThings.map((t) => t.number));
    expect(JOURNEYS.every((j) => j.wired !== undefined)).toBe(true);
    for (const j of JOURNEYS) expect(j.guide.where.channel).toBe(j.wired ? 'kiosk' : 'hall');
  });

  it('the consistency check catches a journey pointing at another 一件事’s sub-items and unknown questions', () => {
    const newborn = journeyFor('newborn')!;
    const broken = {
      ...newborn,
      wired: {
        ...newborn.wired!,
        subItemRules: [...newborn.wired!.subItemRules.slice(1), { subItem: '22-01', when: { question: 'nope', equals: true } }],
      },
    };
    const problems = checkJourney(broken, oneThingById('newborn')!);
    expect(problems).toContain('rule: sub-item 22-01 is not part of 新生儿出生');
    expect(problems).toContain('rule 22-01: unknown question nope');
    expect(problems).toContain('sub-item 18-01 《出生医学证明》办理(首签) has no rule');
  });

  it('takes every annex-3 exemption from the catalog', () => {
    const used = WIRED_JOURNEYS.flatMap((j) => j.wired!.materials.flatMap((m) => (m.exemptedBy ? [m.exemptedBy] : [])));
    expect(new Set(used)).toEqual(new Set([1, 7, 19, 21, 39, 48, 49, 52, 59, 76, 80, 129, 138, 139, 140, 142]));
  });
});

describe('智能导办: answers decide the sub-items', () => {
  it('新生儿出生', () => {
    const none = { registerHukou: false, socialCard: false, medicalInsurance: false, maternityReimbursement: false, parentingGuidance: false };
    expect(decide('newborn', none)).toEqual(['18-01', '18-02']);
    expect(decide('newborn', { ...none, registerHukou: true, hukouEligible: true, socialCard: true })).toEqual(['18-01', '18-02', '18-03', '18-04']);
    expect(decide('newborn', { ...none, registerHukou: true, hukouEligible: false })).toEqual(['18-01', '18-02']);
    expect(decide('newborn', { ...none, maternityReimbursement: true, medicalInsurance: true, parentingGuidance: true })).toEqual([
      '18-01', '18-02', '18-05', '18-06', '18-07',
    ]);
  });

  it('asks the follow-up only after its trigger', () => {
    const { wired } = wiredOf('newborn');
    expect(questionsToAsk(wired, {}).map((q) => q.id)).not.toContain('hukouEligible');
    expect(questionsToAsk(wired, { registerHukou: true }).map((q) => q.id)).toContain('hukouEligible');
    expect(checkAnswers(wired, { registerHukou: true }).map((p) => p.path)).toContain('answers.hukouEligible');
  });

  it('退休', () => {
    const base = { deemedYears: false, housingFund: false, oneChildParent: false };
    expect(decide('retirement', { ...base, retirementKind: 'statutory' })).toEqual(['22-01', '22-05', '22-09']);
    expect(decide('retirement', { ...base, retirementKind: 'specialJob', deemedYears: true })).toEqual(['22-02', '22-03', '22-05', '22-06', '22-09']);
    expect(decide('retirement', { retirementKind: 'illness', deemedYears: false, housingFund: true, oneChildParent: true })).toEqual([
      '22-04', '22-05', '22-07', '22-08', '22-09',
    ]);
  });

  it('公民身后', () => {
    const base = { cremation: false, medicalInsurance: false, pension: 'none', drivingLicence: false, housingFund: false };
    expect(decide('after-death', { ...base, deathKind: 'natural' })).toEqual(['09-01', '09-07']);
    expect(decide('after-death', { ...base, deathKind: 'unnatural', cremation: true })).toEqual(['09-02', '09-03', '09-07']);
    expect(decide('after-death', { ...base, deathKind: 'natural', pension: 'employee', drivingLicence: true })).toEqual(['09-01', '09-05', '09-06', '09-07', '09-08']);
    expect(decide('after-death', { ...base, deathKind: 'natural', pension: 'resident', medicalInsurance: true, housingFund: true })).toEqual([
      '09-01', '09-04', '09-05', '09-07', '09-09',
    ]);
  });

  it('灵活就业', () => {
    expect(decide('flexible-employment', { transferFile: false, pension: false, medical: false })).toEqual(['05-01']);
    expect(decide('flexible-employment', { transferFile: true, pension: false, medical: true })).toEqual(['05-01', '05-02', '05-04', '05-05']);
    expect(decide('flexible-employment', { transferFile: false, pension: true, medical: false })).toEqual(['05-01', '05-03', '05-05']);
  });

  it('公民婚育', () => {
    expect(decide('marriage-and-childbearing', { registerMarriage: true, updateMaritalStatus: false, moveHukou: false, registerPregnancy: false })).toEqual(['06-01']);
    expect(decide('marriage-and-childbearing', { registerMarriage: false, updateMaritalStatus: true, moveHukou: true, registerPregnancy: true })).toEqual([
      '06-02', '06-03', '06-04',
    ]);
  });

  it('残疾人服务', () => {
    const yes = { lowIncome: true, severe: true, employment: true, residentPension: true };
    expect(decide('disability-services', { certificateAction: 'new', ...yes })).toEqual(['21-01', '21-02', '21-03', '21-04', '21-05']);
    expect(decide('disability-services', { certificateAction: 'none', lowIncome: false, severe: true, employment: false, residentPension: false })).toEqual(['21-03']);
    // Cancelling the certificate stops the allowances even if stale answers remain.
    expect(decide('disability-services', { certificateAction: 'cancel', ...yes })).toEqual(['21-01']);
    const { wired } = wiredOf('disability-services');
    expect(questionsToAsk(wired, { certificateAction: 'cancel' }).map((q) => q.id)).toEqual(['certificateAction']);
  });

  it('企业开办', () => {
    expect(decide('business-start', { alreadyRegistered: false, seal: true, invoices: true, employees: true, housingFund: true })).toEqual([
      '01-01', '01-02', '01-03', '01-04', '01-05', '01-06',
    ]);
    expect(decide('business-start', { alreadyRegistered: true, seal: false, invoices: true, employees: false, housingFund: true })).toEqual(['01-03']);
  });

  it('ignores stale answers to follow-ups no longer asked', () => {
    const { wired } = wiredOf('business-start');
    const stale = { alreadyRegistered: false, seal: false, invoices: false, employees: false, housingFund: true };
    expect(decide('business-start', stale)).toEqual(['01-01']);
    // With a rule that reads the follow-up alone, the stale answer would otherwise decide.
    const loose = { ...wired, subItemRules: wired.subItemRules.map((r) => (r.subItem === '01-06' ? { ...r, when: { question: 'housingFund', equals: true } } : r)) };
    expect(applicableSubItems(oneThingById('business-start')!, loose, stale)).toEqual(['01-01']);
    expect(applicableSubItems(oneThingById('business-start')!, loose, { ...stale, employees: true })).toEqual(['01-01', '01-04', '01-05', '01-06']);
  });

  it('rejects an answer no option gives', () => {
    const { wired } = wiredOf('retirement');
    const problems = checkAnswers(wired, { retirementKind: 'whenever', deemedYears: 'yes', housingFund: false, oneChildParent: false });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['answers.retirementKind', '请从给出的选项中选择一项。'],
      ['answers.deemedYears', '请选择“是”或“否”。'],
    ]);
  });
});

describe('一表申请: the form', () => {
  it('fills every card field from the card', () => {
    const { wired } = wiredOf('retirement');
    const values = prefill(wired, RESIDENT, { applicantName: '别人' });
    expect(values).toMatchObject({
      applicantName: '王小明',
      applicantIdNumber: RESIDENT.idNumber,
      applicantGender: 'male',
      applicantAddress: RESIDENT.address,
      birthDate: '1966-03-15',
    });
  });

  it('trusts what the card says, even a foreigner card number that is not GB 11643', () => {
    const { wired } = wiredOf('flexible-employment');
    const foreigner = { ...RESIDENT, cardType: 'foreign-permanent' as const, name: 'SMITH, JOHN', idNumber: 'USA140012345678', nation: undefined };
    const values = { mobile: '13812345678', workKind: 'partTime', workStartDate: '2026-01-05', workAddress: '太原市' };
    expect(validateForm(wired, { answers: {}, subItems: ['05-01'], values, identity: foreigner, today: TODAY })).toEqual([]);
    // Typed in by hand (no card), the same number is checked and refused.
    const typed = validateForm(wired, {
      answers: {},
      subItems: ['05-01'],
      values: { ...values, applicantName: '王小明', applicantIdNumber: 'USA140012345678', applicantGender: 'male', applicantAddress: '太原市', birthDate: '1966-03-15' },
      today: TODAY,
    });
    expect(typed.map((p) => p.path)).toEqual(['form.applicantIdNumber']);
  });

  it('shows fields only for the sub-items that apply', () => {
    const { wired } = wiredOf('retirement');
    expect(formFields(wired, {}, ['22-01', '22-05', '22-09']).map((f) => f.id)).not.toContain('specialJobYears');
    expect(formFields(wired, {}, ['22-03', '22-05', '22-09']).map((f) => f.id)).toContain('specialJobYears');
  });

  it('says next to each field how to fix it', () => {
    const { thing, wired } = wiredOf('newborn');
    const answers = { registerHukou: false, socialCard: false, medicalInsurance: false, maternityReimbursement: true, parentingGuidance: false };
    const problems = validateForm(wired, {
      answers,
      subItems: applicableSubItems(thing, wired, answers),
      values: { mobile: '1381234567', relationship: 'mother', childName: '王小宝', childGender: 'female', childBirthDate: '2026-12-01', birthPlace: '山西省妇幼保健院', otherParentName: '李华', otherParentIdNumber: '140105196807202241' },
      identity: RESIDENT,
      today: TODAY,
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['form.mobile', '手机号码应为11位，您输入了10位，请核对。'],
      ['form.childBirthDate', '日期不能晚于今天（2026年11月26日），请核对。'],
      ['form.otherParentIdNumber', '身份证号码最后一位校验不通过，可能有一位输错了，请逐位核对。'],
      ['form.reimbursementAccount', '请填写“报销款收款银行账号”。'],
    ]);
    expect(problems.every((p) => p.messageEn.length > 0)).toBe(true);
  });

  it('checks a date against another field', () => {
    const { wired } = wiredOf('retirement');
    const problems = validateForm(wired, {
      answers: { retirementKind: 'statutory' },
      subItems: ['22-01', '22-05', '22-09'],
      values: { mobile: '13812345678', employer: '太原重工', retirementDate: '1960-01-01', pensionBank: '6222000000000000' },
      identity: RESIDENT,
      today: TODAY,
    });
    expect(problems).toEqual([
      { path: 'form.retirementDate', message: '日期不能早于出生日期（1966年3月15日），请核对。', messageEn: 'The date cannot be before date of birth (1966-03-15).' },
    ]);
  });

  it('checks the unified social credit code of a registered enterprise', () => {
    const { wired } = wiredOf('business-start');
    const answers = { alreadyRegistered: true, seal: false, invoices: true, employees: false };
    const problems = validateForm(wired, { answers, subItems: ['01-03'], values: { mobile: '13812345678', enterpriseName: '太原小面包有限公司', uscc: '91350100M000100Y44', businessAddress: '太原市' }, identity: RESIDENT, today: TODAY });
    expect(problems.map((p) => p.path)).toEqual(['form.uscc']);
    expect(problems[0]!.message).toContain('统一社会信用代码最后一位校验不通过');
  });
});

describe('材料最简化: materials', () => {
  const { thing, wired } = wiredOf('after-death');
  const answers = { deathKind: 'natural', cremation: true, medicalInsurance: false, pension: 'employee', drivingLicence: true, housingFund: false };
  const subItems = applicableSubItems(thing, wired, answers);

  it('lists what the chosen sub-items need, with the ways to provide each', () => {
    const statuses = materialsFor(wired, answers, subItems, []);
    expect(statuses.map((s) => [s.material.id, s.options])).toEqual([
      ['medicalDeathCertificate', ['e-certificate', 'capture']],
      ['householdRegister', ['e-certificate', 'capture']],
      ['drivingLicence', ['e-certificate', 'capture', 'commitment']],
      ['kinshipProof', ['capture', 'commitment']],
    ]);
    expect(missingMaterials(statuses).map((p) => p.path)).toEqual([
      'materials.medicalDeathCertificate',
      'materials.householdRegister',
      'materials.drivingLicence',
      'materials.kinshipProof',
    ]);
  });

  it('accepts a commitment only where 容缺 is allowed', () => {
    const statuses = materialsFor(wired, answers, subItems, [
      { kind: 'e-certificate', materialId: 'medicalDeathCertificate', certificateNumber: 'SX-DEATH-1' },
      { kind: 'commitment', materialId: 'householdRegister' },
      { kind: 'commitment', materialId: 'drivingLicence' },
      { kind: 'attachment', materialId: 'kinshipProof', sha256: 'a'.repeat(64), mediaType: 'image/jpeg', bytes: 1000 },
    ]);
    expect(missingMaterials(statuses).map((p) => [p.path, p.message])).toEqual([
      ['materials.householdRegister', '还需要“逝者的居民户口簿”：请调取电子证照或用摄像头拍照。'],
    ]);
  });
});

describe('payload to the platform', () => {
  const { thing, wired } = wiredOf('after-death');
  const answers = { deathKind: 'natural', cremation: true, medicalInsurance: false, pension: 'employee', drivingLicence: true, housingFund: false };
  const values = {
    mobile: '138 1234 5678',
    relationship: 'child',
    deceasedName: '王老汉',
    deceasedIdNumber: DECEASED_ID,
    dateOfDeath: '2026-11-20',
    placeOfDeath: '山西省人民医院',
    payoutAccount: '6222000000000000',
  };
  const materials = [
    { kind: 'e-certificate', materialId: 'medicalDeathCertificate', certificateNumber: 'SX-DEATH-1' },
    { kind: 'e-certificate', materialId: 'householdRegister', certificateNumber: 'HK-1' },
    { kind: 'commitment', materialId: 'drivingLicence' },
    { kind: 'attachment', materialId: 'kinshipProof', sha256: 'a'.repeat(64), mediaType: 'image/jpeg', bytes: 1000 },
  ] as const;
  const input = { thing, wired, catalogVersion: CATALOG.version, answers, values, identity: RESIDENT, materials, localNumber: 'K0001-20261126-0001', today: TODAY };

  it('builds a payload the platform schema accepts', () => {
    const r = buildPayload(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(ApplicationPayloadSchema.safeParse(r.value).success).toBe(true);
    expect(r.value).toMatchObject({
      itemCode: '09',
      subItemCodes: ['09-01', '09-03', '09-05', '09-06', '09-07', '09-08'],
      catalogVersion: CATALOG.version,
      applicant: { cardType: 'resident', name: '王小明', idNumber: RESIDENT.idNumber, phone: '13812345678' },
      commitmentSigned: true,
      localNumber: 'K0001-20261126-0001',
    });
    expect(r.value.form).toMatchObject({ deceasedIdNumber: DECEASED_ID, deathKind: 'natural', applicantGender: 'male' });
    expect(r.value.materials).toContainEqual({ kind: 'e-certificate', materialCode: 'medicalDeathCertificate', certificateTypeCode: 'EC076', certificateNumber: 'SX-DEATH-1' });
  });

  it('refuses with the problems, answers first', () => {
    const r1 = buildPayload({ ...input, answers: { ...answers, cremation: undefined as unknown as boolean } });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.issues?.map((i) => i.path)).toEqual(['answers.cremation']);
    const r2 = buildPayload({ ...input, values: { ...values, deceasedIdNumber: OTHER_ID.slice(0, 17) } });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.issues).toEqual([{ path: 'form.deceasedIdNumber', message: '身份证号码应为18位，您输入了17位，请核对后重新输入。' }]);
    const r3 = buildPayload({ ...input, materials: materials.slice(1) });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.issues?.map((i) => i.path)).toEqual(['materials.medicalDeathCertificate']);
  });

  it('sends the enterprise block once the code is known', () => {
    const { thing: t1, wired: w1 } = wiredOf('business-start');
    const base = { thing: t1, wired: w1, catalogVersion: CATALOG.version, identity: RESIDENT, localNumber: 'K1', today: TODAY };
    const fresh = buildPayload({
      ...base,
      answers: { alreadyRegistered: false, seal: false, invoices: false, employees: false },
      values: { mobile: '13812345678', enterpriseName: '太原小面包有限公司', enterpriseType: 'llc', registeredCapital: '50', businessAddress: '太原市小店区', businessScope: '面包制售' },
      materials: [
        { kind: 'commitment', materialId: 'premisesProof' },
        { kind: 'attachment', materialId: 'articles', sha256: 'b'.repeat(64), mediaType: 'image/png', bytes: 10 },
      ],
    });
    expect(fresh.ok && fresh.value.enterprise).toBe(undefined);
    expect(fresh.ok && fresh.value.form.registeredCapital).toBe(50);
    const registered = buildPayload({
      ...base,
      answers: { alreadyRegistered: true, seal: true, invoices: false, employees: false },
      values: { mobile: '13812345678', enterpriseName: '太原小面包有限公司', uscc: '91350100m000100y43', businessAddress: '太原市小店区', sealCount: '2' },
      materials: [{ kind: 'e-certificate', materialId: 'businessLicence', certificateNumber: 'LIC-1' }],
    });
    expect(registered.ok).toBe(true);
    if (registered.ok) expect(registered.value.enterprise).toEqual({ unifiedSocialCreditCode: '91350100M000100Y43', name: '太原小面包有限公司', verified: false });
  });
});
