import type { Journey } from '../schema';
import { APPLICANT_FIELDS, choice, kioskWhere, t, yesNo } from './common';

const BUYER = { question: 'role', equals: 'buyer' } as const;
const SELLER = { question: 'role', equals: 'seller' } as const;
const REGISTRATION = ['07-01', '07-02', '07-03', '07-04'] as const;

/** 二手房转移登记及水电气热联动过户 (annex 1 no. 7): buyer or seller applies, the other swipes their own card. */
export const SECOND_HAND_HOME_TRANSFER: Journey = {
  oneThing: 'second-hand-home-transfer',
  guide: {
    covers: t(
      '买卖二手房一次申请：存量房买卖合同网签备案、交易税费申报、不动产转移登记（房子还有贷款的可“带押过户”），电、水、燃气、供热账户同步过户。',
      'Selling or buying a second-hand home in one application: filing the online sales contract, declaring the transaction taxes, registering the transfer (also with a mortgage still outstanding), and moving the power, water, gas and heating accounts to the buyer at the same time.',
    ),
    eligibility: [
      t('买方和卖方本人持身份证，在本机先后刷卡并确认。', 'Buyer and seller in person with their ID cards, each swiping here and confirming.'),
      t('房屋已办理不动产权证书，没有查封；有抵押的须经抵押银行同意。', 'The home has a property certificate and is not seized; with a mortgage, the lending bank must agree.'),
    ],
    timeLimit: t('税费缴清后，不动产登记一般3个工作日内办结，水电气热同步过户。', 'Once the taxes are paid, registration is usually done within 3 working days; utilities transfer at the same time.'),
    where: kioskWhere(t('不动产登记中心综合窗口', 'the combined window of the real estate registration centre')),
  },
  wired: {
    questions: [
      choice('role', '您是这套房子的买方还是卖方？', 'Are you the buyer or the seller of this home?', [
        ['seller', '卖方（现在的房主）', 'Seller (the present owner)'],
        ['buyer', '买方', 'Buyer'],
      ], { hint: t('另一方需要在本机刷自己的身份证并确认。', 'The other side swipes their own ID card here and confirms.') }),
      yesNo('mortgaged', '这套房子是否还有没还清的抵押贷款？', 'Is there still a mortgage on the home?', {
        hint: t('有抵押的可办理“带押过户”，不用先还清贷款。', 'With a mortgage you can transfer without paying it off first.'),
      }),
      yesNo('transferPower', '是否同步办理电表过户？', 'Transfer the electricity account too?'),
      yesNo('transferWater', '是否同步办理水表过户？', 'Transfer the water account too?'),
      yesNo('transferGas', '是否同步办理天然气表过户？', 'Transfer the gas account too?'),
      yesNo('transferHeat', '是否同步办理供热账户过户？', 'Transfer the heating account too?'),
    ],
    subItemRules: [
      { subItem: '07-01', when: { always: true } },
      { subItem: '07-02', when: { always: true } },
      { subItem: '07-03', when: { always: true } },
      { subItem: '07-04', when: { question: 'mortgaged', equals: true } },
      { subItem: '07-05', when: { question: 'transferPower', equals: true } },
      { subItem: '07-06', when: { question: 'transferWater', equals: true } },
      { subItem: '07-07', when: { question: 'transferGas', equals: true } },
      { subItem: '07-08', when: { question: 'transferHeat', equals: true } },
    ],
    parties: [
      { id: 'seller', label: t('卖方（房主）', 'The seller (owner)'), when: BUYER, presence: 'required' },
      { id: 'buyer', label: t('买方', 'The buyer'), when: SELLER, presence: 'required' },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'sellerName', label: t('卖方姓名', 'Seller’s name'), type: 'name', fromParty: 'seller', fromCard: 'name', required: true, maxLength: 30, askIf: BUYER },
      { id: 'sellerIdNumber', label: t('卖方身份证号码', 'Seller’s ID number'), type: 'id-number', fromParty: 'seller', fromCard: 'idNumber', required: true, askIf: BUYER },
      { id: 'buyerName', label: t('买方姓名', 'Buyer’s name'), type: 'name', fromParty: 'buyer', fromCard: 'name', required: true, maxLength: 30, askIf: SELLER },
      { id: 'buyerIdNumber', label: t('买方身份证号码', 'Buyer’s ID number'), type: 'id-number', fromParty: 'buyer', fromCard: 'idNumber', required: true, askIf: SELLER },
      { id: 'propertyAddress', label: t('房屋坐落', 'Address of the home'), type: 'address', required: true, maxLength: 100 },
      { id: 'certificateNumber', label: t('不动产权证书号', 'Property certificate number'), type: 'text', required: true, maxLength: 40 },
      { id: 'floorArea', label: t('建筑面积（平方米，取整）', 'Floor area (m², whole number)'), type: 'integer', required: true, min: 1, max: 10_000 },
      { id: 'price', label: t('成交价格（元）', 'Sale price (yuan)'), type: 'integer', required: true, min: 1, max: 1_000_000_000 },
      { id: 'mortgageBank', label: t('原抵押贷款银行', 'Bank holding the mortgage'), type: 'text', required: true, maxLength: 40, forSubItems: ['07-04'] },
      { id: 'powerAccount', label: t('电费户号', 'Electricity account number'), type: 'text', required: true, maxLength: 20, forSubItems: ['07-05'] },
      { id: 'waterAccount', label: t('水费户号', 'Water account number'), type: 'text', required: true, maxLength: 20, forSubItems: ['07-06'] },
      { id: 'gasAccount', label: t('燃气户号', 'Gas account number'), type: 'text', required: true, maxLength: 20, forSubItems: ['07-07'] },
      { id: 'heatAccount', label: t('供热户号', 'Heating account number'), type: 'text', required: true, maxLength: 20, forSubItems: ['07-08'] },
    ],
    materials: [
      { id: 'propertyCertificate', name: t('不动产权证书', 'Property ownership certificate'), forSubItems: REGISTRATION, exemptedBy: 129, commitmentAllowed: false, capturable: true },
      { id: 'householdRegister', name: t('买方居民户口簿（用于核定家庭住房套数和税费）', 'Buyer’s household register booklet (for the number of homes and the taxes)'), forSubItems: ['07-02'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'marriageCertificate', name: t('卖方结婚证或离婚证（已婚或离异的）', 'Seller’s marriage or divorce certificate (if married or divorced)'), forSubItems: ['07-01', '07-03', '07-04'], exemptedBy: 19, commitmentAllowed: true, capturable: true },
      { id: 'mortgageConsent', name: t('抵押权人（银行）同意带押过户的书面意见', 'The lending bank’s written consent to transfer with the mortgage'), forSubItems: ['07-04'], commitmentAllowed: false, capturable: true },
      { id: 'utilityBills', name: t('最近一期水电气热缴费凭证（结清欠费）', 'Latest utility bills showing nothing owed'), forSubItems: ['07-05', '07-06', '07-07', '07-08'], commitmentAllowed: true, capturable: true },
    ],
    hallVisits: [
      {
        subItem: '07-03',
        why: t(
          '不动产转移登记须买卖双方（或受托人）到不动产登记窗口当面核验身份、签字确认，登记后领取不动产权证书。',
          'For the transfer registration buyer and seller (or their agents) confirm their identity and sign in person at the real-estate registration window, and collect the new title certificate there.',
        ),
      },
    ],
    payload: { phoneField: 'mobile', answerKeys: { role: 'role', mortgaged: 'mortgaged' } },
  },
};
