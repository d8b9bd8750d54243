import type { Journey } from '../schema';
import { APPLICANT_FIELDS, choice, kioskWhere, t, yesNo } from './common';

const ALLOWANCES = ['25-05', '25-06'] as const;

/** 个人养老服务 (annex 1 no. 25): an older resident applies for the services and allowances that fit. */
export const ELDERLY_CARE: Journey = {
  oneThing: 'elderly-care',
  guide: {
    covers: t(
      '老年人一次申请：养老保险待遇资格认证，老年人健康管理，能力综合评估，高龄津贴、护理补贴，家庭养老支持服务，特困老人供养和计划生育特殊家庭老人优先入住公办养老机构。',
      'For older residents in one application: pension entitlement checks, health management, a care-needs assessment, the old-age and nursing-care allowances, support for care at home, support for older people in extreme hardship, and priority places in public care homes for families who lost their only child.',
    ),
    eligibility: [
      t('60周岁以上老年人本人持身份证申请；行动不便的可由家属陪同。', 'Residents aged 60 or over, with their own ID card; family may come along to help.'),
      t('高龄津贴：年满80周岁的本地户籍老人；护理补贴：经评估为失能、半失能的经济困难老人。', 'Old-age allowance: registered here and aged 80 or over; nursing-care allowance: assessed as needing care and on a low income.'),
    ],
    timeLimit: t('能力评估一般15个工作日内上门完成；津贴、补贴审核通过后次月发放。', 'The assessment is usually done at home within 15 working days; allowances are paid from the month after approval.'),
    where: kioskWhere(t('乡镇（街道）便民服务中心或“高效办成一件事”综合窗口', 'the township (street) service centre or the “one thing done” combined window')),
  },
  wired: {
    questions: [
      choice('pension', '您参加的是哪种养老保险？', 'Which pension insurance do you have?', [
        ['employee', '职工基本养老保险（退休人员）', 'Employee basic pension (retired)'],
        ['resident', '城乡居民基本养老保险', 'Residents’ basic pension'],
        ['none', '没有或不需要办理', 'None, or nothing to do'],
      ], { hint: t('办理待遇领取资格认证和待遇查询。', 'For the entitlement check and pension enquiries.') }),
      yesNo('healthManagement', '是否登记老年人健康管理（每年免费体检和健康指导）？', 'Sign up for health management (a free yearly check-up and health advice)?'),
      yesNo('needsCare', '日常生活是否需要别人照料，想申请能力综合评估？', 'Do you need help with daily life and want a care-needs assessment?', {
        hint: t('评估结果用于护理补贴、家庭养老床位和入住养老机构。', 'The result is used for the nursing-care allowance, care at home and care-home places.'),
      }),
      yesNo('lowIncome', '您是否为低保、低收入家庭的老年人？', 'Are you from a family on subsistence allowance or a low income?', { askIf: { question: 'needsCare', equals: true } }),
      yesNo('over80', '您是否年满80周岁？', 'Are you 80 or older?'),
      yesNo('homeSupport', '是否需要家庭养老支持服务（上门照护、适老化改造、家庭养老床位）？', 'Do you want support for care at home (home visits, home adaptations, a home care bed)?'),
      choice('specialSituation', '您是否属于以下情况？', 'Does one of these apply to you?', [
        ['extremeHardship', '特困人员（无劳动能力、无生活来源、无赡养人）', 'Extreme hardship (unable to work, no income, no one to support you)'],
        ['lostOnlyChild', '计划生育特殊家庭（独生子女伤残或死亡）', 'Family-planning special family (only child disabled or deceased)'],
        ['none', '都不是', 'Neither'],
      ]),
    ],
    subItemRules: [
      { subItem: '25-01', when: { question: 'pension', equals: 'employee' } },
      { subItem: '25-02', when: { question: 'pension', equals: 'resident' } },
      { subItem: '25-03', when: { question: 'healthManagement', equals: true } },
      { subItem: '25-04', when: { question: 'needsCare', equals: true } },
      { subItem: '25-05', when: { question: 'over80', equals: true } },
      { subItem: '25-06', when: { all: [{ question: 'needsCare', equals: true }, { question: 'lowIncome', equals: true }] } },
      { subItem: '25-07', when: { question: 'homeSupport', equals: true } },
      { subItem: '25-08', when: { question: 'specialSituation', equals: 'extremeHardship' } },
      { subItem: '25-09', when: { question: 'specialSituation', equals: 'lostOnlyChild' } },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'birthDate', label: t('出生日期', 'Date of birth'), type: 'date', fromCard: 'birthDate', required: true, notAfter: { today: true, offsetDays: -365 * 60 } },
      { id: 'livingArrangement', label: t('居住情况', 'Living arrangement'), type: 'choice', required: true, options: [
        { value: 'alone', label: t('独居', 'Living alone') },
        { value: 'withSpouse', label: t('与配偶同住', 'With spouse') },
        { value: 'withFamily', label: t('与子女或其他亲属同住', 'With children or other relatives') },
      ] },
      { id: 'contactName', label: t('紧急联系人姓名', 'Emergency contact’s name'), type: 'name', required: true, maxLength: 20 },
      { id: 'contactMobile', label: t('紧急联系人手机号码', 'Emergency contact’s mobile number'), type: 'mobile', required: true },
      { id: 'allowanceAccount', label: t('津贴补贴收款银行账号（本人）', 'Bank account for allowances (your own)'), type: 'bank-account', required: true, forSubItems: ALLOWANCES },
      { id: 'careHomePreference', label: t('意向公办养老机构（可不填）', 'Preferred public care home (optional)'), type: 'text', required: false, maxLength: 40, forSubItems: ['25-09'] },
    ],
    materials: [
      { id: 'householdRegister', name: t('居民户口簿', 'Household register booklet'), forSubItems: ['25-05', '25-08', '25-09'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'incomeStatement', name: t('家庭收入和财产状况说明', 'Statement of family income and assets'), forSubItems: ['25-06', '25-08'], commitmentAllowed: true, capturable: true },
      { id: 'specialFamilyProof', name: t('计划生育特殊家庭扶助证明（独生子女死亡或伤残证明）', 'Proof of family-planning special family support'), forSubItems: ['25-09'], commitmentAllowed: false, capturable: true },
      { id: 'disabilityCertificate', name: t('残疾人证（持有的）', 'Disability certificate (if you have one)'), forSubItems: ['25-04'], exemptedBy: 142, commitmentAllowed: true, capturable: true },
    ],
    payload: { phoneField: 'mobile', answerKeys: { specialSituation: 'specialSituation' } },
  },
};
