import type { Journey } from '../schema';
import { APPLICANT_FIELDS, GENDER_OPTIONS, kioskWhere, t, yesNo } from './common';

/** 新生儿出生 (annex 1 no. 18): a parent applies for the baby. */
export const NEWBORN: Journey = {
  oneThing: 'newborn',
  guide: {
    covers: t(
      '孩子出生后，一次申请办理出生医学证明、预防接种证、出生户口登记、社会保障卡、生育医疗费用报销、居民医保参保和科学育儿指导服务登记。',
      'After a birth, one application covers the birth certificate, vaccination record, birth registration in the household register, social security card, reimbursement of childbirth costs, residents’ medical insurance and parenting guidance.',
    ),
    eligibility: [
      t('孩子的父亲或母亲本人持身份证申请。', 'The mother or father applies with their own ID card.'),
      t('在本市申报出生户口的，孩子应未满1周岁、父母为婚内生育且一方为本市户籍。', 'Birth registration here: the child is under one, born in wedlock, and one parent is registered here.'),
    ],
    timeLimit: t('材料齐全的，一般5个工作日内办结，各事项以部门承诺时限为准。', 'Usually done within 5 working days when materials are complete; each department’s own time limit applies.'),
    where: kioskWhere(),
  },
  wired: {
    questions: [
      yesNo('registerHukou', '是否要为孩子在本市申报出生户口？', 'Register the birth in the household register here?'),
      yesNo('hukouEligible', '孩子是否未满1周岁、为婚内生育，且父母一方是本市户籍？', 'Is the child under one, born in wedlock, with one parent registered here?', {
        askIf: { question: 'registerHukou', equals: true },
        hint: t('不符合的，请到户籍窗口办理。', 'If not, register the birth at the household register window.'),
      }),
      yesNo('socialCard', '是否为孩子申领社会保障卡？', 'Apply for a social security card for the child?'),
      yesNo('medicalInsurance', '是否为孩子办理城乡居民医保参保？', 'Enrol the child in residents’ medical insurance?'),
      yesNo('maternityReimbursement', '母亲是否参加了生育保险，需要报销生育医疗费用？', 'Does the mother have maternity insurance and want childbirth costs reimbursed?'),
      yesNo('parentingGuidance', '是否登记科学育儿指导服务（免费育儿指导）？', 'Sign up for free parenting guidance?'),
    ],
    subItemRules: [
      { subItem: '18-01', when: { always: true } },
      { subItem: '18-02', when: { always: true } },
      { subItem: '18-03', when: { all: [{ question: 'registerHukou', equals: true }, { question: 'hukouEligible', equals: true }] } },
      { subItem: '18-04', when: { question: 'socialCard', equals: true } },
      { subItem: '18-05', when: { question: 'maternityReimbursement', equals: true } },
      { subItem: '18-06', when: { question: 'medicalInsurance', equals: true } },
      { subItem: '18-07', when: { question: 'parentingGuidance', equals: true } },
    ],
    parties: [
      // The other parent may swipe their own card and consent here; if they are not present their name and number are typed.
      { id: 'otherParent', label: t('孩子的另一位家长', 'The child’s other parent'), presence: 'optional' },
    ],
    form: [
      ...APPLICANT_FIELDS,
      {
        id: 'relationship',
        label: t('您是孩子的', 'You are the child’s'),
        type: 'choice',
        required: true,
        options: [
          { value: 'mother', label: t('母亲', 'Mother') },
          { value: 'father', label: t('父亲', 'Father') },
        ],
      },
      { id: 'childName', label: t('孩子姓名', 'Child’s name'), type: 'name', required: true, maxLength: 20 },
      { id: 'childGender', label: t('孩子性别', 'Child’s gender'), type: 'gender', required: true, options: GENDER_OPTIONS },
      {
        id: 'childBirthDate',
        label: t('孩子出生日期', 'Child’s date of birth'),
        type: 'date',
        required: true,
        notAfter: { today: true },
        notBefore: { today: true, offsetDays: -365 * 6 },
        // 本市户口登记(申报出生登记) is for a child under one: the answer and the date must agree.
        boundsIf: [{ when: { all: [{ question: 'registerHukou', equals: true }, { question: 'hukouEligible', equals: true }] }, notBefore: { today: true, offsetDays: -365 } }],
      },
      { id: 'birthPlace', label: t('出生医院（出生地点）', 'Hospital (place of birth)'), type: 'text', required: true, maxLength: 60 },
      { id: 'otherParentName', label: t('孩子另一位家长姓名', 'Other parent’s name'), type: 'name', fromParty: 'otherParent', fromCard: 'name', required: true, maxLength: 20 },
      { id: 'otherParentIdNumber', label: t('另一位家长身份证号码', 'Other parent’s ID number'), type: 'id-number', fromParty: 'otherParent', fromCard: 'idNumber', required: true },
      { id: 'reimbursementAccount', label: t('报销款收款银行账号', 'Bank account for the reimbursement'), type: 'bank-account', required: true, forSubItems: ['18-05'] },
    ],
    materials: [
      { id: 'birthMedicalCertificate', name: t('出生医学证明', 'Birth medical certificate'), forSubItems: ['18-03', '18-04', '18-06'], exemptedBy: 80, commitmentAllowed: false, capturable: true },
      { id: 'householdRegister', name: t('居民户口簿', 'Household register booklet'), forSubItems: ['18-03'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'marriageCertificate', name: t('父母结婚证', 'Parents’ marriage certificate'), forSubItems: ['18-03'], exemptedBy: 19, commitmentAllowed: true, capturable: true },
      { id: 'childPhoto', name: t('孩子近期免冠照片', 'Recent photo of the child'), forSubItems: ['18-04'], commitmentAllowed: true, capturable: true },
      { id: 'medicalInvoices', name: t('生育医疗费用票据和出院小结', 'Childbirth medical bills and discharge summary'), forSubItems: ['18-05'], commitmentAllowed: true, capturable: true },
    ],
    payload: { phoneField: 'mobile', answerKeys: { registerHukou: 'registerHukou' } },
  },
};
