import type { Journey } from '../schema';
import { APPLICANT_FIELDS, ENTERPRISE_WINDOW, kioskWhere, t, yesNo } from './common';

const REGISTERED = { question: 'alreadyRegistered', equals: true } as const;

/** 企业开办 (annex 1 no. 1): the legal representative applies with their ID card. */
export const BUSINESS_START: Journey = {
  oneThing: 'business-start',
  guide: {
    covers: t(
      '开办企业一次申请：企业登记注册、公章刻制备案、发票领用、企业社会保险登记、医疗保险登记和住房公积金单位开户。',
      'Starting a business in one application: registration, company seal, invoices, social and medical insurance registration for employees, and a housing-fund account.',
    ),
    eligibility: [
      t('拟设立有限责任公司、个人独资企业或合伙企业的法定代表人（负责人）本人。', 'The legal representative of a limited company, sole proprietorship or partnership to be set up.'),
      t('已领营业执照、只办后续事项的，也可在此申请。', 'If you already have the business licence, apply here for the remaining steps.'),
    ],
    timeLimit: t('材料齐全的，一般1个工作日内办结全部事项。', 'Usually everything is done within 1 working day when materials are complete.'),
    where: kioskWhere(ENTERPRISE_WINDOW),
  },
  wired: {
    questions: [
      yesNo('alreadyRegistered', '企业是否已经领取营业执照？', 'Does the enterprise already have its business licence?'),
      yesNo('seal', '是否需要刻制公章？', 'Do you need a company seal made?'),
      yesNo('invoices', '是否需要申领发票？', 'Do you need invoices?'),
      yesNo('employees', '是否招用员工（需办理社保和医保登记）？', 'Will you employ staff (social and medical insurance registration)?'),
      yesNo('housingFund', '是否为员工缴存住房公积金？', 'Will you pay into a housing fund for staff?', { askIf: { question: 'employees', equals: true } }),
    ],
    subItemRules: [
      { subItem: '01-01', when: { question: 'alreadyRegistered', equals: false } },
      { subItem: '01-02', when: { question: 'seal', equals: true } },
      { subItem: '01-03', when: { question: 'invoices', equals: true } },
      { subItem: '01-04', when: { question: 'employees', equals: true } },
      { subItem: '01-05', when: { question: 'employees', equals: true } },
      { subItem: '01-06', when: { all: [{ question: 'employees', equals: true }, { question: 'housingFund', equals: true }] } },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'enterpriseName', label: t('企业名称', 'Enterprise name'), type: 'text', required: true, maxLength: 50 },
      { id: 'uscc', label: t('统一社会信用代码', 'Unified social credit code'), type: 'uscc', required: true, askIf: REGISTERED },
      {
        id: 'enterpriseType',
        label: t('企业类型', 'Kind of enterprise'),
        type: 'choice',
        required: true,
        forSubItems: ['01-01'],
        options: [
          { value: 'llc', label: t('有限责任公司', 'Limited liability company') },
          { value: 'soleProprietorship', label: t('个人独资企业', 'Sole proprietorship') },
          { value: 'partnership', label: t('合伙企业', 'Partnership') },
        ],
      },
      { id: 'registeredCapital', label: t('注册资本（万元）', 'Registered capital (10,000 yuan)'), type: 'integer', required: true, min: 1, max: 10_000_000, forSubItems: ['01-01'] },
      { id: 'businessAddress', label: t('住所（经营场所）', 'Registered address (premises)'), type: 'address', required: true, maxLength: 100 },
      { id: 'businessScope', label: t('经营范围', 'Business scope'), type: 'text', required: true, maxLength: 200, forSubItems: ['01-01'] },
      { id: 'sealCount', label: t('刻制印章枚数', 'Number of seals'), type: 'integer', required: true, min: 1, max: 10, forSubItems: ['01-02'] },
      { id: 'employeeCount', label: t('员工人数', 'Number of employees'), type: 'integer', required: true, min: 1, max: 100_000, forSubItems: ['01-04'] },
    ],
    materials: [
      { id: 'premisesProof', name: t('住所（经营场所）使用证明', 'Proof of the right to use the premises'), forSubItems: ['01-01'], exemptedBy: 129, commitmentAllowed: true, capturable: true },
      { id: 'articles', name: t('公司章程或合伙协议', 'Articles of association or partnership agreement'), forSubItems: ['01-01'], commitmentAllowed: false, capturable: true },
      { id: 'businessLicence', name: t('营业执照', 'Business licence'), forSubItems: ['01-02', '01-03', '01-04', '01-05', '01-06'], exemptedBy: 59, commitmentAllowed: false, capturable: true, askIf: REGISTERED },
    ],
    payload: { phoneField: 'mobile', enterprise: { usccField: 'uscc', nameField: 'enterpriseName' } },
  },
};
