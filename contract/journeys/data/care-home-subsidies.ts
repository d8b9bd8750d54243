import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessWhere, choice, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

const ALL = codes('26', 4);
const KIND = (k: string) => ({ question: 'institutionKind', equals: k }) as const;

/** 养老机构补贴申领 (annex 1 no. 26): a care home applies for the construction, loan-interest, operating and bed subsidies at once. */
export const CARE_HOME_SUBSIDIES: Journey = {
  oneThing: 'care-home-subsidies',
  guide: {
    covers: t(
      '养老机构补贴一次申请：养老机构和康养项目建设补助、贷款贴息、运营补贴和床位补贴。',
      'Subsidies for a care home in one application: building grants for care homes and wellness projects, loan-interest subsidies, operating subsidies and bed subsidies.',
    ),
    eligibility: [
      t('已在民政部门备案的养老机构，由法定代表人或其委托的经办人申请。', 'A care home filed with civil affairs, through its legal representative or an agent.'),
      t('运营补贴一般按上一年度实际收住的老年人数和护理等级核定；床位补贴按新增并投入使用的床位核定。', 'The operating subsidy is usually based on last year’s residents and their care levels; the bed subsidy on new beds in use.'),
    ],
    timeLimit: t('按年度集中申报，县级民政部门一般20个工作日内审核并公示。', 'Applications are collected once a year; the county civil affairs bureau usually reviews and publishes within 20 working days.'),
    where: businessWhere(t('民政部门服务窗口', 'the civil affairs window')),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      choice('institutionKind', '养老机构的登记类型是？', 'How is the care home registered?', [
        ['enterprise', '企业（营业执照）', 'An enterprise (business licence)'],
        ['nonEnterprise', '民办非企业单位（社会服务机构）', 'A private non-enterprise unit (social service organisation)'],
        ['public', '事业单位（公办）', 'A public institution'],
      ]),
      yesNo('construction', '是否申请新建、改扩建项目的建设补助？', 'Apply for a building grant for new or extended facilities?'),
      yesNo('loanInterest', '项目是否有银行贷款，申请贷款贴息？', 'Does the project have a bank loan, to apply for interest subsidy?'),
      yesNo('operating', '是否申请运营补贴（已运营满一年）？', 'Apply for the operating subsidy (operating for at least a year)?'),
      yesNo('beds', '是否申请新增床位补贴？', 'Apply for the subsidy for new beds?'),
    ],
    subItemRules: [
      { subItem: '26-01', when: { question: 'construction', equals: true } },
      { subItem: '26-02', when: { question: 'loanInterest', equals: true } },
      { subItem: '26-03', when: { question: 'operating', equals: true } },
      { subItem: '26-04', when: { question: 'beds', equals: true } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'filingNumber', label: t('养老机构备案回执编号', 'Care home filing number'), type: 'text', required: true, maxLength: 40 },
      { id: 'totalBeds', label: t('床位总数（张）', 'Total beds'), type: 'integer', required: true, min: 1, max: 100_000 },
      { id: 'newBeds', label: t('新增并投入使用的床位（张）', 'New beds in use'), type: 'integer', required: true, min: 1, max: 100_000, forSubItems: ['26-04'] },
      { id: 'residentsLastYear', label: t('上年度月均收住老年人数', 'Average residents per month last year'), type: 'integer', required: true, min: 1, max: 100_000, forSubItems: ['26-03'] },
      { id: 'investment', label: t('项目总投资（万元）', 'Total project investment (10,000 yuan)'), type: 'integer', required: true, min: 1, max: 10_000_000, forSubItems: ['26-01'] },
      { id: 'loanAmount', label: t('贷款金额（万元）', 'Loan amount (10,000 yuan)'), type: 'integer', required: true, min: 1, max: 10_000_000, forSubItems: ['26-02'] },
      { id: 'subsidyAccount', label: t('补贴资金收款账号（单位对公账户）', 'Account for the subsidy (the institution’s own account)'), type: 'bank-account', required: true },
      { id: 'accountBank', label: t('开户银行', 'Bank'), type: 'text', required: true, maxLength: 40 },
    ],
    materials: [
      { id: 'businessLicence', name: t('营业执照', 'Business licence'), forSubItems: ALL, exemptedBy: 59, commitmentAllowed: false, capturable: true, askIf: KIND('enterprise') },
      { id: 'nonEnterpriseCertificate', name: t('民办非企业单位登记证书', 'Registration certificate of the private non-enterprise unit'), forSubItems: ALL, exemptedBy: 21, commitmentAllowed: false, capturable: true, askIf: KIND('nonEnterprise') },
      { id: 'publicInstitutionCertificate', name: t('事业单位法人证书', 'Legal person certificate of the public institution'), forSubItems: ALL, exemptedBy: 140, commitmentAllowed: false, capturable: true, askIf: KIND('public') },
      { id: 'fireSafetyProof', name: t('消防验收（备案）或消防安全检查合格证明', 'Fire acceptance (filing) or passed fire inspection'), forSubItems: ['26-01', '26-04'], commitmentAllowed: true, capturable: true },
      { id: 'projectDocuments', name: t('项目立项、竣工验收和投资决算材料', 'Project approval, completion acceptance and final accounts'), forSubItems: ['26-01'], commitmentAllowed: false, capturable: true },
      { id: 'loanDocuments', name: t('贷款合同和付息凭证', 'Loan contract and interest receipts'), forSubItems: ['26-02'], commitmentAllowed: false, capturable: true },
      { id: 'residentRoster', name: t('收住老年人名册和入住协议', 'List of residents and their residence agreements'), forSubItems: ['26-03', '26-04'], commitmentAllowed: true, capturable: true },
      authorisation(ALL),
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole', institutionKind: 'institutionKind' } },
  },
};
