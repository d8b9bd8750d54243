import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessWhere, choice, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

const ALL = codes('27', 14);
const FILED = { question: 'filed', equals: true } as const;
const CIVIL_AIR = { question: 'civilAirDefence', oneOf: ['build', 'offsite'] } as const;

/** 开发区企业投资项目开工 (annex 1 no. 27): every approval from filing to the construction permit, with a development-zone agent. */
export const DEVELOPMENT_ZONE_PROJECT_START: Journey = {
  oneThing: 'development-zone-project-start',
  guide: {
    covers: t(
      '开发区内企业投资项目从备案到开工一次申请：开发区“全代办”服务，项目备案，用地和工程规划许可，环评、节能、水土保持审查，配套费，消防设计审查，专家论证，施工许可，雷电防护和人防报建。',
      'From filing to breaking ground for an enterprise project in a development zone, in one application: the zone’s full agency service, project filing, land and building planning permits, environmental, energy and soil-conservation reviews, infrastructure fees, fire design review, expert review, the construction permit, lightning protection and civil air defence.',
    ),
    eligibility: [
      t('在省级以上开发区投资建设项目的企业，由法定代表人或其委托的经办人申请。', 'An enterprise investing in a project in a provincial or national development zone, through the legal representative or an agent.'),
      t('项目已取得建设用地（或已签订国有建设用地使用权出让合同）。', 'The project has its land (or a signed land-use rights contract).'),
      t('开发区实行“承诺制+标准地”的，可容缺受理、边建边补。', 'Where the zone uses commitments and standard plots, gaps may be filled while building.'),
    ],
    timeLimit: t('开发区“全代办”下，从备案到施工许可一般不超过30个工作日，各审批并联办理。', 'With the zone’s agency service, from filing to the construction permit usually within 30 working days, the approvals running in parallel.'),
    where: businessWhere(t('开发区企业服务中心（项目代办窗口）', 'the development zone enterprise service centre (project agency window)')),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      yesNo('agency', '是否委托开发区代办员全程代办开工手续？', 'Should the zone’s project agents handle the start-up approvals for you?', {
        hint: t('代办服务免费，代办员会主动联系您。', 'The agency service is free; an agent will contact you.'),
      }),
      yesNo('filed', '项目是否已经取得企业投资项目备案证？', 'Does the project already have its investment filing certificate?'),
      yesNo('landPermit', '是否已经取得建设用地规划许可证？', 'Do you already have the land-use planning permit?'),
      yesNo('environmentalImpact', '项目是否需要编制环境影响报告书或报告表？', 'Does the project need an environmental impact report?'),
      yesNo('energyReview', '项目年综合能源消费量是否达到1000吨标准煤（或年用电500万千瓦时）以上？', 'Will the project use 1,000 tonnes of standard coal (or 5 GWh of power) a year or more?'),
      yesNo('soilConservation', '项目征占地0.5公顷以上或挖填土石方1000立方米以上吗？', 'Does the project take 0.5 ha or more, or move 1,000 m³ of earth or more?'),
      yesNo('specialFireDesign', '项目是否属于特殊建设工程（需消防设计审查）？', 'Is it a special construction project that needs a fire design review?', {
        hint: t('如大型公共建筑、甲乙类厂房仓库等；其他项目实行消防设计备案。', 'Such as large public buildings or plants storing flammables; other projects only file the fire design.'),
      }),
      yesNo('expertReview', '是否有超限高层、深基坑、高大模板等需要专家论证的重要工程？', 'Are there works that need expert review (over-limit high-rise, deep foundation pits, high formwork)?'),
      yesNo('lightning', '是否需要安装雷电防护装置（易燃易爆场所、大型建筑等）？', 'Is lightning protection required (flammable or explosive sites, large buildings)?'),
      choice('civilAirDefence', '项目是否应建防空地下室？', 'Must the project include a civil air-defence basement?', [
        ['build', '应建，并在本项目修建', 'Yes, built in this project'],
        ['offsite', '应建但不宜修建，缴纳易地建设费', 'Yes, but not suitable here: pay the off-site fee'],
        ['none', '不需要（非民用建筑或不在应建范围）', 'No (not a civil building, or outside the rule)'],
      ]),
    ],
    subItemRules: [
      { subItem: '27-01', when: { question: 'agency', equals: true } },
      { subItem: '27-02', when: { question: 'filed', equals: false } },
      { subItem: '27-03', when: { question: 'landPermit', equals: false } },
      { subItem: '27-04', when: { always: true } },
      { subItem: '27-05', when: { question: 'environmentalImpact', equals: true } },
      { subItem: '27-06', when: { question: 'energyReview', equals: true } },
      { subItem: '27-07', when: { question: 'soilConservation', equals: true } },
      { subItem: '27-08', when: { always: true } },
      { subItem: '27-09', when: { question: 'specialFireDesign', equals: true } },
      { subItem: '27-10', when: { question: 'expertReview', equals: true } },
      { subItem: '27-11', when: { always: true } },
      { subItem: '27-12', when: { question: 'lightning', equals: true } },
      { subItem: '27-13', when: CIVIL_AIR },
      { subItem: '27-14', when: { question: 'civilAirDefence', equals: 'offsite' } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'projectName', label: t('项目名称', 'Project name'), type: 'text', required: true, maxLength: 60 },
      { id: 'projectCode', label: t('项目代码（备案证上的）', 'Project code (on the filing certificate)'), type: 'text', required: true, maxLength: 30, askIf: FILED },
      { id: 'developmentZone', label: t('所在开发区', 'Development zone'), type: 'text', required: true, maxLength: 40 },
      { id: 'projectAddress', label: t('建设地点', 'Site'), type: 'address', required: true, maxLength: 100 },
      { id: 'totalInvestment', label: t('总投资（万元）', 'Total investment (10,000 yuan)'), type: 'integer', required: true, min: 1, max: 100_000_000 },
      { id: 'landArea', label: t('用地面积（平方米）', 'Land area (m²)'), type: 'integer', required: true, min: 1, max: 100_000_000 },
      { id: 'buildingArea', label: t('总建筑面积（平方米）', 'Total floor area (m²)'), type: 'integer', required: true, min: 1, max: 100_000_000 },
      { id: 'plannedStart', label: t('计划开工日期', 'Planned start of construction'), type: 'date', required: true, notBefore: { today: true }, notAfter: { today: true, offsetDays: 730 } },
      { id: 'basementArea', label: t('防空地下室面积（平方米）', 'Civil air-defence basement area (m²)'), type: 'integer', required: true, min: 1, max: 10_000_000, forSubItems: ['27-13'] },
    ],
    materials: [
      { id: 'filingCertificate', name: t('山西省企业投资项目备案证', 'Shanxi enterprise investment project filing certificate'), forSubItems: ['27-03', '27-04', '27-05', '27-06', '27-11'], exemptedBy: 1, commitmentAllowed: false, capturable: true, askIf: FILED },
      { id: 'landCertificate', name: t('不动产权证书（土地）或国有建设用地使用权出让合同', 'Land title certificate or land-use rights contract'), forSubItems: ['27-03', '27-04', '27-11'], exemptedBy: 129, commitmentAllowed: true, capturable: true },
      { id: 'landPlanningPermit', name: t('建设用地规划许可证', 'Land-use planning permit'), forSubItems: ['27-04'], exemptedBy: 139, commitmentAllowed: false, capturable: true, askIf: { question: 'landPermit', equals: true } },
      { id: 'designScheme', name: t('建设工程设计方案（总平面图、建筑单体图）', 'Building design scheme (site plan, building drawings)'), forSubItems: ['27-04', '27-09', '27-12', '27-13'], commitmentAllowed: false, capturable: true },
      { id: 'environmentalReport', name: t('环境影响报告书（表）', 'Environmental impact report'), forSubItems: ['27-05'], commitmentAllowed: false, capturable: true },
      { id: 'energyReport', name: t('节能报告', 'Energy-saving report'), forSubItems: ['27-06'], commitmentAllowed: false, capturable: true },
      { id: 'soilPlan', name: t('水土保持方案报告书（表）', 'Soil and water conservation plan'), forSubItems: ['27-07'], commitmentAllowed: true, capturable: true },
      { id: 'fireDesign', name: t('消防设计文件', 'Fire design documents'), forSubItems: ['27-09'], commitmentAllowed: false, capturable: true },
      { id: 'expertPlan', name: t('危险性较大的分部分项工程专项施工方案', 'Special construction plan for high-risk works'), forSubItems: ['27-10'], commitmentAllowed: false, capturable: true },
      { id: 'constructionContract', name: t('施工合同和监理合同', 'Construction and supervision contracts'), forSubItems: ['27-11'], commitmentAllowed: true, capturable: true },
      { id: 'drawingReview', name: t('施工图设计文件审查合格书', 'Certificate that the construction drawings passed review'), forSubItems: ['27-11'], commitmentAllowed: true, capturable: true },
      { id: 'agencyAgreement', name: t('项目代办服务委托书', 'Agreement for the agency service'), forSubItems: ['27-01'], commitmentAllowed: true, capturable: true },
      authorisation(ALL),
    ],
    payload: { ...BUSINESS_PAYLOAD, answerKeys: { applicantRole: 'applicantRole', civilAirDefence: 'civilAirDefence' } },
  },
};
