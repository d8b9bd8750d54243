import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessLicence, businessWhere, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

/** 企业准营 (annex 1 no. 2, e.g. opening a bakery): the licences a licensed enterprise needs before it opens. */
export const BUSINESS_LICENSING: Journey = {
  oneThing: 'business-licensing',
  guide: {
    covers: t(
      '已领营业执照的企业开门营业前需要的许可一次申请（以开面包店为例）：食品经营许可、一般建设项目环境影响评价审批、户外招牌设置和公众聚集场所投入使用、营业前消防安全检查。',
      'For an enterprise with its business licence, the permits it needs before opening, in one application (a bakery, for example): food business licence, environmental impact approval, outdoor signs, and the fire-safety inspection of premises open to the public.',
    ),
    eligibility: [
      t('企业法定代表人（负责人）或其委托的经办人。', 'The legal representative (person in charge) of the enterprise or an agent it authorises.'),
      t('已领取营业执照，经营场所已确定。', 'The enterprise has its business licence and its premises.'),
    ],
    timeLimit: t('食品经营许可实行告知承诺的当场发证；其他事项一般10个工作日内办结。', 'The food business licence is issued on the spot under the commitment procedure; the rest usually within 10 working days.'),
    where: businessWhere(),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      yesNo('food', '是否销售或现场制作食品（如面包、糕点、饮品）？', 'Will you sell or make food on the premises (bread, pastries, drinks)?'),
      yesNo('environmentalImpact', '店里是否有烘焙、油烟或废水排放，需要环境影响评价审批？', 'Will baking, cooking fumes or waste water need an environmental impact approval?', {
        hint: t('按《建设项目环境影响评价分类管理名录》须编制报告表的才需要审批；仅作登记表备案的选“否”。', 'Only projects that need an assessment report under the national list; choose “no” if a registration form is enough.'),
      }),
      yesNo('outdoorSign', '是否在门头或外墙设置户外招牌？', 'Will you put up an outdoor sign on the front or wall?'),
      yesNo('publicAssembly', '营业场所是否属于公众聚集场所（如餐饮、商场、娱乐场所等，对公众开放）？', 'Are the premises a place open to the public (catering, shops, entertainment and the like)?'),
    ],
    subItemRules: [
      { subItem: '02-01', when: { question: 'food', equals: true } },
      { subItem: '02-02', when: { question: 'environmentalImpact', equals: true } },
      { subItem: '02-03', when: { question: 'outdoorSign', equals: true } },
      { subItem: '02-04', when: { question: 'publicAssembly', equals: true } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'premisesAddress', label: t('经营场所地址', 'Address of the premises'), type: 'address', required: true, maxLength: 100 },
      { id: 'businessArea', label: t('经营面积（平方米）', 'Floor area (m²)'), type: 'integer', required: true, min: 1, max: 100_000 },
      {
        id: 'foodCategory',
        label: t('食品经营项目', 'Kind of food business'),
        type: 'choice',
        required: true,
        forSubItems: ['02-01'],
        options: [
          { value: 'prepackaged', label: t('预包装食品销售', 'Selling pre-packaged food') },
          { value: 'bakery', label: t('糕点类食品制售', 'Making and selling bread and pastries') },
          { value: 'drinks', label: t('自制饮品制售', 'Making and selling drinks') },
          { value: 'hotFood', label: t('热食类食品制售', 'Making and selling hot food') },
        ],
      },
      { id: 'signSize', label: t('招牌尺寸（长×高，米）', 'Sign size (length × height, metres)'), type: 'text', required: true, maxLength: 20, forSubItems: ['02-03'] },
    ],
    materials: [
      businessLicence(['02-01', '02-04']),
      { id: 'premisesProof', name: t('经营场所使用证明（产权证或租赁合同）', 'Proof of the right to use the premises (title or lease)'), forSubItems: ['02-01', '02-04'], exemptedBy: 129, commitmentAllowed: true, capturable: true },
      { id: 'layoutPlan', name: t('经营场所平面布局图和设备布局图', 'Floor plan of the premises and equipment layout'), forSubItems: ['02-01', '02-04'], commitmentAllowed: false, capturable: true },
      { id: 'foodSafetyRules', name: t('食品安全管理制度和食品安全管理人员名单', 'Food safety rules and the food safety manager'), forSubItems: ['02-01'], commitmentAllowed: true, capturable: true },
      { id: 'environmentalReport', name: t('建设项目环境影响报告表', 'Environmental impact report form'), forSubItems: ['02-02'], commitmentAllowed: false, capturable: true },
      { id: 'signDesign', name: t('招牌设置效果图', 'Drawing of the sign as it will look'), forSubItems: ['02-03'], commitmentAllowed: false, capturable: true },
      { id: 'fireSafetyCommitment', name: t('消防安全制度和场所符合消防安全要求的承诺', 'Fire-safety rules and a commitment that the premises meet fire-safety requirements'), forSubItems: ['02-04'], commitmentAllowed: true, capturable: true },
      authorisation(codes('02', 4)),
    ],
    payload: BUSINESS_PAYLOAD,
  },
};
