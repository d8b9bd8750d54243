import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessWhere, choice, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t } from './common';

const RECORD = (k: string) => ({ question: 'recordKind', equals: k }) as const;

/** 信用修复 (annex 1 no. 14): a check service — the result comes back on the progress screen. */
export const CREDIT_REPAIR: Journey = {
  oneThing: 'credit-repair',
  guide: {
    covers: t(
      '企业失信信息信用修复一次申请：按“信用中国”修复指引，办理行政处罚信息、经营异常名录信息或严重失信主体名单信息的修复；结果在“办件查询”里看到。',
      'Credit repair for an enterprise in one application, following the Credit China guidance: repairing an administrative penalty record, the list of abnormal operations, or the list of seriously dishonest entities; the result appears under Check my applications.',
    ),
    eligibility: [
      t('企业法定代表人或其委托的经办人。', 'The legal representative or an agent it authorises.'),
      t('已履行行政处罚或整改义务；行政处罚信息一般须公示满最短公示期（一般3个月）后才能修复。', 'The penalty or correction has been carried out; a penalty record can usually be repaired only after the shortest publication period (usually 3 months).'),
    ],
    timeLimit: t('一般5个工作日内作出修复决定，“信用中国”网站3个工作日内同步。', 'A decision usually within 5 working days; Credit China follows within 3 working days.'),
    where: businessWhere(t('信用服务窗口', 'the credit services window')),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      choice('recordKind', '要修复哪一类失信信息？', 'Which record do you want repaired?', [
        ['penalty', '行政处罚信息', 'An administrative penalty'],
        ['abnormal', '列入经营异常名录', 'Listed for abnormal operations'],
        ['seriouslyDishonest', '列入严重失信主体名单', 'Listed as a seriously dishonest entity'],
      ], { hint: t('多条记录的，请逐条申请。', 'Apply once per record.') }),
      choice('abnormalReason', '因为什么被列入经营异常名录？', 'Why was the enterprise listed?', [
        ['annualReport', '未按时报送年度报告', 'Annual report not filed on time'],
        ['unreachable', '通过登记的住所无法联系', 'Could not be reached at the registered address'],
        ['disclosure', '未按规定公示信息或公示信息隐瞒真实情况', 'Information not published, or published untruthfully'],
      ], { askIf: RECORD('abnormal') }),
    ],
    subItemRules: [
      { subItem: '14-01', when: { always: true } },
      { subItem: '14-02', when: RECORD('penalty') },
      { subItem: '14-03', when: RECORD('abnormal') },
      { subItem: '14-04', when: RECORD('seriouslyDishonest') },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'decisionNumber', label: t('行政处罚决定书文号', 'Number of the penalty decision'), type: 'text', required: true, maxLength: 60, forSubItems: ['14-02'] },
      { id: 'penaltyAuthority', label: t('作出处罚的机关', 'Authority that imposed it'), type: 'text', required: true, maxLength: 60, forSubItems: ['14-02'] },
      { id: 'decisionDate', label: t('处罚决定日期', 'Date of the decision'), type: 'date', required: true, notAfter: { today: true, offsetDays: -90 }, forSubItems: ['14-02'] },
      { id: 'listName', label: t('名单名称和设列部门', 'Name of the list and the department that keeps it'), type: 'text', required: true, maxLength: 100, forSubItems: ['14-04'] },
      { id: 'correctionStatement', label: t('履行义务和整改情况说明', 'What you have done to comply and correct'), type: 'text', required: true, maxLength: 300 },
    ],
    materials: [
      { id: 'performanceProof', name: t('已履行行政处罚决定的证明（罚没款缴纳凭证等）', 'Proof the penalty was carried out (receipt of the fine paid and so on)'), forSubItems: ['14-02'], commitmentAllowed: false, capturable: true },
      { id: 'annualReportProof', name: t('补报年度报告或更正公示信息的证明', 'Proof the annual report was filed or the published information corrected'), forSubItems: ['14-03'], commitmentAllowed: false, capturable: true, askIf: { question: 'abnormalReason', oneOf: ['annualReport', 'disclosure'] } },
      { id: 'premisesProof', name: t('住所（经营场所）使用证明', 'Proof of the right to use the registered address'), forSubItems: ['14-03'], exemptedBy: 129, commitmentAllowed: false, capturable: true, askIf: { question: 'abnormalReason', equals: 'unreachable' } },
      { id: 'rectificationReport', name: t('整改报告和有关部门的整改验收意见', 'Correction report and the department’s acceptance of it'), forSubItems: ['14-04'], commitmentAllowed: false, capturable: true },
      { id: 'creditCommitment', name: t('信用修复承诺书', 'Credit repair commitment letter'), forSubItems: ['14-01'], commitmentAllowed: false, capturable: true },
      authorisation(codes('14', 4)),
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole', recordKind: 'recordKind', abnormalReason: 'abnormalReason' } },
  },
};
