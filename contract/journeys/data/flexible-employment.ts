import type { Journey } from '../schema';
import { APPLICANT_FIELDS, kioskWhere, t, yesNo } from './common';

/** 灵活就业 (annex 1 no. 5): a self-employed or gig worker applies for themself. */
export const FLEXIBLE_EMPLOYMENT: Journey = {
  oneThing: 'flexible-employment',
  guide: {
    covers: t(
      '灵活就业人员一次申请：就业登记、人事档案接收转递、社会保险登记、医保参保或变更登记和社会保险费申报。',
      'For the self-employed and gig workers, one application covers employment registration, transfer of the personnel file, social insurance registration, medical insurance enrolment or change, and contribution declaration.',
    ),
    eligibility: [
      t('法定劳动年龄内、以个体经营、非全日制、新就业形态等方式灵活就业的人员。', 'People of working age working flexibly: self-employed, part-time, or through online platforms.'),
    ],
    timeLimit: t('就业登记和参保登记一般即时办结，档案转递一般10个工作日内完成。', 'Registrations are usually immediate; a file transfer takes up to 10 working days.'),
    where: kioskWhere(),
  },
  wired: {
    questions: [
      yesNo('transferFile', '是否要把人事档案转到本地人才服务机构保管？', 'Move your personnel file to the local talent service centre?'),
      yesNo('pension', '是否以灵活就业人员身份参加职工养老保险？', 'Join the employee pension scheme as a flexible worker?'),
      yesNo('medical', '是否参加职工医疗保险（或变更参保身份）？', 'Join (or change to) employee medical insurance?'),
    ],
    subItemRules: [
      { subItem: '05-01', when: { always: true } },
      { subItem: '05-02', when: { question: 'transferFile', equals: true } },
      { subItem: '05-03', when: { question: 'pension', equals: true } },
      { subItem: '05-04', when: { question: 'medical', equals: true } },
      { subItem: '05-05', when: { any: [{ question: 'pension', equals: true }, { question: 'medical', equals: true }] } },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'birthDate', label: t('出生日期', 'Date of birth'), type: 'date', fromCard: 'birthDate', required: true, notAfter: { today: true } },
      { id: 'nation', label: t('民族', 'Ethnic group'), type: 'nation', fromCard: 'nation', required: false },
      {
        id: 'workKind',
        label: t('就业方式', 'Kind of work'),
        type: 'choice',
        required: true,
        options: [
          { value: 'selfEmployed', label: t('个体经营', 'Self-employed') },
          { value: 'partTime', label: t('非全日制', 'Part-time') },
          { value: 'platform', label: t('新就业形态（网约配送、网约车等）', 'Platform work (delivery, ride-hailing…)') },
          { value: 'other', label: t('其他灵活就业', 'Other flexible work') },
        ],
      },
      { id: 'workStartDate', label: t('开始灵活就业日期', 'Start date of this work'), type: 'date', required: true, notAfter: { today: true }, notBefore: { field: 'birthDate' } },
      { id: 'workAddress', label: t('从业地点', 'Where you work'), type: 'address', required: true, maxLength: 100 },
      { id: 'fileLocation', label: t('档案现在存放单位', 'Where your file is kept now'), type: 'text', required: true, maxLength: 60, forSubItems: ['05-02'] },
      {
        id: 'contributionBase',
        label: t('缴费档次（占全省平均工资）', 'Contribution level (share of the provincial average wage)'),
        type: 'choice',
        required: true,
        forSubItems: ['05-05'],
        options: [
          { value: 'p60', label: t('60%', '60%') },
          { value: 'p100', label: t('100%', '100%') },
          { value: 'p200', label: t('200%', '200%') },
          { value: 'p300', label: t('300%', '300%') },
        ],
      },
    ],
    materials: [
      { id: 'workStatement', name: t('灵活就业情况说明（可签署承诺）', 'Statement of your flexible work (a signed commitment is accepted)'), forSubItems: ['05-01'], commitmentAllowed: true, capturable: true },
      { id: 'employmentCard', name: t('就业创业证（已有的）', 'Employment and entrepreneurship card (if you have one)'), forSubItems: ['05-01'], exemptedBy: 39, commitmentAllowed: true, capturable: true },
      { id: 'fileTransferLetter', name: t('调档函或档案转递通知', 'File transfer letter'), forSubItems: ['05-02'], commitmentAllowed: true, capturable: true },
    ],
    payload: { phoneField: 'mobile' },
  },
};
