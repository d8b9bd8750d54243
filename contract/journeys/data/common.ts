import type { Field, Guide, MaterialDef, Party, Question, Text, WiredJourney } from '../schema';

/** Shared building blocks so each journey file reads as the policy does. */

export const t = (zh: string, en: string): Text => ({ zh, en });

export const yesNo = (id: string, zh: string, en: string, extra: Partial<Question> = {}): Question => ({
  id,
  text: t(zh, en),
  kind: 'yes-no',
  ...extra,
});

export const COUNTY_HALL = t('户籍所在地或居住地的县（市、区）政务服务中心', 'the county (city, district) government service centre where you live or are registered');
export const ONE_THING_WINDOW = t('“高效办成一件事”综合窗口', 'the “one thing done” combined window');
export const BOOK = t('拨打12345政务服务便民热线，或在“三晋通”App预约', 'call the 12345 hotline or book in the Sanjintong app');
export const ENTERPRISE_WINDOW = t('企业服务综合窗口', 'the enterprise services window');

/** Where a wired journey can also be done in person. */
export function kioskWhere(window: Text = ONE_THING_WINDOW): Guide['where'] {
  return { channel: 'kiosk', hall: COUNTY_HALL, window, appointment: BOOK };
}

export function hallWhere(hall: Text = COUNTY_HALL, window: Text = ONE_THING_WINDOW): Guide['where'] {
  return { channel: 'hall', hall, window, appointment: BOOK };
}

/** The applicant's own card fields, filled from the card and never retyped. */
export const APPLICANT_FIELDS: readonly Field[] = [
  { id: 'applicantName', label: t('申请人姓名', 'Applicant name'), type: 'name', fromCard: 'name', required: true },
  { id: 'applicantIdNumber', label: t('申请人身份证号码', 'Applicant ID number'), type: 'id-number', fromCard: 'idNumber', required: true },
  {
    id: 'applicantGender',
    label: t('性别', 'Gender'),
    type: 'gender',
    fromCard: 'gender',
    required: true,
    options: [
      { value: 'male', label: t('男', 'Male') },
      { value: 'female', label: t('女', 'Female') },
    ],
  },
  { id: 'applicantAddress', label: t('住址', 'Address'), type: 'address', fromCard: 'address', required: true, maxLength: 100 },
  { id: 'mobile', label: t('手机号码', 'Mobile number'), type: 'mobile', required: true },
];

export const GENDER_OPTIONS = [
  { value: 'male', label: t('男', 'Male') },
  { value: 'female', label: t('女', 'Female') },
] as const;

// ——— Business 一件事: who is at the kiosk, the enterprise, the agent's authorisation ———

/** The business applicant says whether they are the legal representative or an agent (经办人). */
export const ROLE_QUESTION: Question = {
  id: 'applicantRole',
  kind: 'choice',
  text: t('您是企业的法定代表人，还是受企业委托的经办人？', 'Are you the legal representative of the enterprise, or an agent it has authorised?'),
  hint: t('经办人办理的，需要法定代表人在本机刷身份证确认，或提供授权委托书。', 'An agent needs the legal representative to swipe their ID card here and confirm, or a letter of authorisation.'),
  options: [
    { value: 'legalRepresentative', label: t('我是法定代表人（负责人）', 'I am the legal representative (person in charge)') },
    { value: 'agent', label: t('我是受委托的经办人', 'I am an authorised agent') },
  ],
};

export const AGENT = { question: 'applicantRole', equals: 'agent' } as const;

/** The enterprise, named by its unified social credit code and filled from the registry when online. */
export const ENTERPRISE_FIELDS: readonly Field[] = [
  { id: 'uscc', label: t('统一社会信用代码', 'Unified social credit code'), type: 'uscc', fromEnterprise: 'uscc', required: true },
  { id: 'enterpriseName', label: t('企业名称', 'Enterprise name'), type: 'text', fromEnterprise: 'name', required: true, maxLength: 60 },
  { id: 'enterpriseType', label: t('企业类型', 'Kind of enterprise'), type: 'text', fromEnterprise: 'type', required: true, maxLength: 40 },
  { id: 'legalRepresentativeName', label: t('法定代表人（负责人）', 'Legal representative (person in charge)'), type: 'name', fromEnterprise: 'legalRepresentative', required: true, maxLength: 30 },
];

/** The applicant (from the card), then the enterprise (from the registry). */
export const BUSINESS_FIELDS: readonly Field[] = [...APPLICANT_FIELDS, ...ENTERPRISE_FIELDS];

/** When an agent applies, the legal representative may swipe their own card and consent here. */
export const LEGAL_REPRESENTATIVE_PARTY: Party = {
  id: 'legalRepresentative',
  label: t('企业法定代表人', 'The enterprise’s legal representative'),
  when: AGENT,
  presence: 'optional',
};

/** 授权委托书: needed from an agent unless the legal representative swipes and consents. */
export const authorisation = (forSubItems: readonly string[]): MaterialDef => ({
  id: 'authorisation',
  name: t('法定代表人签字并加盖公章的授权委托书', 'Letter of authorisation signed by the legal representative and stamped'),
  forSubItems,
  commitmentAllowed: false,
  capturable: true,
  askIf: AGENT,
  waivedByParty: 'legalRepresentative',
});

/** 营业执照, looked up as an e-certificate (annex 3 no. 59). */
export const businessLicence = (forSubItems: readonly string[]): MaterialDef => ({
  id: 'businessLicence',
  name: t('营业执照', 'Business licence'),
  forSubItems,
  exemptedBy: 59,
  commitmentAllowed: false,
  capturable: true,
});

export const BUSINESS_PAYLOAD: WiredJourney['payload'] = {
  phoneField: 'mobile',
  enterprise: { usccField: 'uscc', nameField: 'enterpriseName' },
  answerKeys: { applicantRole: 'applicantRole' },
};

export const ENTERPRISE_HALL = t('县（市、区）或开发区政务服务中心', 'the county (city, district) or development zone government service centre');

/** Where a wired business journey can also be done in person. */
export function businessWhere(window: Text = ENTERPRISE_WINDOW): Guide['where'] {
  return { channel: 'kiosk', hall: ENTERPRISE_HALL, window, appointment: BOOK };
}

/** Sub-item codes `<code>-01` … `<code>-<n>`. */
export const codes = (code: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${code}-${String(i + 1).padStart(2, '0')}`);

export const choice = (id: string, zh: string, en: string, options: readonly (readonly [value: string, zh: string, en: string])[], extra: Partial<Question> = {}): Question => ({
  id,
  text: t(zh, en),
  kind: 'choice',
  options: options.map(([value, z, e]) => ({ value, label: t(z, e) })),
  ...extra,
});
