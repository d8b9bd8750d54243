import type { Field, Guide, Question, Text } from '../schema';

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
export const BOOK = t('拨打12345政务服务便民热线，或在“三晋通”App预约', 'call the 12345 hotline or book in the 三晋通 app');
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
