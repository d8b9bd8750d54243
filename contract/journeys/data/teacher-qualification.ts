import type { Journey } from '../schema';
import { APPLICANT_FIELDS, choice, kioskWhere, t, yesNo } from './common';

const HIGHER = { question: 'level', equals: 'higher' } as const;

/** 申领教师资格证 (annex 1 no. 23): certificates and records checked between departments, not brought in. */
export const TEACHER_QUALIFICATION: Journey = {
  oneThing: 'teacher-qualification',
  guide: {
    covers: t(
      '申请认定教师资格一次申请：考试合格证明、普通话证书、学历和身份由部门共享核验，体检结果和无犯罪记录在线核验；申请高等学校教师资格的，同时核验社保缴费记录。',
      'Applying for a teacher qualification in one application: the exam certificate, Mandarin certificate, degree and identity are checked between departments, the medical check and criminal record online; for a university teacher qualification, the social insurance record as well.',
    ),
    eligibility: [
      t('中小学、幼儿园和中职教师资格：国家教师资格考试合格，或为免试认定的师范毕业生。', 'Kindergarten, school and vocational teachers: passed the national teacher exam, or a teacher-training graduate exempted from it.'),
      t('普通话水平二级乙等以上（语文教师二级甲等以上），学历符合《教师法》要求，体检合格。', 'Mandarin level 2B or above (2A for Chinese teachers), the education the Teachers Law requires, and a passed medical check.'),
      t('在户籍地、居住证所在地或就读学校所在地申请；高校教师资格由任教高校所在地申请。', 'Apply where you are registered, where your residence permit is, or where you study; university teachers where their university is.'),
    ],
    timeLimit: t('在每年春、秋两次认定期内申请，一般30个工作日内作出认定结论。', 'Apply in the spring or autumn window; the decision usually comes within 30 working days.'),
    where: kioskWhere(t('县（市、区）教育局教师资格认定窗口或“高效办成一件事”综合窗口', 'the teacher qualification window of the county education bureau or the “one thing done” combined window')),
  },
  wired: {
    questions: [
      choice('level', '您申请哪一类教师资格？', 'Which teacher qualification are you applying for?', [
        ['kindergarten', '幼儿园', 'Kindergarten'],
        ['primary', '小学', 'Primary school'],
        ['middle', '初级中学', 'Junior middle school'],
        ['high', '高级中学', 'Senior high school'],
        ['vocational', '中等职业学校', 'Secondary vocational school'],
        ['higher', '高等学校', 'University or college'],
      ]),
      yesNo('exempted', '您是否为免于考试认定的师范生（教育部直属师范大学公费师范生、教育类研究生等）？', 'Are you a teacher-training graduate exempted from the exam (publicly funded normal-university students, education postgraduates and similar)?', {
        askIf: { not: HIGHER },
      }),
      choice('residenceBasis', '您在本地申请的依据是？', 'Why are you applying here?', [
        ['hukou', '户口在本地', 'I am registered here'],
        ['residencePermit', '持有本地居住证', 'I hold a residence permit here'],
        ['student', '在本地高校就读', 'I study at a university here'],
        ['employer', '在本地高校任教', 'I teach at a university here'],
      ]),
    ],
    subItemRules: [
      { subItem: '23-01', when: { not: { question: 'exempted', equals: true } } },
      { subItem: '23-02', when: { always: true } },
      { subItem: '23-03', when: { always: true } },
      { subItem: '23-04', when: { always: true } },
      { subItem: '23-05', when: { always: true } },
      { subItem: '23-06', when: { always: true } },
      { subItem: '23-07', when: HIGHER },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'subject', label: t('任教学科', 'Subject you will teach'), type: 'text', required: true, maxLength: 20 },
      { id: 'graduateSchool', label: t('毕业学校', 'School or university you graduated from'), type: 'text', required: true, maxLength: 40 },
      { id: 'degreeCertificateNumber', label: t('毕业证书编号', 'Graduation certificate number'), type: 'text', required: true, maxLength: 30 },
      { id: 'mandarinCertificateNumber', label: t('普通话水平测试等级证书编号', 'Mandarin proficiency certificate number'), type: 'text', required: true, maxLength: 30 },
      { id: 'examCertificateNumber', label: t('考试合格证明编号', 'Exam pass certificate number'), type: 'text', required: true, maxLength: 30, forSubItems: ['23-01'] },
      { id: 'medicalCheckHospital', label: t('体检医院', 'Hospital of the medical check'), type: 'text', required: true, maxLength: 40 },
      { id: 'university', label: t('任教高校', 'University where you teach'), type: 'text', required: true, maxLength: 40, forSubItems: ['23-07'] },
    ],
    materials: [
      { id: 'photo', name: t('本人近期白底免冠证件照', 'Recent ID photo of you on a white background'), forSubItems: ['23-05'], commitmentAllowed: false, capturable: true },
      { id: 'householdRegister', name: t('居民户口簿', 'Household register booklet'), forSubItems: ['23-05'], exemptedBy: 48, commitmentAllowed: false, capturable: true, askIf: { question: 'residenceBasis', equals: 'hukou' } },
      { id: 'residencePermit', name: t('居住证', 'Residence permit'), forSubItems: ['23-05'], exemptedBy: 52, commitmentAllowed: false, capturable: true, askIf: { question: 'residenceBasis', equals: 'residencePermit' } },
      { id: 'studentCard', name: t('学生证', 'Student card'), forSubItems: ['23-05'], commitmentAllowed: false, capturable: true, askIf: { question: 'residenceBasis', equals: 'student' } },
      { id: 'medicalCheckForm', name: t('《教师资格认定体格检查表》', 'Medical check form for the teacher qualification'), forSubItems: ['23-03'], commitmentAllowed: false, capturable: true },
      { id: 'diploma', name: t('学历（学位）证书', 'Graduation (degree) certificate'), forSubItems: ['23-04'], commitmentAllowed: true, capturable: true },
      { id: 'employmentProof', name: t('高校出具的岗前培训和任教证明', 'The university’s certificate of induction training and employment'), forSubItems: ['23-07'], commitmentAllowed: false, capturable: true },
    ],
    payload: { phoneField: 'mobile', answerKeys: { level: 'level' } },
  },
};
