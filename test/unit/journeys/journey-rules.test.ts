import { describe, expect, it } from 'vitest';
import { oneThingById } from '../../../contract/catalog';
import { type Answers, applicableSubItems, formFields, journeyFor, materialsFor, validateForm } from '../../../contract/journeys';
import { isoDay } from '../../../contract/validators';
import { OTHER_ID, RESIDENT, TODAY } from './fixtures';

/** Hand-written 智能导办 cases, one block per 一件事: these answers → exactly these sub-items. */

const decide = (id: string, answers: Answers) => applicableSubItems(oneThingById(id)!, journeyFor(id)!.wired!, answers);
const wired = (id: string) => journeyFor(id)!.wired!;
const LR = { applicantRole: 'legalRepresentative' } as const;
const dateProblems = (id: string, answers: Answers, subItems: string[], values: Record<string, string>) =>
  validateForm(wired(id), { answers, subItems, values, identity: RESIDENT, today: TODAY }).filter((p) => Object.keys(values).some((k) => p.path === `form.${k}`));

describe('智能导办 for the resident 一件事', () => {
  it('军人退役: a self-employed soldier gets the one-off allowance, a retired officer does not', () => {
    const base = { hukouCancelled: false, medicalInsurance: false };
    expect(decide('military-discharge', { ...base, placement: 'selfEmployed', socialInsurance: true })).toEqual(['08-01', '08-04', '08-05', '08-06', '08-09']);
    expect(decide('military-discharge', { ...base, placement: 'retired' })).toEqual(['08-01']);
    expect(decide('military-discharge', { placement: 'assignedJob', hukouCancelled: true, socialInsurance: false, medicalInsurance: true })).toEqual(['08-01', '08-02', '08-03', '08-04', '08-07', '08-08']);
    // A stale answer to the social-insurance follow-up does not count once the placement says retired.
    expect(decide('military-discharge', { ...base, placement: 'supported', socialInsurance: true })).toEqual(['08-01']);
  });

  it('教育入学: a local child in an owned home vs. a migrant child in a rented one', () => {
    expect(decide('school-enrolment', { stage: 'primary', childHukouLocal: true, housing: 'owned' })).toEqual(['19-01', '19-02', '19-04']);
    expect(decide('school-enrolment', { stage: 'primary', childHukouLocal: false, housing: 'rented' })).toEqual(['19-01', '19-03', '19-05']);
    const rented = materialsFor(wired('school-enrolment'), { stage: 'primary', childHukouLocal: false, housing: 'rented' }, ['19-01', '19-03', '19-05'], []);
    expect(rented.map((s) => s.material.id)).toEqual(['residencePermit', 'rentalContract', 'childPhoto']);
  });

  it('教育入学: a birth date that does not fit the school stage is refused', () => {
    const answers = { stage: 'primary', childHukouLocal: true, housing: 'other' };
    expect(dateProblems('school-enrolment', answers, ['19-01', '19-02'], { childBirthDate: isoDay(TODAY, -365 * 6) })).toEqual([]);
    expect(dateProblems('school-enrolment', answers, ['19-01', '19-02'], { childBirthDate: isoDay(TODAY, -365 * 12) }).map((p) => p.path)).toEqual(['form.childBirthDate']);
    expect(dateProblems('school-enrolment', { ...answers, stage: 'juniorMiddle' }, ['19-01', '19-02'], { childBirthDate: isoDay(TODAY, -365 * 12) })).toEqual([]);
  });

  it('二手房: the other side is a party; a mortgage adds 带押过户; utilities as chosen', () => {
    const none = { transferPower: false, transferWater: false, transferGas: false, transferHeat: false };
    expect(decide('second-hand-home-transfer', { role: 'seller', mortgaged: false, ...none })).toEqual(['07-01', '07-02', '07-03']);
    expect(decide('second-hand-home-transfer', { role: 'buyer', mortgaged: true, ...none, transferPower: true, transferHeat: true })).toEqual(['07-01', '07-02', '07-03', '07-04', '07-05', '07-08']);
    const w = wired('second-hand-home-transfer');
    const asBuyer = formFields(w, { role: 'buyer', mortgaged: false, ...none }, ['07-01']).filter((f) => f.fromParty).map((f) => [f.id, f.fromParty]);
    expect(asBuyer).toEqual([['sellerName', 'seller'], ['sellerIdNumber', 'seller']]);
    const asSeller = formFields(w, { role: 'seller', mortgaged: false, ...none }, ['07-01']).filter((f) => f.fromParty).map((f) => f.fromParty);
    expect(asSeller).toEqual(['buyer', 'buyer']);
    expect(w.parties?.map((p) => [p.id, p.presence])).toEqual([['seller', 'required'], ['buyer', 'required']]);
  });

  it('个人养老服务: an 82-year-old on a residents’ pension needing care on a low income', () => {
    const answers = { pension: 'resident', healthManagement: true, needsCare: true, lowIncome: true, over80: true, homeSupport: false, specialSituation: 'none' };
    expect(decide('elderly-care', answers)).toEqual(['25-02', '25-03', '25-04', '25-05', '25-06']);
    expect(decide('elderly-care', { ...answers, needsCare: false, pension: 'employee', specialSituation: 'lostOnlyChild' })).toEqual(['25-01', '25-03', '25-05', '25-09']);
    expect(decide('elderly-care', { pension: 'none', healthManagement: false, needsCare: false, over80: false, homeSupport: true, specialSituation: 'extremeHardship' })).toEqual(['25-07', '25-08']);
  });

  it('社会保障卡居民服务: a new card with transport; a working card only switching on culture', () => {
    expect(decide('social-security-card-services', { cardTask: 'apply', medical: false, transport: true, culture: false })).toEqual(['20-01', '20-03']);
    expect(decide('social-security-card-services', { cardTask: 'servicesOnly', medical: true, transport: false, culture: true })).toEqual(['20-02', '20-04']);
  });

  it('申领教师资格证: an exempted graduate skips the exam check; a university teacher adds the social insurance record', () => {
    expect(decide('teacher-qualification', { level: 'primary', exempted: true, residenceBasis: 'hukou' })).toEqual(['23-02', '23-03', '23-04', '23-05', '23-06']);
    expect(decide('teacher-qualification', { level: 'high', exempted: false, residenceBasis: 'residencePermit' })).toEqual(['23-01', '23-02', '23-03', '23-04', '23-05', '23-06']);
    expect(decide('teacher-qualification', { level: 'higher', residenceBasis: 'employer' })).toEqual(['23-01', '23-02', '23-03', '23-04', '23-05', '23-06', '23-07']);
  });
});

describe('智能导办 for the business 一件事', () => {
  it('企业准营: a bakery that bakes on site, with a sign, open to the public', () => {
    expect(decide('business-licensing', { ...LR, food: true, environmentalImpact: false, outdoorSign: true, publicAssembly: true })).toEqual(['02-01', '02-03', '02-04']);
    expect(decide('business-licensing', { ...LR, food: false, environmentalImpact: true, outdoorSign: false, publicAssembly: false })).toEqual(['02-02']);
  });

  it('员工录用: always registration and both insurances; card, file and housing fund as answered; the employee is a required party', () => {
    expect(decide('hiring-staff', { ...LR, needsCard: false, personnelFile: false, housingFund: false })).toEqual(['03-01', '03-02', '03-05']);
    expect(decide('hiring-staff', { ...LR, needsCard: true, personnelFile: true, housingFund: true })).toEqual(['03-01', '03-02', '03-03', '03-04', '03-05', '03-06']);
    const w = wired('hiring-staff');
    expect(w.parties).toContainEqual({ id: 'employee', label: expect.anything(), presence: 'required' });
    expect(w.form.filter((f) => f.fromParty === 'employee').map((f) => f.fromCard)).toEqual(['name', 'idNumber', 'address']);
  });

  it('涉企不动产登记: only a transfer declares the transaction taxes', () => {
    expect(decide('business-real-estate', { ...LR, registrationKind: 'transfer' })).toEqual(['04-01', '04-02']);
    expect(decide('business-real-estate', { ...LR, registrationKind: 'mortgage' })).toEqual(['04-01']);
    const first = materialsFor(wired('business-real-estate'), { ...LR, registrationKind: 'first' }, ['04-01'], []).map((s) => s.material.id);
    expect(first).toEqual(['businessLicence', 'planningPermit', 'completionAcceptance']);
  });

  it('企业信息变更: a new name with new seals and a tax device', () => {
    expect(decide('business-change', { ...LR, changeKind: 'name', newSeal: true, bankAccount: false, taxDevice: true, socialInsurance: false, housingFund: false })).toEqual(['10-01', '10-02', '10-04']);
    expect(decide('business-change', { ...LR, changeKind: 'address', newSeal: false, bankAccount: true, taxDevice: false, socialInsurance: true, housingFund: true })).toEqual(['10-01', '10-03', '10-05', '10-06']);
  });

  it('开办运输企业: light vans need no licence; dangerous goods are not taken here', () => {
    expect(decide('transport-business', { ...LR, dangerousGoods: false, heavyVehicles: true, vehiclesReady: true })).toEqual(['11-01', '11-02', '11-03']);
    expect(decide('transport-business', { ...LR, dangerousGoods: false, heavyVehicles: false, vehiclesReady: true })).toEqual(['11-01']);
    expect(decide('transport-business', { ...LR, dangerousGoods: true, heavyVehicles: true })).toEqual(['11-01']);
  });

  it('开办餐饮店: licence check and food licence always; sign and fire inspection as answered', () => {
    expect(decide('restaurant', { ...LR, outdoorSign: false, publicAssembly: false })).toEqual(['12-01', '12-02']);
    expect(decide('restaurant', { ...LR, outdoorSign: true, publicAssembly: true })).toEqual(['12-01', '12-02', '12-03', '12-04']);
  });

  it('水电气热网联合报装: only the utilities chosen; the outside works approval when roads are dug', () => {
    const no = { externalWorks: false, power: false, heat: false, gas: false, water: false, telecom: false };
    expect(decide('utility-connection', { ...LR, ...no, power: true, water: true })).toEqual(['13-02', '13-05']);
    expect(decide('utility-connection', { ...LR, ...no, externalWorks: true, gas: true, telecom: true, heat: true })).toEqual(['13-01', '13-03', '13-04', '13-06']);
  });

  it('信用修复: the guidance always, then the one kind of record', () => {
    expect(decide('credit-repair', { ...LR, recordKind: 'penalty' })).toEqual(['14-01', '14-02']);
    expect(decide('credit-repair', { ...LR, recordKind: 'abnormal', abnormalReason: 'unreachable' })).toEqual(['14-01', '14-03']);
    expect(decide('credit-repair', { ...LR, recordKind: 'seriouslyDishonest' })).toEqual(['14-01', '14-04']);
    const unreachable = materialsFor(wired('credit-repair'), { ...LR, recordKind: 'abnormal', abnormalReason: 'unreachable' }, ['14-01', '14-03'], []).map((s) => s.material.id);
    expect(unreachable).toEqual(['premisesProof', 'creditCommitment']);
  });

  it('企业上市合法合规信息核查: all 18 fields, or the common ten plus the sector', () => {
    expect(decide('listing-compliance-check', { ...LR, scope: 'all' })).toHaveLength(18);
    const common = ['15-01', '15-02', '15-03', '15-04', '15-05', '15-06', '15-09', '15-11', '15-14', '15-15', '15-17'];
    expect(decide('listing-compliance-check', { ...LR, scope: 'standard', sector: 'other' })).toEqual(common);
    expect(decide('listing-compliance-check', { ...LR, scope: 'standard', sector: 'transport' })).toEqual([...common, '15-13'].sort());
    expect(decide('listing-compliance-check', { ...LR, scope: 'standard', sector: 'telecom' })).toEqual([...common, '15-18']);
  });

  it('企业破产信息核查: the administrator asks about assets and customs; registration details always', () => {
    expect(decide('bankruptcy-check', { applicantRole: 'administrator', assets: true, staffContributions: false, taxes: false, customs: true })).toEqual(['16-01', '16-02', '16-03', '16-05', '16-07', '16-10']);
    expect(decide('bankruptcy-check', { applicantRole: 'agent', assets: false, staffContributions: true, taxes: true, customs: false })).toEqual(['16-01', '16-04', '16-05', '16-06', '16-08', '16-09']);
    const admin = materialsFor(wired('bankruptcy-check'), { applicantRole: 'administrator', assets: false, staffContributions: false, taxes: false, customs: false }, ['16-01', '16-05'], []).map((s) => s.material.id);
    expect(admin).toEqual(['acceptanceRuling', 'appointmentDecision']);
  });

  it('企业注销登记: tax and registration always; the notice period follows the kind of closure', () => {
    const answers = { ...LR, simplified: true, customs: false, socialInsurance: true, bankAccounts: true, seals: false };
    expect(decide('business-deregistration', answers)).toEqual(['17-01', '17-02', '17-04', '17-05']);
    expect(decide('business-deregistration', { ...answers, simplified: false, customs: true, seals: true })).toEqual(['17-01', '17-02', '17-03', '17-04', '17-05', '17-06']);
    const notice = (simplified: boolean, daysAgo: number) => dateProblems('business-deregistration', { ...answers, simplified }, ['17-01', '17-02'], { noticeDate: isoDay(TODAY, -daysAgo) }).length;
    expect([notice(true, 10), notice(true, 25), notice(false, 30), notice(false, 50)]).toEqual([1, 0, 1, 0]);
  });

  it('挖掘城市道路: the road approval always; planning, green space and trees as answered', () => {
    expect(decide('road-excavation', { ...LR, planningPermit: false, greenSpace: false, trees: false })).toEqual(['24-02']);
    expect(decide('road-excavation', { ...LR, planningPermit: true, greenSpace: true, trees: true })).toEqual(['24-01', '24-02', '24-03', '24-04']);
  });

  it('养老机构补贴申领: each subsidy as answered; the registration certificate follows the kind of institution', () => {
    expect(decide('care-home-subsidies', { ...LR, institutionKind: 'nonEnterprise', construction: false, loanInterest: false, operating: true, beds: true })).toEqual(['26-03', '26-04']);
    const certs = (kind: string) => materialsFor(wired('care-home-subsidies'), { ...LR, institutionKind: kind }, ['26-03'], []).flatMap((s) => (s.material.exemptedBy ? [s.material.exemptedBy] : []));
    expect([certs('enterprise'), certs('nonEnterprise'), certs('public')]).toEqual([[59], [21], [140]]);
  });

  it('开发区企业投资项目开工: a filed project paying the off-site air-defence fee', () => {
    const answers = { ...LR, agency: true, filed: true, landPermit: true, environmentalImpact: false, energyReview: false, soilConservation: false, specialFireDesign: false, expertReview: false, lightning: false, civilAirDefence: 'offsite' };
    expect(decide('development-zone-project-start', answers)).toEqual(['27-01', '27-04', '27-08', '27-11', '27-13', '27-14']);
    expect(decide('development-zone-project-start', { ...answers, agency: false, filed: false, landPermit: false, lightning: true, civilAirDefence: 'none' })).toEqual(['27-02', '27-03', '27-04', '27-08', '27-11', '27-12']);
  });

  it('an agent brings the 授权委托书, which the legal representative’s own consent can waive', () => {
    const agent = materialsFor(wired('restaurant'), { applicantRole: 'agent', outdoorSign: false, publicAssembly: false }, ['12-01', '12-02'], []);
    expect(agent.find((s) => s.material.id === 'authorisation')?.material.waivedByParty).toBe('legalRepresentative');
    const self = materialsFor(wired('restaurant'), { ...LR, outdoorSign: false, publicAssembly: false }, ['12-01', '12-02'], []);
    expect(self.map((s) => s.material.id)).not.toContain('authorisation');
  });
});

describe('answers and form values must agree (the wired seven, updated)', () => {
  const newborn = { registerHukou: true, hukouEligible: true, socialCard: false, medicalInsurance: false, maternityReimbursement: false, parentingGuidance: false };

  it('新生儿出生: “under one” refuses a birth date two years back; without the registration it is accepted', () => {
    const twoYears = { childBirthDate: isoDay(TODAY, -730) };
    expect(dateProblems('newborn', newborn, ['18-01', '18-02', '18-03'], twoYears).map((p) => [p.path, p.messageEn])).toEqual([
      ['form.childBirthDate', expect.stringContaining('365 days ago')],
    ]);
    expect(dateProblems('newborn', newborn, ['18-01', '18-02', '18-03'], { childBirthDate: isoDay(TODAY, -200) })).toEqual([]);
    expect(dateProblems('newborn', { ...newborn, registerHukou: false }, ['18-01', '18-02'], twoYears)).toEqual([]);
  });

  it('新生儿出生 and 公民婚育: the other person’s name and number come from their own card', () => {
    expect(wired('newborn').parties).toEqual([expect.objectContaining({ id: 'otherParent', presence: 'optional' })]);
    expect(wired('newborn').form.filter((f) => f.fromParty).map((f) => [f.id, f.fromParty, f.fromCard])).toEqual([
      ['otherParentName', 'otherParent', 'name'],
      ['otherParentIdNumber', 'otherParent', 'idNumber'],
    ]);
    expect(wired('marriage-and-childbearing').parties).toEqual([expect.objectContaining({ id: 'spouse', presence: 'required' })]);
    expect(wired('marriage-and-childbearing').form.filter((f) => f.fromParty === 'spouse').map((f) => f.fromCard)).toEqual(['name', 'idNumber']);
  });

  it('bank accounts are digits: letters or too few digits are refused, spaces are fine', () => {
    const answers = { ...newborn, maternityReimbursement: true };
    const check = (v: string) => dateProblems('newborn', answers, ['18-05'], { reimbursementAccount: v }).map((p) => p.message);
    expect(check('6222 0200 1234 5678')).toEqual([]);
    expect(check('6222-0200-ABCD')).toEqual(['银行账号只能是数字，请核对银行卡或存折。']);
    expect(check('62220200')).toEqual(['银行账号应为12到30位数字，请核对。']);
    expect(check(OTHER_ID.slice(0, 17) + '0'.repeat(14))).toEqual(['银行账号应为12到30位数字，请核对。']);
  });
});
