import type { Journey } from '../schema';
import { APPLICANT_FIELDS, kioskWhere, t, yesNo } from './common';

/** 公民婚育 (annex 1 no. 6): one of the couple applies. */
export const MARRIAGE_AND_CHILDBEARING: Journey = {
  oneThing: 'marriage-and-childbearing',
  guide: {
    covers: t(
      '结婚和生育一次申请：结婚登记预约、户口簿婚姻状况变更、婚后户口迁移和生育登记。',
      'Marriage and childbearing in one application: booking the marriage registration, updating marital status in the household register, moving a household registration after marriage, and registering a pregnancy.',
    ),
    eligibility: [
      t('男女双方为内地居民，符合法定婚龄（男22周岁、女20周岁）。', 'Both are mainland residents of legal marriage age (men 22, women 20).'),
      t('结婚登记须双方本人带身份证、户口簿到婚姻登记机关当场办理；自助机完成预约和预填。', 'Both must appear in person at the marriage registry; the kiosk books the appointment and fills in the forms.'),
    ],
    timeLimit: t('结婚登记当场办结；户口变更、迁移一般5个工作日内办结；生育登记即时办结。', 'Marriage registration on the spot; household-register changes within 5 working days; pregnancy registration immediately.'),
    where: kioskWhere(t('婚姻登记处或“高效办成一件事”综合窗口', 'the marriage registry or the “one thing done” window')),
  },
  wired: {
    questions: [
      yesNo('registerMarriage', '是否要预约办理结婚登记？', 'Book a marriage registration?', {
        hint: t('已经领了结婚证的，请选“否”。', 'Choose “no” if you already have a marriage certificate.'),
      }),
      yesNo('updateMaritalStatus', '是否要把户口簿上的婚姻状况改为“已婚”？', 'Update your marital status in the household register to “married”?'),
      yesNo('moveHukou', '是否有一方要把户口迁到配偶户口所在地？', 'Will one of you move their household registration to the spouse’s?'),
      yesNo('registerPregnancy', '是否要办理生育登记？', 'Register a pregnancy or a planned birth?'),
    ],
    subItemRules: [
      { subItem: '06-01', when: { question: 'registerMarriage', equals: true } },
      { subItem: '06-02', when: { question: 'updateMaritalStatus', equals: true } },
      { subItem: '06-03', when: { question: 'moveHukou', equals: true } },
      { subItem: '06-04', when: { question: 'registerPregnancy', equals: true } },
    ],
    parties: [
      // Marriage registration and the household-register changes need both of the couple: the other swipes their own card and consents.
      { id: 'spouse', label: t('配偶（对方）', 'Your spouse (partner)'), presence: 'required' },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'birthDate', label: t('出生日期', 'Date of birth'), type: 'date', fromCard: 'birthDate', required: true, notAfter: { today: true } },
      { id: 'spouseName', label: t('配偶（对方）姓名', 'Spouse’s (partner’s) name'), type: 'name', fromParty: 'spouse', fromCard: 'name', required: true, maxLength: 20 },
      { id: 'spouseIdNumber', label: t('配偶（对方）身份证号码', 'Spouse’s (partner’s) ID number'), type: 'id-number', fromParty: 'spouse', fromCard: 'idNumber', required: true },
      {
        id: 'appointmentDate',
        label: t('预约登记日期', 'Appointment date'),
        type: 'date',
        required: true,
        forSubItems: ['06-01'],
        notBefore: { today: true, offsetDays: 1 },
        notAfter: { today: true, offsetDays: 30 },
      },
      {
        id: 'marriageDate',
        label: t('结婚登记日期', 'Date of marriage registration'),
        type: 'date',
        required: true,
        askIf: { question: 'registerMarriage', equals: false },
        forSubItems: ['06-02', '06-03', '06-04'],
        notAfter: { today: true },
      },
      { id: 'moveFrom', label: t('迁出地址（现户口所在地）', 'Moving from (current registration)'), type: 'address', required: true, maxLength: 100, forSubItems: ['06-03'] },
      { id: 'moveTo', label: t('迁入地址（配偶户口所在地）', 'Moving to (spouse’s registration)'), type: 'address', required: true, maxLength: 100, forSubItems: ['06-03'] },
      { id: 'childOrder', label: t('这是第几个孩子', 'Which child is this (1st, 2nd…)'), type: 'integer', required: true, min: 1, max: 10, forSubItems: ['06-04'] },
      { id: 'expectedDueDate', label: t('预产期（可不填）', 'Expected due date (optional)'), type: 'date', required: false, forSubItems: ['06-04'], notBefore: { today: true }, notAfter: { today: true, offsetDays: 300 } },
    ],
    materials: [
      { id: 'marriageCertificate', name: t('结婚证', 'Marriage certificate'), forSubItems: ['06-02', '06-03', '06-04'], exemptedBy: 19, commitmentAllowed: false, capturable: true, askIf: { question: 'registerMarriage', equals: false } },
      { id: 'householdRegister', name: t('本人居民户口簿', 'Your household register booklet'), forSubItems: ['06-01', '06-02', '06-03'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'spouseHouseholdRegister', name: t('配偶的居民户口簿', 'Spouse’s household register booklet'), forSubItems: ['06-03'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'couplePhoto', name: t('双方近期半身免冠合影照片', 'Recent joint photo of the couple'), forSubItems: ['06-01'], commitmentAllowed: true, capturable: true },
    ],
    hallVisits: [
      {
        subItem: '06-01',
        why: t('结婚登记须双方本人到婚姻登记处现场签字、拍照。', 'Both of you sign and are photographed in person at the marriage registry.'),
      },
    ],
    payload: { phoneField: 'mobile' },
  },
};
