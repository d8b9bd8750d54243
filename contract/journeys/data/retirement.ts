import type { Journey } from '../schema';
import { APPLICANT_FIELDS, kioskWhere, t, yesNo } from './common';

/** 退休 (annex 1 no. 22): the insured person applies for themself. */
export const RETIREMENT: Journey = {
  oneThing: 'retirement',
  guide: {
    covers: t(
      '退休时一次申请：养老保险待遇资格确认和待遇核定发放、视同缴费年限认定、提前退休核准、医保视同缴费年限核定、退休提取住房公积金、城镇独生子女父母奖励金和户籍信息确认。',
      'One application at retirement: pension eligibility and payment, deemed contribution years, early-retirement approval, medical-insurance deemed years, housing-fund withdrawal, the urban one-child parents’ reward and household-register confirmation.',
    ),
    eligibility: [
      t('参加职工基本养老保险、达到法定退休年龄的本人。', 'Insured employees who have reached the statutory retirement age.'),
      t('从事特殊工种或因病、非因工致残完全丧失劳动能力的，可申请提前退休。', 'Early retirement for special (hazardous) jobs, or for complete loss of working ability through illness or non-work injury.'),
    ],
    timeLimit: t('材料齐全的，一般15个工作日内核定待遇，次月起发放。', 'Usually assessed within 15 working days; the pension is paid from the following month.'),
    where: kioskWhere(),
  },
  wired: {
    questions: [
      {
        id: 'retirementKind',
        kind: 'choice',
        text: t('您属于哪种退休？', 'Which kind of retirement?'),
        options: [
          { value: 'statutory', label: t('达到法定退休年龄', 'Statutory retirement age reached') },
          { value: 'specialJob', label: t('特殊工种提前退休', 'Early retirement for a special job') },
          { value: 'illness', label: t('因病或非因工致残提前退休（退职）', 'Early retirement for illness or non-work disability') },
        ],
      },
      yesNo('deemedYears', '是否有需要认定的视同缴费年限（如参保前的连续工龄、军龄）？', 'Do you have years to be counted as contributions (e.g. service before insurance began, military service)?'),
      yesNo('housingFund', '是否要提取住房公积金？', 'Withdraw your housing fund?'),
      yesNo('oneChildParent', '您是否为城镇独生子女父母（持有独生子女父母光荣证）？', 'Are you an urban parent of an only child (with the certificate)?'),
    ],
    subItemRules: [
      { subItem: '22-01', when: { question: 'retirementKind', equals: 'statutory' } },
      { subItem: '22-02', when: { question: 'deemedYears', equals: true } },
      { subItem: '22-03', when: { question: 'retirementKind', equals: 'specialJob' } },
      { subItem: '22-04', when: { question: 'retirementKind', equals: 'illness' } },
      { subItem: '22-05', when: { always: true } },
      { subItem: '22-06', when: { question: 'deemedYears', equals: true } },
      { subItem: '22-07', when: { question: 'housingFund', equals: true } },
      { subItem: '22-08', when: { question: 'oneChildParent', equals: true } },
      { subItem: '22-09', when: { always: true } },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'birthDate', label: t('出生日期', 'Date of birth'), type: 'date', fromCard: 'birthDate', required: true, notAfter: { today: true } },
      { id: 'employer', label: t('最后工作单位', 'Last employer'), type: 'text', required: true, maxLength: 60 },
      {
        id: 'retirementDate',
        label: t('退休日期', 'Retirement date'),
        type: 'date',
        required: true,
        notBefore: { field: 'birthDate' },
        notAfter: { today: true, offsetDays: 180 },
      },
      { id: 'pensionBank', label: t('养老金发放银行账号（社保卡金融账户）', 'Bank account for the pension (social security card)'), type: 'bank-account', required: true },
      { id: 'specialJobYears', label: t('从事特殊工种的年数', 'Years in the special job'), type: 'integer', required: true, min: 1, max: 50, forSubItems: ['22-03'] },
      { id: 'housingFundAccount', label: t('住房公积金个人账号', 'Housing fund account number'), type: 'text', required: true, maxLength: 30, forSubItems: ['22-07'] },
      { id: 'oneChildCertificateNumber', label: t('独生子女父母光荣证编号', 'One-child parent certificate number'), type: 'text', required: true, maxLength: 30, forSubItems: ['22-08'] },
    ],
    materials: [
      { id: 'personnelFile', name: t('本人人事档案（由单位或档案保管机构报送）', 'Personnel file (sent by the employer or file keeper)'), forSubItems: ['22-01', '22-02', '22-03'], commitmentAllowed: true, capturable: false },
      { id: 'specialJobProof', name: t('特殊工种工作经历证明', 'Proof of work in the special job'), forSubItems: ['22-03'], commitmentAllowed: false, capturable: true },
      { id: 'workAbilityAppraisal', name: t('劳动能力鉴定结论书', 'Work-ability appraisal'), forSubItems: ['22-04'], commitmentAllowed: false, capturable: true },
      { id: 'oneChildCertificate', name: t('独生子女父母光荣证', 'One-child parent certificate'), forSubItems: ['22-08'], commitmentAllowed: true, capturable: true },
      { id: 'householdRegister', name: t('居民户口簿', 'Household register booklet'), forSubItems: ['22-09'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
    ],
    payload: { phoneField: 'mobile', answerKeys: { retirementKind: 'retirementKind' } },
  },
};
