import type { Condition, Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessLicence, businessWhere, choice, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t } from './common';

const ALL = { question: 'scope', equals: 'all' } as const;
/** Checked for every listing: the fields securities regulators ask about whatever the industry. */
const STANDARD = ['15-02', '15-03', '15-04', '15-05', '15-06', '15-09', '15-11', '15-14', '15-15', '15-17'];
/** Checked for the standard scope only when the enterprise works in that sector. */
const BY_SECTOR: Readonly<Record<string, string>> = {
  '15-07': 'healthcare',
  '15-08': 'cultureTourism',
  '15-10': 'construction',
  '15-12': 'technology',
  '15-13': 'transport',
  '15-16': 'manufacturing',
  '15-18': 'telecom',
};

const rule = (code: string): Condition => {
  if (code === '15-01') return { always: true };
  if (STANDARD.includes(code)) return { question: 'scope', oneOf: ['all', 'standard'] };
  return { any: [ALL, { question: 'sector', equals: BY_SECTOR[code]! }] };
};

/** 企业上市合法合规信息核查 (annex 1 no. 15): a check service — one request, every department's finding on the progress screen. */
export const LISTING_COMPLIANCE_CHECK: Journey = {
  oneThing: 'listing-compliance-check',
  guide: {
    covers: t(
      '企业上市（挂牌）前一次申请，由政务服务部门统一受理、分派到各领域主管部门核查，汇总出具无违法违规证明；各部门核查结果在“办件查询”里看到。',
      'Before a listing, one request: the government service office takes it, sends it to each regulator, and returns one set of certificates of no violations; each department’s finding appears under Check my applications.',
    ),
    eligibility: [
      t('拟首次公开发行上市、再融资或在新三板挂牌的企业，由法定代表人或其委托的经办人申请。', 'An enterprise preparing an IPO, a refinancing or a NEEQ listing, through the legal representative or an agent.'),
      t('核查期间一般为申请前三年（最长三年六个月）。', 'The period checked is usually the three years before the request (at most three and a half).'),
    ],
    timeLimit: t('一般10个工作日内汇总送达全部核查结果。', 'All findings are usually returned within 10 working days.'),
    where: businessWhere(),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      choice('scope', '需要核查哪些领域？', 'Which fields should be checked?', [
        ['all', '全部18个领域', 'All 18 fields'],
        ['standard', '通用领域，再加本企业所在行业', 'The common fields plus the enterprise’s own sector'],
      ], { hint: t('不确定的请选“全部”，保荐机构一般要求全部领域。', 'If unsure choose “all”; sponsors usually ask for every field.') }),
      choice('sector', '企业主要属于哪个行业？', 'Which sector is the enterprise mainly in?', [
        ['manufacturing', '制造业（取用水较多）', 'Manufacturing (heavy water use)'],
        ['construction', '房地产、工程建设', 'Real estate, construction'],
        ['transport', '交通运输、物流', 'Transport, logistics'],
        ['technology', '科技研发（高新技术企业）', 'Research and technology (high-tech enterprise)'],
        ['cultureTourism', '文化旅游', 'Culture and tourism'],
        ['healthcare', '医疗卫生、食品', 'Healthcare, food'],
        ['telecom', '电信、互联网', 'Telecom, internet'],
        ['other', '其他行业', 'Another sector'],
      ], { askIf: { question: 'scope', equals: 'standard' } }),
    ],
    subItemRules: codes('15', 18).map((code) => ({ subItem: code, when: rule(code) })),
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'purpose', label: t('核查用途', 'Purpose of the check'), type: 'choice', required: true, options: [
        { value: 'ipo', label: t('首次公开发行股票并上市', 'Initial public offering') },
        { value: 'refinancing', label: t('上市公司再融资', 'Refinancing of a listed company') },
        { value: 'neeq', label: t('新三板挂牌', 'NEEQ listing') },
      ] },
      { id: 'periodStart', label: t('核查期间起始日', 'Start of the period checked'), type: 'date', required: true, notBefore: { today: true, offsetDays: -(365 * 3 + 183) }, notAfter: { today: true, offsetDays: -30 } },
      { id: 'periodEnd', label: t('核查期间截止日', 'End of the period checked'), type: 'date', required: true, notBefore: { field: 'periodStart' }, notAfter: { today: true } },
      { id: 'subsidiaries', label: t('一并核查的省内子公司（名称和统一社会信用代码，可不填）', 'Subsidiaries in the province to check too (name and code, optional)'), type: 'text', required: false, maxLength: 300 },
      { id: 'sponsor', label: t('保荐机构（主办券商）', 'Sponsor (lead broker)'), type: 'text', required: true, maxLength: 60 },
    ],
    materials: [
      businessLicence(['15-01']),
      { id: 'checkRequest', name: t('企业上市合法合规信息核查申请表（加盖公章）', 'Request form for the compliance check, stamped'), forSubItems: ['15-01'], commitmentAllowed: false, capturable: true },
      { id: 'tutoringFiling', name: t('证监局辅导备案材料或券商出具的上市辅导证明', 'Tutoring filing with the securities regulator, or the broker’s letter'), forSubItems: ['15-01'], commitmentAllowed: true, capturable: true },
      authorisation(['15-01']),
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole', scope: 'scope' } },
  },
};
