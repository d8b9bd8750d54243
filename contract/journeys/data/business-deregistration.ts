import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessLicence, businessWhere, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

const SIMPLE = { question: 'simplified', equals: true } as const;
const GENERAL = { question: 'simplified', equals: false } as const;

/** 企业注销登记 (annex 1 no. 17): tax, registration, customs, social insurance, bank account and seals closed together. */
export const BUSINESS_DEREGISTRATION: Journey = {
  oneThing: 'business-deregistration',
  guide: {
    covers: t(
      '企业注销一次申请：税务注销、企业注销登记、海关报关单位备案注销、社会保险登记注销、银行账户注销和印章注销同步办理。',
      'Closing an enterprise in one application: tax deregistration, deregistration of the enterprise, customs declarant filing, social insurance registration, bank accounts and seals, all together.',
    ),
    eligibility: [
      t('企业法定代表人、清算组负责人或其委托的经办人。', 'The legal representative, the head of the liquidation group, or an agent.'),
      t('简易注销：未开业或无债权债务，全体投资人书面承诺，并已在国家企业信用信息公示系统公示满20日。', 'Simplified closure: never started trading or has no debts and claims, every investor commits in writing, and the notice has been public for 20 days.'),
      t('一般注销：清算组已成立并在国家企业信用信息公示系统公告满45日。', 'Ordinary closure: the liquidation group has been formed and its notice has been public for 45 days.'),
    ],
    timeLimit: t('税务清税后，注销登记当场或1个工作日内办结，其他事项同步办结。', 'Once taxes are cleared, deregistration on the spot or within 1 working day, the rest together.'),
    where: businessWhere(),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      yesNo('simplified', '是否办理简易注销（未开业或无债权债务）？', 'Simplified closure (never traded, or no debts and claims)?'),
      yesNo('customs', '企业是否办理过海关报关单位备案？', 'Is the enterprise filed with customs as a declarant?'),
      yesNo('socialInsurance', '企业是否办理过社会保险登记？', 'Is the enterprise registered for social insurance?'),
      yesNo('bankAccounts', '是否同步注销企业银行账户？', 'Close the enterprise’s bank accounts too?'),
      yesNo('seals', '企业是否有备案的印章需要注销？', 'Does the enterprise have filed seals to cancel?'),
    ],
    subItemRules: [
      { subItem: '17-01', when: { always: true } },
      { subItem: '17-02', when: { always: true } },
      { subItem: '17-03', when: { question: 'customs', equals: true } },
      { subItem: '17-04', when: { question: 'socialInsurance', equals: true } },
      { subItem: '17-05', when: { question: 'bankAccounts', equals: true } },
      { subItem: '17-06', when: { question: 'seals', equals: true } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'reason', label: t('注销原因', 'Why it is closing'), type: 'choice', required: true, options: [
        { value: 'resolution', label: t('股东会决议（投资人决定）解散', 'Dissolved by resolution of the owners') },
        { value: 'termExpired', label: t('营业期限届满或章程规定的解散事由出现', 'Term expired, or a reason in the articles occurred') },
        { value: 'revoked', label: t('被依法吊销营业执照、责令关闭或撤销', 'Licence revoked, ordered closed or cancelled') },
        { value: 'other', label: t('其他原因', 'Another reason') },
      ] },
      {
        id: 'noticeDate',
        label: t('注销公告（简易注销公示）开始日期', 'Date the closure notice was published'),
        type: 'date',
        required: true,
        notAfter: { today: true },
        boundsIf: [
          { when: SIMPLE, notAfter: { today: true, offsetDays: -20 } },
          { when: GENERAL, notAfter: { today: true, offsetDays: -45 } },
        ],
      },
      { id: 'liquidationHead', label: t('清算组负责人', 'Head of the liquidation group'), type: 'name', required: true, maxLength: 30, askIf: GENERAL },
      { id: 'bankNames', label: t('要注销账户的开户银行', 'Banks of the accounts to close'), type: 'text', required: true, maxLength: 100, forSubItems: ['17-05'] },
      { id: 'customsCode', label: t('海关编码', 'Customs registration code'), type: 'text', required: true, maxLength: 10, forSubItems: ['17-03'] },
    ],
    materials: [
      { id: 'investorsCommitment', name: t('全体投资人承诺书', 'Commitment signed by every investor'), forSubItems: ['17-02'], commitmentAllowed: false, capturable: true, askIf: SIMPLE },
      { id: 'dissolutionResolution', name: t('解散决议（决定）', 'Resolution to dissolve'), forSubItems: ['17-02'], commitmentAllowed: false, capturable: true, askIf: GENERAL },
      { id: 'liquidationReport', name: t('经确认的清算报告', 'The confirmed liquidation report'), forSubItems: ['17-02'], commitmentAllowed: false, capturable: true, askIf: GENERAL },
      businessLicence(['17-02']),
      authorisation(codes('17', 6)),
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole', simplified: 'simplified' } },
  },
};
