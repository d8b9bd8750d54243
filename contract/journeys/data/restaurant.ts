import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessLicence, businessWhere, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

/** 开办餐饮店 (annex 1 no. 12): a licensed enterprise opens a restaurant. */
export const RESTAURANT: Journey = {
  oneThing: 'restaurant',
  guide: {
    covers: t(
      '开餐馆一次申请：营业执照信息核验、食品经营许可、户外招牌设置，以及公众聚集场所投入使用、营业前消防安全检查。',
      'Opening a restaurant in one application: checking the business licence details, the food business licence, outdoor signs, and the fire-safety inspection before opening to the public.',
    ),
    eligibility: [
      t('已领取营业执照的企业或个体工商户，由法定代表人（经营者）或其委托的经办人申请。', 'An enterprise or sole trader with its business licence, through the legal representative (owner) or an agent.'),
      t('经营场所已装修完成，厨房布局符合食品安全要求。', 'The premises are fitted out and the kitchen layout meets food-safety rules.'),
    ],
    timeLimit: t('食品经营许可一般5个工作日内发证（告知承诺的当场发证）；消防检查一般10个工作日内完成。', 'The food licence usually within 5 working days (on the spot under the commitment procedure); the fire inspection usually within 10 working days.'),
    where: businessWhere(),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      yesNo('outdoorSign', '是否在门头或外墙设置户外招牌？', 'Will you put up an outdoor sign on the front or wall?'),
      yesNo('publicAssembly', '餐厅对公众开放、需要营业前消防安全检查吗？', 'Is the restaurant open to the public and needs the fire-safety inspection before opening?', {
        hint: t('堂食餐饮场所属于公众聚集场所；只做外卖、不设堂食的选“否”。', 'A dining room makes it a place open to the public; choose “no” for delivery only.'),
      }),
    ],
    subItemRules: [
      { subItem: '12-01', when: { always: true } },
      { subItem: '12-02', when: { always: true } },
      { subItem: '12-03', when: { question: 'outdoorSign', equals: true } },
      { subItem: '12-04', when: { question: 'publicAssembly', equals: true } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'premisesAddress', label: t('经营场所地址', 'Address of the premises'), type: 'address', required: true, maxLength: 100 },
      { id: 'businessArea', label: t('经营面积（平方米）', 'Floor area (m²)'), type: 'integer', required: true, min: 1, max: 100_000 },
      { id: 'seats', label: t('就餐座位数', 'Number of seats'), type: 'integer', required: true, min: 0, max: 10_000 },
      {
        id: 'foodCategory',
        label: t('主要经营项目', 'Main kind of food'),
        type: 'choice',
        required: true,
        options: [
          { value: 'hotFood', label: t('热食类食品制售', 'Hot food') },
          { value: 'coldFood', label: t('冷食类食品制售', 'Cold food') },
          { value: 'rawFood', label: t('生食类食品制售', 'Raw food (such as sashimi)') },
          { value: 'bakery', label: t('糕点类食品制售', 'Bread and pastries') },
          { value: 'drinks', label: t('自制饮品制售', 'Drinks made on site') },
        ],
      },
      { id: 'foodSafetyManager', label: t('食品安全管理人员姓名', 'Name of the food safety manager'), type: 'name', required: true, maxLength: 20 },
      { id: 'signSize', label: t('招牌尺寸（长×高，米）', 'Sign size (length × height, metres)'), type: 'text', required: true, maxLength: 20, forSubItems: ['12-03'] },
    ],
    materials: [
      businessLicence(['12-01']),
      { id: 'premisesProof', name: t('经营场所使用证明（产权证或租赁合同）', 'Proof of the right to use the premises (title or lease)'), forSubItems: ['12-02', '12-04'], exemptedBy: 129, commitmentAllowed: true, capturable: true },
      { id: 'kitchenLayout', name: t('经营场所和厨房平面布局图、设备布局图', 'Floor plan of the premises and kitchen with equipment layout'), forSubItems: ['12-02', '12-04'], commitmentAllowed: false, capturable: true },
      { id: 'foodSafetyRules', name: t('食品安全管理制度', 'Food safety rules'), forSubItems: ['12-02'], commitmentAllowed: true, capturable: true },
      { id: 'healthCertificates', name: t('从业人员健康证明', 'Health certificates of the staff'), forSubItems: ['12-02'], commitmentAllowed: true, capturable: true },
      { id: 'signDesign', name: t('招牌设置效果图', 'Drawing of the sign as it will look'), forSubItems: ['12-03'], commitmentAllowed: false, capturable: true },
      { id: 'fireSafetyCommitment', name: t('消防安全制度和场所符合消防安全要求的承诺', 'Fire-safety rules and a commitment that the premises meet fire-safety requirements'), forSubItems: ['12-04'], commitmentAllowed: true, capturable: true },
      authorisation(codes('12', 4)),
    ],
    payload: BUSINESS_PAYLOAD,
  },
};
