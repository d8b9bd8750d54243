import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessWhere, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

const ALL = codes('13', 6);

/** 水电气热网联合报装 (annex 1 no. 13): one application for every utility a building needs. */
export const UTILITY_CONNECTION: Journey = {
  oneThing: 'utility-connection',
  guide: {
    covers: t(
      '工程项目的供电、供热、燃气、供排水和通信报装一次申请；接入工程要占用、挖掘道路或绿地的，外线工程规划、占路、掘路、绿化等审批并联办理。',
      'Power, heating, gas, water and drainage, and telecom connections for a project in one application; where the connection works dig up or occupy roads or green space, the planning, road and green-space approvals for them are handled together.',
    ),
    eligibility: [
      t('项目建设单位或用户单位的法定代表人或其委托的经办人。', 'The legal representative of the developer or user, or an agent it authorises.'),
      t('项目已取得建设工程规划许可或不动产权证书。', 'The project has its planning permit or property certificate.'),
    ],
    timeLimit: t('外线工程审批一般5个工作日内办结；各报装由供水、供电、供气、供热和通信企业按承诺时限接入。', 'Connection works approvals usually within 5 working days; each utility connects within its committed time.'),
    where: businessWhere(t('工程建设项目审批综合窗口', 'the combined window for construction project approvals')),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      yesNo('externalWorks', '接入管线是否需要占用或挖掘城市道路、绿地？', 'Will the connection lines dig up or occupy city roads or green space?'),
      yesNo('power', '是否申请供电报装？', 'Apply for a power connection?'),
      yesNo('heat', '是否申请供热报装？', 'Apply for a heating connection?'),
      yesNo('gas', '是否申请燃气报装？', 'Apply for a gas connection?'),
      yesNo('water', '是否申请供水、排水报装？', 'Apply for water and drainage connections?'),
      yesNo('telecom', '是否申请通信（宽带、电话）报装？', 'Apply for telecom (broadband, telephone)?'),
    ],
    subItemRules: [
      { subItem: '13-01', when: { question: 'externalWorks', equals: true } },
      { subItem: '13-02', when: { question: 'power', equals: true } },
      { subItem: '13-03', when: { question: 'heat', equals: true } },
      { subItem: '13-04', when: { question: 'gas', equals: true } },
      { subItem: '13-05', when: { question: 'water', equals: true } },
      { subItem: '13-06', when: { question: 'telecom', equals: true } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'projectName', label: t('项目名称', 'Project name'), type: 'text', required: true, maxLength: 60 },
      { id: 'projectAddress', label: t('项目地址', 'Project address'), type: 'address', required: true, maxLength: 100 },
      { id: 'buildingArea', label: t('建筑面积（平方米）', 'Floor area (m²)'), type: 'integer', required: true, min: 1, max: 10_000_000 },
      { id: 'powerCapacity', label: t('用电容量（千伏安）', 'Power capacity (kVA)'), type: 'integer', required: true, min: 1, max: 1_000_000, forSubItems: ['13-02'] },
      { id: 'heatArea', label: t('供热面积（平方米）', 'Heated area (m²)'), type: 'integer', required: true, min: 1, max: 10_000_000, forSubItems: ['13-03'] },
      { id: 'gasUse', label: t('用气性质', 'Gas use'), type: 'choice', required: true, forSubItems: ['13-04'], options: [
        { value: 'commercial', label: t('商业用气', 'Commercial') },
        { value: 'industrial', label: t('工业用气', 'Industrial') },
        { value: 'residential', label: t('居民用气（住宅项目）', 'Residential (housing project)') },
      ] },
      { id: 'waterDemand', label: t('日用水量（立方米）', 'Daily water use (m³)'), type: 'integer', required: true, min: 1, max: 1_000_000, forSubItems: ['13-05'] },
      { id: 'connectionRoute', label: t('外线工程路由（经过的道路、绿地）', 'Route of the connection works (roads, green space)'), type: 'text', required: true, maxLength: 200, forSubItems: ['13-01'] },
    ],
    materials: [
      { id: 'planningPermit', name: t('建设工程规划许可证或不动产权证书', 'Construction planning permit or property certificate'), forSubItems: ALL, exemptedBy: 138, commitmentAllowed: true, capturable: true },
      { id: 'sitePlan', name: t('项目总平面图（标明接入位置）', 'Site plan showing the connection points'), forSubItems: ['13-02', '13-03', '13-04', '13-05', '13-06'], commitmentAllowed: true, capturable: true },
      { id: 'externalWorksDesign', name: t('外线工程设计方案和施工安全、交通组织方案', 'Design of the connection works with safety and traffic plans'), forSubItems: ['13-01'], commitmentAllowed: false, capturable: true },
      authorisation(ALL),
    ],
    payload: BUSINESS_PAYLOAD,
  },
};
