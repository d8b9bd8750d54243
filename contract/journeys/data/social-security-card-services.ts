import type { Journey } from '../schema';
import { APPLICANT_FIELDS, choice, kioskWhere, t, yesNo } from './common';

const NEW_CARD = { question: 'cardTask', oneOf: ['apply', 'replace'] } as const;

/** 社会保障卡居民服务 (annex 1 no. 20): one card for jobs and insurance, medical care, transport and culture. */
export const SOCIAL_SECURITY_CARD_SERVICES: Journey = {
  oneThing: 'social-security-card-services',
  guide: {
    covers: t(
      '社会保障卡“一卡通”一次申请：申领、补换或启用社保卡，开通就业和社保服务、就医购药、公交出行和图书馆、景区等文化体验。',
      'The social security card as one card for everything, in one application: apply for, replace or activate the card, and switch on jobs and insurance services, paying for medical care and medicine, public transport, and culture such as libraries and scenic sites.',
    ),
    eligibility: [
      t('参加本省社会保险的居民本人持身份证申请。', 'Residents insured in this province, with their own ID card.'),
      t('16周岁以下的孩子由父母代为申请（请到窗口）。', 'Parents apply for children under 16 (at a window).'),
    ],
    timeLimit: t('即时制卡网点当场领卡；邮寄的一般10个工作日内送达；各项服务开通后即可使用。', 'Cards are issued on the spot where instant issuing is offered, otherwise posted within about 10 working days; services work as soon as they are switched on.'),
    where: kioskWhere(t('社会保障卡服务网点或“高效办成一件事”综合窗口', 'a social security card service point or the “one thing done” combined window')),
  },
  wired: {
    questions: [
      choice('cardTask', '您的社会保障卡需要办理什么？', 'What do you need for your social security card?', [
        ['apply', '还没有卡，申领新卡', 'I have no card yet: apply for one'],
        ['replace', '卡丢了或坏了，补换卡', 'Lost or damaged: replace it'],
        ['activate', '已有新卡，启用（激活）', 'I have a new card: activate it'],
        ['servicesOnly', '卡可以正常使用，只开通服务', 'My card works: only switch on services'],
      ]),
      yesNo('medical', '是否开通就医购药（医保结算、定点药店购药）？', 'Switch on medical care and medicine (insurance settlement, pharmacies)?'),
      yesNo('transport', '是否开通交通出行（公交、地铁刷卡乘车）？', 'Switch on public transport (buses and metro)?'),
      yesNo('culture', '是否开通文化体验（图书馆借阅、景区和博物馆入园）？', 'Switch on culture (library loans, scenic sites and museums)?'),
    ],
    subItemRules: [
      { subItem: '20-01', when: { question: 'cardTask', oneOf: ['apply', 'replace', 'activate'] } },
      { subItem: '20-02', when: { question: 'medical', equals: true } },
      { subItem: '20-03', when: { question: 'transport', equals: true } },
      { subItem: '20-04', when: { question: 'culture', equals: true } },
    ],
    form: [
      ...APPLICANT_FIELDS,
      {
        id: 'issuingBank',
        label: t('社保卡合作银行（金融账户）', 'Partner bank for the card’s bank account'),
        type: 'choice',
        required: true,
        askIf: NEW_CARD,
        options: [
          { value: 'icbc', label: t('中国工商银行', 'ICBC') },
          { value: 'abc', label: t('中国农业银行', 'Agricultural Bank of China') },
          { value: 'boc', label: t('中国银行', 'Bank of China') },
          { value: 'ccb', label: t('中国建设银行', 'China Construction Bank') },
          { value: 'psbc', label: t('中国邮政储蓄银行', 'Postal Savings Bank of China') },
          { value: 'jsb', label: t('晋商银行', 'Jinshang Bank') },
        ],
      },
      {
        id: 'delivery',
        label: t('领卡方式', 'How to receive the card'),
        type: 'choice',
        required: true,
        askIf: NEW_CARD,
        options: [
          { value: 'collect', label: t('到服务网点领取', 'Collect at a service point') },
          { value: 'post', label: t('邮寄到家', 'Post it to me') },
        ],
      },
      { id: 'postalAddress', label: t('邮寄地址', 'Postal address'), type: 'address', required: true, maxLength: 100, askIf: { question: 'cardTask', oneOf: ['apply', 'replace'] } },
      { id: 'cardNumber', label: t('社会保障卡卡号（卡面上的9位）', 'Card number (the 9 characters printed on it)'), type: 'text', required: true, maxLength: 12, askIf: { question: 'cardTask', oneOf: ['activate', 'servicesOnly'] } },
    ],
    materials: [
      { id: 'photo', name: t('本人近期白底免冠证件照', 'Recent ID photo of you on a white background'), forSubItems: ['20-01'], commitmentAllowed: false, capturable: true, askIf: NEW_CARD },
    ],
    payload: { phoneField: 'mobile', answerKeys: { cardTask: 'cardTask' } },
  },
};
