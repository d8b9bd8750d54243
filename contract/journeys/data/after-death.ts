import type { Journey } from '../schema';
import { APPLICANT_FIELDS, kioskWhere, t, yesNo } from './common';

const PAYOUTS = ['09-04', '09-05', '09-06', '09-09'] as const;

/** 公民身后 (annex 1 no. 9): a close relative applies for the deceased. */
export const AFTER_DEATH: Journey = {
  oneThing: 'after-death',
  guide: {
    covers: t(
      '亲人去世后一次申请：死亡证明、火化证明、医保个人账户和养老保险个人账户一次性支取、遗属待遇、户口注销、驾驶证注销和住房公积金提取。',
      'After a death, one application covers the death and cremation certificates, paying out the medical and pension personal accounts, survivors’ benefits, cancelling the household registration and driving licence, and withdrawing the housing fund.',
    ),
    eligibility: [
      t('逝者的配偶、子女、父母等近亲属持本人身份证申请。', 'The spouse, a child, a parent or another close relative applies with their own ID card.'),
      t('非正常死亡的，死亡证明由公安机关出具。', 'For an unnatural death, the police issue the death certificate.'),
    ],
    timeLimit: t('户口注销当场或3个工作日内办结；待遇支付一般20个工作日内到账。', 'The registration is cancelled within 3 working days; payments usually arrive within 20 working days.'),
    where: kioskWhere(),
  },
  wired: {
    questions: [
      {
        id: 'deathKind',
        kind: 'choice',
        text: t('逝者属于哪种情况？', 'How did the person die?'),
        options: [
          { value: 'natural', label: t('正常死亡（病故、自然死亡）', 'Naturally (illness, old age)') },
          { value: 'unnatural', label: t('非正常死亡（事故等）', 'Unnaturally (accident and other)') },
        ],
      },
      yesNo('cremation', '是否在殡仪馆火化？', 'Will the body be (or was it) cremated at a funeral home?'),
      yesNo('medicalInsurance', '逝者是否参加了职工基本医疗保险？', 'Did the person have employee medical insurance?'),
      {
        id: 'pension',
        kind: 'choice',
        text: t('逝者参加的是哪种养老保险？', 'Which pension insurance did the person have?'),
        options: [
          { value: 'employee', label: t('职工养老保险（含已领退休金）', 'Employee pension (including retirees)') },
          { value: 'resident', label: t('城乡居民养老保险', 'Residents’ pension') },
          { value: 'none', label: t('没有参加或不清楚', 'None, or not sure') },
        ],
      },
      yesNo('drivingLicence', '逝者是否有机动车驾驶证？', 'Did the person hold a driving licence?'),
      yesNo('housingFund', '逝者是否缴存了住房公积金？', 'Did the person pay into a housing fund?'),
    ],
    subItemRules: [
      { subItem: '09-01', when: { question: 'deathKind', equals: 'natural' } },
      { subItem: '09-02', when: { question: 'deathKind', equals: 'unnatural' } },
      { subItem: '09-03', when: { question: 'cremation', equals: true } },
      { subItem: '09-04', when: { question: 'medicalInsurance', equals: true } },
      { subItem: '09-05', when: { question: 'pension', oneOf: ['employee', 'resident'] } },
      { subItem: '09-06', when: { question: 'pension', equals: 'employee' } },
      { subItem: '09-07', when: { always: true } },
      { subItem: '09-08', when: { question: 'drivingLicence', equals: true } },
      { subItem: '09-09', when: { question: 'housingFund', equals: true } },
    ],
    form: [
      ...APPLICANT_FIELDS,
      {
        id: 'relationship',
        label: t('您与逝者的关系', 'Your relationship to the deceased'),
        type: 'choice',
        required: true,
        options: [
          { value: 'spouse', label: t('配偶', 'Spouse') },
          { value: 'child', label: t('子女', 'Child') },
          { value: 'parent', label: t('父母', 'Parent') },
          { value: 'other', label: t('其他近亲属', 'Other close relative') },
        ],
      },
      { id: 'deceasedName', label: t('逝者姓名', 'Name of the deceased'), type: 'name', required: true, maxLength: 20 },
      { id: 'deceasedIdNumber', label: t('逝者身份证号码', 'ID number of the deceased'), type: 'id-number', required: true },
      { id: 'dateOfDeath', label: t('死亡日期', 'Date of death'), type: 'date', required: true, notAfter: { today: true }, notBefore: { today: true, offsetDays: -365 * 5 } },
      { id: 'placeOfDeath', label: t('死亡地点', 'Place of death'), type: 'text', required: true, maxLength: 60 },
      { id: 'payoutAccount', label: t('领取款项的银行账号', 'Bank account for payments'), type: 'bank-account', required: true, forSubItems: PAYOUTS },
    ],
    materials: [
      { id: 'medicalDeathCertificate', name: t('居民死亡医学证明（推断）书', 'Medical certificate of death'), forSubItems: ['09-03', '09-07', ...PAYOUTS], exemptedBy: 76, commitmentAllowed: false, capturable: true, askIf: { question: 'deathKind', equals: 'natural' } },
      { id: 'policeDeathCertificate', name: t('公安机关出具的死亡证明', 'Death certificate issued by the police'), forSubItems: ['09-03', '09-07', ...PAYOUTS], commitmentAllowed: false, capturable: true, askIf: { question: 'deathKind', equals: 'unnatural' } },
      { id: 'householdRegister', name: t('逝者的居民户口簿', 'Household register booklet of the deceased'), forSubItems: ['09-07'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'drivingLicence', name: t('逝者的机动车驾驶证', 'Driving licence of the deceased'), forSubItems: ['09-08'], exemptedBy: 49, commitmentAllowed: true, capturable: true },
      { id: 'kinshipProof', name: t('与逝者的亲属关系证明', 'Proof of kinship with the deceased'), forSubItems: PAYOUTS, commitmentAllowed: true, capturable: true },
    ],
    payload: { phoneField: 'mobile', answerKeys: { deathKind: 'deathKind' } },
  },
};
