import type { Journey } from '../schema';
import { AGENT, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessWhere, codes, LEGAL_REPRESENTATIVE_PARTY, t, yesNo, choice } from './common';

const ALL = codes('16', 10);
const ADMINISTRATOR = { question: 'applicantRole', equals: 'administrator' } as const;

/** 企业破产信息核查 (annex 1 no. 16): the court-appointed administrator asks every department at once; findings come back on the progress screen. */
export const BANKRUPTCY_CHECK: Journey = {
  oneThing: 'bankruptcy-check',
  guide: {
    covers: t(
      '破产企业的财产和债务信息一次申请核查：车辆、不动产和房产，社保、医保和公积金缴存，纳税和海关信息，以及企业登记信息；各部门核查结果在“办件查询”里看到。',
      'One request to check a bankrupt enterprise’s assets and debts: vehicles, real estate and housing, social and medical insurance and housing-fund payments, taxes and customs, and its registration details; each department’s finding appears under Check my applications.',
    ),
    eligibility: [
      t('人民法院指定的破产管理人（持指定管理人决定书），或破产企业的法定代表人、其委托的经办人。', 'The administrator appointed by the court (with the appointment decision), or the enterprise’s legal representative or an agent.'),
      t('法院已裁定受理破产申请。', 'The court has accepted the bankruptcy petition.'),
    ],
    timeLimit: t('一般7个工作日内汇总送达各部门核查结果。', 'All findings are usually returned within 7 working days.'),
    where: businessWhere(),
  },
  wired: {
    questions: [
      choice('applicantRole', '您以什么身份申请？', 'In what role are you applying?', [
        ['administrator', '法院指定的破产管理人（或其工作人员）', 'The court-appointed administrator (or its staff)'],
        ['legalRepresentative', '破产企业的法定代表人', 'The enterprise’s legal representative'],
        ['agent', '企业委托的经办人', 'An agent authorised by the enterprise'],
      ]),
      yesNo('assets', '是否核查企业的车辆、不动产和房产？', 'Check the enterprise’s vehicles, real estate and housing?'),
      yesNo('staffContributions', '是否核查社保、医保和住房公积金缴存情况？', 'Check social insurance, medical insurance and housing-fund payments?'),
      yesNo('taxes', '是否核查纳税缴税情况？', 'Check taxes paid and owed?'),
      yesNo('customs', '企业是否有进出口业务，需要核查海关税款和货物通关信息？', 'Did the enterprise import or export, so customs duties and clearances should be checked?'),
    ],
    subItemRules: [
      { subItem: '16-01', when: { always: true } },
      { subItem: '16-02', when: { question: 'assets', equals: true } },
      { subItem: '16-03', when: { question: 'assets', equals: true } },
      { subItem: '16-04', when: { question: 'staffContributions', equals: true } },
      { subItem: '16-05', when: { always: true } },
      { subItem: '16-06', when: { question: 'staffContributions', equals: true } },
      { subItem: '16-07', when: { question: 'assets', equals: true } },
      { subItem: '16-08', when: { question: 'staffContributions', equals: true } },
      { subItem: '16-09', when: { question: 'taxes', equals: true } },
      { subItem: '16-10', when: { question: 'customs', equals: true } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'court', label: t('受理破产案件的人民法院', 'Court handling the bankruptcy'), type: 'text', required: true, maxLength: 60 },
      { id: 'caseNumber', label: t('破产案件案号', 'Case number'), type: 'text', required: true, maxLength: 60 },
      { id: 'acceptanceDate', label: t('法院裁定受理日期', 'Date the court accepted the case'), type: 'date', required: true, notAfter: { today: true }, notBefore: { today: true, offsetDays: -365 * 10 } },
      { id: 'administratorName', label: t('管理人名称', 'Name of the administrator'), type: 'text', required: true, maxLength: 60, askIf: ADMINISTRATOR },
    ],
    materials: [
      { id: 'acceptanceRuling', name: t('人民法院受理破产申请的裁定书', 'The court’s ruling accepting the bankruptcy petition'), forSubItems: ['16-01'], commitmentAllowed: false, capturable: true },
      { id: 'appointmentDecision', name: t('人民法院指定管理人决定书', 'The court’s decision appointing the administrator'), forSubItems: ['16-01'], commitmentAllowed: false, capturable: true, askIf: ADMINISTRATOR },
      {
        id: 'authorisation',
        name: t('法定代表人签字并加盖公章的授权委托书', 'Letter of authorisation signed by the legal representative and stamped'),
        forSubItems: ALL,
        commitmentAllowed: false,
        capturable: true,
        askIf: AGENT,
        waivedByParty: 'legalRepresentative',
      },
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole' } },
  },
};
