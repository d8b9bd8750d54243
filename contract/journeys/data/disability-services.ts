import type { Journey } from '../schema';
import { APPLICANT_FIELDS, kioskWhere, t, yesNo } from './common';

const CERT_ACTIONS = ['new', 'renew', 'move', 'lost', 'cancel', 'change'] as const;
const HOLDS_CERT = { question: 'certificateAction', oneOf: ['renew', 'move', 'cancel', 'change', 'none'] } as const;
const NOT_CANCELLING = { not: { question: 'certificateAction', equals: 'cancel' } } as const;

/** 残疾人服务 (annex 1 no. 21): the person with a disability (or their guardian, in assisted mode) applies. */
export const DISABILITY_SERVICES: Journey = {
  oneThing: 'disability-services',
  guide: {
    covers: t(
      '残疾人一次申请：残疾人证新办、换领、迁移、挂失补办、注销和类别等级变更，困难残疾人生活补贴，重度残疾人护理补贴，就业帮扶和城乡居民养老保险补助。',
      'One application for people with disabilities: the disability certificate (new, renewal, transfer, replacement, cancellation, change of category or grade), living allowance, nursing allowance, help finding work, and the residents’ pension subsidy.',
    ),
    eligibility: [
      t('本地户籍的视力、听力、言语、肢体、智力、精神或多重残疾人。', 'Locally registered people with a visual, hearing, speech, physical, intellectual, mental or multiple disability.'),
      t('生活补贴面向低保家庭等困难残疾人；护理补贴面向一、二级重度残疾人。', 'The living allowance is for people in low-income households; the nursing allowance for grades 1 and 2.'),
    ],
    timeLimit: t('残疾人证新办须评定，一般20个工作日内办结；补贴次月起发放。', 'A new certificate needs an assessment and takes about 20 working days; allowances are paid from the following month.'),
    where: kioskWhere(t('残联窗口或“高效办成一件事”综合窗口', 'the disabled persons’ federation window or the “one thing done” window')),
  },
  wired: {
    questions: [
      {
        id: 'certificateAction',
        kind: 'choice',
        text: t('残疾人证需要办理什么？', 'What do you need for the disability certificate?'),
        options: [
          { value: 'new', label: t('第一次办证', 'A first certificate') },
          { value: 'renew', label: t('到期换领', 'Renew an expiring one') },
          { value: 'move', label: t('户口迁移后迁移', 'Transfer after moving') },
          { value: 'lost', label: t('丢失补办', 'Replace a lost one') },
          { value: 'cancel', label: t('注销', 'Cancel') },
          { value: 'change', label: t('变更残疾类别或等级', 'Change category or grade') },
          { value: 'none', label: t('不用办证，已有有效证件', 'Nothing: I have a valid certificate') },
        ],
      },
      yesNo('lowIncome', '是否为低保家庭或其他困难家庭？', 'Is your household on minimum living support or otherwise in hardship?', { askIf: NOT_CANCELLING }),
      yesNo('severe', '残疾等级是否为一级或二级？', 'Is the disability grade 1 or 2?', { askIf: NOT_CANCELLING }),
      yesNo('employment', '是否需要就业帮扶（推荐工作、职业培训）？', 'Do you want help finding work or training?', { askIf: NOT_CANCELLING }),
      yesNo('residentPension', '是否参加了城乡居民养老保险，需要申请缴费补助？', 'Do you have residents’ pension insurance and want the contribution subsidy?', { askIf: NOT_CANCELLING }),
    ],
    subItemRules: [
      { subItem: '21-01', when: { question: 'certificateAction', oneOf: CERT_ACTIONS } },
      { subItem: '21-02', when: { all: [NOT_CANCELLING, { question: 'lowIncome', equals: true }] } },
      { subItem: '21-03', when: { all: [NOT_CANCELLING, { question: 'severe', equals: true }] } },
      { subItem: '21-04', when: { all: [NOT_CANCELLING, { question: 'employment', equals: true }] } },
      { subItem: '21-05', when: { all: [NOT_CANCELLING, { question: 'residentPension', equals: true }] } },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'nation', label: t('民族', 'Ethnic group'), type: 'nation', fromCard: 'nation', required: false },
      {
        id: 'disabilityCategory',
        label: t('残疾类别', 'Disability category'),
        type: 'choice',
        required: true,
        options: [
          { value: 'visual', label: t('视力残疾', 'Visual') },
          { value: 'hearing', label: t('听力残疾', 'Hearing') },
          { value: 'speech', label: t('言语残疾', 'Speech') },
          { value: 'physical', label: t('肢体残疾', 'Physical') },
          { value: 'intellectual', label: t('智力残疾', 'Intellectual') },
          { value: 'mental', label: t('精神残疾', 'Mental') },
          { value: 'multiple', label: t('多重残疾', 'Multiple') },
        ],
      },
      { id: 'certificateNumber', label: t('残疾人证号码', 'Disability certificate number'), type: 'text', required: true, maxLength: 20, askIf: HOLDS_CERT },
      { id: 'moveToAddress', label: t('迁入后的户籍地址', 'New registered address'), type: 'address', required: true, maxLength: 100, askIf: { question: 'certificateAction', equals: 'move' } },
      { id: 'guardianName', label: t('监护人姓名（可不填）', 'Guardian’s name (optional)'), type: 'name', required: false, maxLength: 20 },
      { id: 'allowanceAccount', label: t('补贴发放银行账号', 'Bank account for allowances'), type: 'bank-account', required: true, forSubItems: ['21-02', '21-03', '21-05'] },
      {
        id: 'jobWish',
        label: t('希望从事的工作', 'Work you would like'),
        type: 'text',
        required: false,
        maxLength: 60,
        forSubItems: ['21-04'],
      },
    ],
    materials: [
      { id: 'disabilityCertificate', name: t('残疾人证', 'Disability certificate'), forSubItems: ['21-01', '21-02', '21-03', '21-04', '21-05'], exemptedBy: 142, commitmentAllowed: false, capturable: true, askIf: HOLDS_CERT },
      { id: 'photo', name: t('本人近期免冠照片', 'Recent photo of yourself'), forSubItems: ['21-01'], commitmentAllowed: false, capturable: true, askIf: { question: 'certificateAction', oneOf: ['new', 'renew', 'lost', 'change'] } },
      { id: 'householdRegister', name: t('居民户口簿', 'Household register booklet'), forSubItems: ['21-01', '21-02'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'lowIncomeProof', name: t('低保证或困难家庭证明', 'Minimum-living-support or hardship certificate'), forSubItems: ['21-02'], commitmentAllowed: true, capturable: true },
      { id: 'medicalRecords', name: t('近期病历或诊断证明（用于评定）', 'Recent medical records or diagnosis (for assessment)'), forSubItems: ['21-01'], commitmentAllowed: true, capturable: true, askIf: { question: 'certificateAction', oneOf: ['new', 'change'] } },
    ],
    hallVisits: [
      {
        subItem: '21-01',
        when: { question: 'certificateAction', oneOf: ['new', 'change'] },
        why: t('第一次办证或变更类别、等级须本人到残联窗口接受残疾评定。', 'A first certificate or a change of category or grade needs an assessment in person at the disabled persons’ federation window.'),
      },
    ],
    payload: { phoneField: 'mobile', answerKeys: { certificateAction: 'certificateAction' } },
  },
};
