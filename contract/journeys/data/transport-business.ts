import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessLicence, businessWhere, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

const LICENSED = { all: [{ question: 'heavyVehicles', equals: true }, { question: 'dangerousGoods', equals: false }] } as const;

/** 开办运输企业 (annex 1 no. 11): a licensed enterprise starts ordinary road freight. */
export const TRANSPORT_BUSINESS: Journey = {
  oneThing: 'transport-business',
  guide: {
    covers: t(
      '开办普通道路货物运输企业一次申请：营业执照信息核验、道路货物运输经营许可和营运车辆《道路运输证》。',
      'Starting an ordinary road freight business in one application: checking the business licence, the road freight operating licence, and the road transport certificates of the vehicles.',
    ),
    eligibility: [
      t('已领营业执照的企业，由法定代表人或其委托的经办人申请。', 'An enterprise with its business licence, through the legal representative or an agent.'),
      t('有与经营相适应的车辆和取得从业资格证的驾驶员；危险货物运输请到交通运输窗口办理。', 'Suitable vehicles and qualified drivers; dangerous goods transport is handled at the transport window.'),
      t('只用总质量4500千克及以下普通货运车辆的，不需要经营许可和道路运输证。', 'Only vehicles of 4,500 kg gross or less need neither the licence nor the certificates.'),
    ],
    timeLimit: t('道路货物运输经营许可一般5个工作日内办结（告知承诺的当场办结），道路运输证当场核发。', 'The operating licence usually within 5 working days (on the spot under the commitment procedure); vehicle certificates on the spot.'),
    where: businessWhere(t('交通运输服务窗口', 'the transport services window')),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      yesNo('dangerousGoods', '是否运输危险货物？', 'Will you carry dangerous goods?', {
        hint: t('危险货物道路运输经营许可不在此办理，请到交通运输窗口。', 'The dangerous goods licence is not handled here; please go to the transport window.'),
      }),
      yesNo('heavyVehicles', '是否使用总质量4500千克以上的普通货运车辆？', 'Will you use ordinary freight vehicles over 4,500 kg gross?'),
      yesNo('vehiclesReady', '车辆是否已经登记上牌，要同时办理《道路运输证》？', 'Are the vehicles already registered, so their road transport certificates can be issued now?', { askIf: LICENSED }),
    ],
    subItemRules: [
      { subItem: '11-01', when: { always: true } },
      { subItem: '11-02', when: LICENSED },
      { subItem: '11-03', when: { all: [LICENSED, { question: 'vehiclesReady', equals: true }] } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'vehicleCount', label: t('营运车辆数（辆）', 'Number of vehicles'), type: 'integer', required: true, min: 1, max: 10_000, forSubItems: ['11-02'] },
      { id: 'driverCount', label: t('取得从业资格证的驾驶员人数', 'Number of qualified drivers'), type: 'integer', required: true, min: 1, max: 10_000, forSubItems: ['11-02'] },
      { id: 'parkingAddress', label: t('停车场地地址', 'Address of the vehicle yard'), type: 'address', required: true, maxLength: 100, forSubItems: ['11-02'] },
      { id: 'plateNumbers', label: t('车辆号牌（多辆用逗号分开）', 'Registration plates (separate with commas)'), type: 'text', required: true, maxLength: 200, forSubItems: ['11-03'] },
    ],
    materials: [
      businessLicence(['11-01']),
      { id: 'driverQualifications', name: t('驾驶员道路运输从业资格证', 'Drivers’ road transport qualification certificates'), forSubItems: ['11-02'], exemptedBy: 7, commitmentAllowed: false, capturable: true },
      { id: 'safetyRules', name: t('安全生产管理制度文本', 'Safety management rules'), forSubItems: ['11-02'], commitmentAllowed: true, capturable: true },
      { id: 'parkingProof', name: t('停车场地使用证明', 'Proof of the right to use the vehicle yard'), forSubItems: ['11-02'], commitmentAllowed: true, capturable: true },
      { id: 'vehicleLicences', name: t('机动车行驶证和车辆技术等级评定（检测）报告', 'Vehicle registration documents and technical inspection reports'), forSubItems: ['11-03'], commitmentAllowed: false, capturable: true },
      authorisation(codes('11', 3)),
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole', dangerousGoods: 'dangerousGoods' } },
  },
};
