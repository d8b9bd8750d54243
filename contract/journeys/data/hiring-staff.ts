import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessWhere, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

/** 员工录用 (annex 1 no. 3): the employer applies, the new employee swipes their own card and consents. */
export const HIRING_STAFF: Journey = {
  oneThing: 'hiring-staff',
  guide: {
    covers: t(
      '招用一名员工一次申请：就业登记、职工社会保险和基本医疗保险参保登记、社会保障卡申领、流动人员档案接收转递和个人住房公积金账户设立。',
      'Hiring one employee in one application: employment registration, social and medical insurance for the employee, the social security card, receiving their personnel file, and opening their housing-fund account.',
    ),
    eligibility: [
      t('用人单位的法定代表人或经办人，与新员工一起到本机办理。', 'The employer’s legal representative or an agent, together with the new employee.'),
      t('新员工刷自己的身份证并确认；应在用工之日起30日内办理参保登记。', 'The employee swipes their own ID card and confirms; insurance registration is due within 30 days of starting work.'),
    ],
    timeLimit: t('就业登记和参保登记即时办结；社会保障卡一般10个工作日内制发。', 'Employment and insurance registration immediately; the social security card usually within 10 working days.'),
    where: businessWhere(),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      yesNo('needsCard', '新员工是否还没有社会保障卡？', 'Does the employee not have a social security card yet?'),
      yesNo('personnelFile', '是否需要把新员工的人事档案转到人才服务机构存放？', 'Should the employee’s personnel file be moved to the public talent service to be kept?', {
        hint: t('流动人员（非机关事业单位人员）的档案由人社部门公共人才服务机构接收。', 'Files of people not in public service are kept by the public talent service.'),
      }),
      yesNo('housingFund', '是否为新员工缴存住房公积金？', 'Will you pay into a housing fund for the employee?'),
    ],
    subItemRules: [
      { subItem: '03-01', when: { always: true } },
      { subItem: '03-02', when: { always: true } },
      { subItem: '03-03', when: { question: 'needsCard', equals: true } },
      { subItem: '03-04', when: { question: 'personnelFile', equals: true } },
      { subItem: '03-05', when: { always: true } },
      { subItem: '03-06', when: { question: 'housingFund', equals: true } },
    ],
    parties: [
      LEGAL_REPRESENTATIVE_PARTY,
      { id: 'employee', label: t('新录用的员工', 'The new employee'), presence: 'required' },
    ],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'employeeName', label: t('员工姓名', 'Employee’s name'), type: 'name', fromParty: 'employee', fromCard: 'name', required: true, maxLength: 30 },
      { id: 'employeeIdNumber', label: t('员工身份证号码', 'Employee’s ID number'), type: 'id-number', fromParty: 'employee', fromCard: 'idNumber', required: true },
      { id: 'employeeAddress', label: t('员工户籍地址', 'Employee’s registered address'), type: 'address', fromParty: 'employee', fromCard: 'address', required: true, maxLength: 100 },
      { id: 'employeeMobile', label: t('员工手机号码', 'Employee’s mobile number'), type: 'mobile', required: true },
      { id: 'startDate', label: t('用工（入职）日期', 'Start date'), type: 'date', required: true, notBefore: { today: true, offsetDays: -30 }, notAfter: { today: true, offsetDays: 30 } },
      { id: 'contractEnd', label: t('劳动合同终止日期（无固定期限的不填）', 'Contract end date (leave empty if open-ended)'), type: 'date', required: false, notBefore: { field: 'startDate' } },
      { id: 'position', label: t('工作岗位', 'Job'), type: 'text', required: true, maxLength: 30 },
      { id: 'monthlyWage', label: t('月缴费工资（元）', 'Monthly wage for contributions (yuan)'), type: 'integer', required: true, min: 1000, max: 200_000 },
      { id: 'fileHolder', label: t('档案现存放单位', 'Where the file is kept now'), type: 'text', required: true, maxLength: 40, forSubItems: ['03-04'] },
    ],
    materials: [
      { id: 'labourContract', name: t('劳动合同', 'Employment contract'), forSubItems: ['03-01', '03-02'], commitmentAllowed: true, capturable: true },
      { id: 'employeePhoto', name: t('员工近期白底免冠证件照', 'Recent ID photo of the employee on a white background'), forSubItems: ['03-03'], commitmentAllowed: false, capturable: true },
      { id: 'fileTransferLetter', name: t('调档函或原存档单位同意转出的证明', 'File transfer letter or consent of the present file holder'), forSubItems: ['03-04'], commitmentAllowed: true, capturable: true },
      authorisation(codes('03', 6)),
    ],
    payload: BUSINESS_PAYLOAD,
  },
};
