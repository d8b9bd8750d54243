import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessLicence, businessWhere, choice, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

const CHANGE = (k: string) => ({ question: 'changeKind', equals: k }) as const;

/** 企业信息变更 (annex 1 no. 10): a registration change carried through to seal, bank, tax, insurance and housing fund. */
export const BUSINESS_CHANGE: Journey = {
  oneThing: 'business-change',
  guide: {
    covers: t(
      '企业登记事项变更一次申请：变更登记后，印章、银行基本存款账户、税控设备、社会保险登记和住房公积金缴存登记同步变更。',
      'Changing registered enterprise details in one application: once the registration changes, the seal, basic bank account, tax control device, social insurance and housing fund registration change with it.',
    ),
    eligibility: [
      t('企业法定代表人或其委托的经办人；变更法定代表人的，由新任法定代表人签署。', 'The legal representative or an agent; when the legal representative changes, the new one signs.'),
      t('已作出变更决议或决定。', 'The change has been resolved by the shareholders or owner.'),
    ],
    timeLimit: t('材料齐全的，变更登记当场或1个工作日内办结，其他事项同步办结。', 'With complete materials the registration changes on the spot or within 1 working day, the rest at the same time.'),
    where: businessWhere(),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      choice('changeKind', '要变更哪一项登记内容？', 'What is changing?', [
        ['name', '企业名称', 'The enterprise name'],
        ['legalRepresentative', '法定代表人', 'The legal representative'],
        ['address', '住所（经营场所）', 'The registered address'],
        ['other', '经营范围、注册资本等其他事项', 'Business scope, registered capital or other details'],
      ]),
      yesNo('newSeal', '是否需要重新刻制企业印章？', 'Do you need new seals made?', { hint: t('企业名称变更的，须重新刻制印章。', 'A new name needs new seals.') }),
      yesNo('bankAccount', '是否同步变更银行基本存款账户信息？', 'Update the basic bank account details too?'),
      yesNo('taxDevice', '企业是否使用税控设备（需变更发行）？', 'Does the enterprise use a tax control device that must be re-issued?'),
      yesNo('socialInsurance', '企业是否已办理社会保险登记？', 'Is the enterprise registered for social insurance?'),
      yesNo('housingFund', '企业是否已办理住房公积金缴存登记？', 'Is the enterprise registered for the housing fund?'),
    ],
    subItemRules: [
      { subItem: '10-01', when: { always: true } },
      { subItem: '10-02', when: { question: 'newSeal', equals: true } },
      { subItem: '10-03', when: { question: 'bankAccount', equals: true } },
      { subItem: '10-04', when: { question: 'taxDevice', equals: true } },
      { subItem: '10-05', when: { question: 'socialInsurance', equals: true } },
      { subItem: '10-06', when: { question: 'housingFund', equals: true } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'newName', label: t('变更后的企业名称', 'New enterprise name'), type: 'text', required: true, maxLength: 60, askIf: CHANGE('name') },
      { id: 'newLegalRepresentative', label: t('新任法定代表人姓名', 'New legal representative’s name'), type: 'name', required: true, maxLength: 30, askIf: CHANGE('legalRepresentative') },
      { id: 'newLegalRepresentativeIdNumber', label: t('新任法定代表人身份证号码', 'New legal representative’s ID number'), type: 'id-number', required: true, askIf: CHANGE('legalRepresentative') },
      { id: 'newAddress', label: t('变更后的住所', 'New registered address'), type: 'address', required: true, maxLength: 100, askIf: CHANGE('address') },
      { id: 'otherChange', label: t('变更内容（变更前→变更后）', 'What changes (before → after)'), type: 'text', required: true, maxLength: 200, askIf: CHANGE('other') },
      { id: 'resolutionDate', label: t('作出变更决议（决定）的日期', 'Date of the resolution'), type: 'date', required: true, notAfter: { today: true }, notBefore: { today: true, offsetDays: -365 } },
      { id: 'bankName', label: t('基本存款账户开户银行', 'Bank of the basic account'), type: 'text', required: true, maxLength: 40, forSubItems: ['10-03'] },
    ],
    materials: [
      { id: 'resolution', name: t('股东会决议或股东（投资人）决定', 'Shareholders’ resolution or owner’s decision'), forSubItems: ['10-01'], commitmentAllowed: false, capturable: true },
      { id: 'articlesAmendment', name: t('公司章程修正案', 'Amendment to the articles of association'), forSubItems: ['10-01'], commitmentAllowed: false, capturable: true, askIf: { not: CHANGE('address') } },
      { id: 'premisesProof', name: t('新住所使用证明', 'Proof of the right to use the new address'), forSubItems: ['10-01'], exemptedBy: 129, commitmentAllowed: true, capturable: true, askIf: CHANGE('address') },
      businessLicence(['10-02', '10-03', '10-04', '10-05', '10-06']),
      authorisation(codes('10', 6)),
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole', changeKind: 'changeKind' } },
  },
};
