import type { Journey } from '../schema';
import { APPLICANT_FIELDS, choice, GENDER_OPTIONS, kioskWhere, t, yesNo } from './common';

const LOCAL = { question: 'childHukouLocal', equals: true } as const;
const NOT_LOCAL = { question: 'childHukouLocal', equals: false } as const;

/** 教育入学 (annex 1 no. 19): a parent registers a child for primary or junior middle school. */
export const SCHOOL_ENROLMENT: Journey = {
  oneThing: 'school-enrolment',
  guide: {
    covers: t(
      '孩子上小学或初中时一次申请：新生入学信息采集，户籍、居住证、房产和社保缴费记录由部门共享核验，不用再开证明。',
      'For a child starting primary or junior middle school, one application: the enrolment registration, with the household register, residence permit, property and social insurance records checked between departments — no certificates to collect.',
    ),
    eligibility: [
      t('孩子的父母或其他法定监护人持本人身份证申请。', 'A parent or other legal guardian applies with their own ID card.'),
      t('小学：当年8月31日前年满6周岁；初中：当年小学毕业。', 'Primary school: six years old by 31 August; junior middle school: finishing primary school this year.'),
      t('孩子户口不在本地的，父母应持有本地居住证并按规定缴纳社会保险。', 'A child registered elsewhere: a parent holds a residence permit here and pays social insurance here.'),
    ],
    timeLimit: t('在当地教育部门公布的报名时间内申请，录取结果按招生时间表公布。', 'Apply within the enrolment period the local education bureau announces; results follow its timetable.'),
    where: kioskWhere(t('县（市、区）教育局招生窗口或“高效办成一件事”综合窗口', 'the county education bureau’s enrolment window or the “one thing done” combined window')),
  },
  wired: {
    questions: [
      choice('stage', '孩子要上哪个学段？', 'Which school is the child starting?', [
        ['primary', '小学一年级', 'Primary school, year 1'],
        ['juniorMiddle', '初中一年级', 'Junior middle school, year 1'],
      ]),
      yesNo('childHukouLocal', '孩子的户口是否在本县（市、区）？', 'Is the child registered in the household register of this county (city, district)?'),
      choice('housing', '你们家在本地的住房是哪种情况？', 'Where does the family live here?', [
        ['owned', '自有住房（有不动产权证书）', 'Our own home (with a property certificate)'],
        ['rented', '租住', 'Rented'],
        ['other', '其他（借住等）', 'Other (staying with others, etc.)'],
      ]),
    ],
    subItemRules: [
      { subItem: '19-01', when: { always: true } },
      { subItem: '19-02', when: LOCAL },
      { subItem: '19-03', when: NOT_LOCAL },
      { subItem: '19-04', when: { question: 'housing', equals: 'owned' } },
      { subItem: '19-05', when: NOT_LOCAL },
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
          { value: 'guardian', label: t('其他法定监护人', 'Other legal guardian') },
        ],
      },
      { id: 'childName', label: t('孩子姓名', 'Child’s name'), type: 'name', required: true, maxLength: 20 },
      { id: 'childIdNumber', label: t('孩子身份证号码', 'Child’s ID number'), type: 'id-number', required: true },
      { id: 'childGender', label: t('孩子性别', 'Child’s gender'), type: 'gender', required: true, options: GENDER_OPTIONS },
      {
        id: 'childBirthDate',
        label: t('孩子出生日期', 'Child’s date of birth'),
        type: 'date',
        required: true,
        notAfter: { today: true },
        boundsIf: [
          { when: { question: 'stage', equals: 'primary' }, notBefore: { today: true, offsetDays: -365 * 9 }, notAfter: { today: true, offsetDays: -365 * 5 } },
          { when: { question: 'stage', equals: 'juniorMiddle' }, notBefore: { today: true, offsetDays: -365 * 16 }, notAfter: { today: true, offsetDays: -365 * 10 } },
        ],
      },
      { id: 'homeAddress', label: t('家庭实际居住地址', 'Address where the family lives'), type: 'address', required: true, maxLength: 100 },
      { id: 'primarySchool', label: t('小学毕业学校', 'Primary school finished'), type: 'text', required: true, maxLength: 40, askIf: { question: 'stage', equals: 'juniorMiddle' } },
      { id: 'preferredSchool', label: t('意向学校（可不填）', 'Preferred school (optional)'), type: 'text', required: false, maxLength: 40 },
    ],
    materials: [
      { id: 'householdRegister', name: t('居民户口簿（孩子所在户）', 'Household register booklet with the child'), forSubItems: ['19-02'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'residencePermit', name: t('父母一方的本地居住证', 'A parent’s residence permit for this place'), forSubItems: ['19-03'], exemptedBy: 52, commitmentAllowed: false, capturable: true },
      { id: 'propertyCertificate', name: t('不动产权证书', 'Property ownership certificate'), forSubItems: ['19-04'], exemptedBy: 129, commitmentAllowed: false, capturable: true },
      { id: 'rentalContract', name: t('房屋租赁合同（已登记备案）', 'Registered tenancy agreement'), forSubItems: ['19-01'], commitmentAllowed: true, capturable: true, askIf: { question: 'housing', equals: 'rented' } },
      { id: 'childPhoto', name: t('孩子近期免冠照片', 'Recent photo of the child'), forSubItems: ['19-01'], commitmentAllowed: true, capturable: true },
    ],
    payload: { phoneField: 'mobile', answerKeys: { stage: 'stage', housing: 'housing' } },
  },
};
