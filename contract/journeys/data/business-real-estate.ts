import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessLicence, businessWhere, choice, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t } from './common';

const KIND = (k: string) => ({ question: 'registrationKind', equals: k }) as const;
const HAS_TITLE = { question: 'registrationKind', oneOf: ['transfer', 'mortgage', 'change'] } as const;

/** 涉企不动产登记 (annex 1 no. 4): an enterprise registers land or buildings, with the transaction taxes when it acquires them. */
export const BUSINESS_REAL_ESTATE: Journey = {
  oneThing: 'business-real-estate',
  guide: {
    covers: t(
      '企业不动产登记一次申请：首次登记、转移登记、抵押登记和变更登记，取得不动产的同时申报交易税费。',
      'Real estate registration for an enterprise in one application: first registration, transfer, mortgage and change of details, with the transaction taxes declared together when the enterprise acquires property.',
    ),
    eligibility: [
      t('不动产权利人企业的法定代表人或其委托的经办人。', 'The legal representative of the enterprise holding the rights, or an agent it authorises.'),
      t('转移登记需交易双方共同申请；对方企业的材料由窗口一并受理。', 'A transfer is applied for by both sides; the other side’s papers are taken by the window together.'),
    ],
    timeLimit: t('一般5个工作日内办结，抵押登记一般1个工作日内办结。', 'Usually within 5 working days; a mortgage registration within 1 working day.'),
    where: businessWhere(t('不动产登记中心企业服务窗口', 'the enterprise window of the real estate registration centre')),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      choice('registrationKind', '要办理哪一种不动产登记？', 'Which real estate registration do you need?', [
        ['first', '首次登记（新建房屋、新取得土地）', 'First registration (a new building or newly granted land)'],
        ['transfer', '转移登记（企业买入、受让不动产）', 'Transfer (the enterprise buys or receives property)'],
        ['mortgage', '抵押登记', 'Mortgage registration'],
        ['change', '变更登记（企业名称、地址等变化）', 'Change of details (the enterprise’s name, address and so on)'],
      ]),
    ],
    subItemRules: [
      { subItem: '04-01', when: { always: true } },
      { subItem: '04-02', when: KIND('transfer') },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'propertyAddress', label: t('不动产坐落', 'Address of the property'), type: 'address', required: true, maxLength: 100 },
      { id: 'certificateNumber', label: t('不动产权证书号', 'Property certificate number'), type: 'text', required: true, maxLength: 40, askIf: HAS_TITLE },
      { id: 'area', label: t('面积（平方米，取整）', 'Area (m², whole number)'), type: 'integer', required: true, min: 1, max: 100_000_000 },
      { id: 'counterparty', label: t('转让方名称', 'Name of the party transferring it'), type: 'text', required: true, maxLength: 60, askIf: KIND('transfer') },
      { id: 'price', label: t('成交价格（元）', 'Price (yuan)'), type: 'integer', required: true, min: 1, max: 100_000_000_000, forSubItems: ['04-02'] },
      { id: 'mortgagee', label: t('抵押权人（贷款银行）', 'Mortgagee (lending bank)'), type: 'text', required: true, maxLength: 60, askIf: KIND('mortgage') },
      { id: 'securedAmount', label: t('被担保债权数额（元）', 'Amount secured (yuan)'), type: 'integer', required: true, min: 1, max: 100_000_000_000, askIf: KIND('mortgage') },
      { id: 'changeDetails', label: t('变更内容', 'What changed'), type: 'text', required: true, maxLength: 100, askIf: KIND('change') },
    ],
    materials: [
      businessLicence(['04-01']),
      { id: 'propertyCertificate', name: t('不动产权证书', 'Property ownership certificate'), forSubItems: ['04-01'], exemptedBy: 129, commitmentAllowed: false, capturable: true, askIf: HAS_TITLE },
      { id: 'planningPermit', name: t('建设工程规划许可证', 'Construction project planning permit'), forSubItems: ['04-01'], exemptedBy: 138, commitmentAllowed: false, capturable: true, askIf: KIND('first') },
      { id: 'completionAcceptance', name: t('竣工验收备案材料和房屋测绘报告', 'Completion acceptance record and survey report'), forSubItems: ['04-01'], commitmentAllowed: false, capturable: true, askIf: KIND('first') },
      { id: 'transferContract', name: t('不动产买卖（转让）合同', 'Sale (transfer) contract'), forSubItems: ['04-01', '04-02'], commitmentAllowed: false, capturable: true, askIf: KIND('transfer') },
      { id: 'mortgageContract', name: t('抵押合同和主债权合同', 'Mortgage contract and loan contract'), forSubItems: ['04-01'], commitmentAllowed: false, capturable: true, askIf: KIND('mortgage') },
      { id: 'changeProof', name: t('登记事项变更的证明（如市场监管部门的变更通知书）', 'Proof of the change (such as the market regulator’s notice of change)'), forSubItems: ['04-01'], commitmentAllowed: true, capturable: true, askIf: KIND('change') },
      authorisation(['04-01', '04-02']),
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole', registrationKind: 'registrationKind' } },
  },
};
