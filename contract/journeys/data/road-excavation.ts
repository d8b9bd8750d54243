import type { Journey } from '../schema';
import { authorisation, BUSINESS_FIELDS, BUSINESS_PAYLOAD, businessWhere, codes, LEGAL_REPRESENTATIVE_PARTY, ROLE_QUESTION, t, yesNo } from './common';

/** 挖掘城市道路 (annex 1 no. 24): planning, road, green-space and tree approvals for works under a city road. */
export const ROAD_EXCAVATION: Journey = {
  oneThing: 'road-excavation',
  guide: {
    covers: t(
      '管线等工程挖掘城市道路一次申请：建设工程规划许可、占用挖掘城市道路审批、临时占用城市绿化用地审批和砍伐、移植城市树木审批并联办理。',
      'Works that dig up a city road (such as pipes and cables) in one application: planning permit, road occupation and excavation approval, temporary use of green space, and felling or moving city trees, all handled together.',
    ),
    eligibility: [
      t('建设单位或施工单位的法定代表人或其委托的经办人。', 'The legal representative of the developer or contractor, or an agent it authorises.'),
      t('新建、改建的城市道路交付使用后5年内、大修后3年内原则上不得挖掘（抢险除外）。', 'A new road may not normally be dug up within 5 years, a resurfaced one within 3 (except emergencies).'),
    ],
    timeLimit: t('一般5个工作日内办结；涉及交通管制的同步征求公安交管部门意见。', 'Usually within 5 working days; traffic police are consulted at the same time when traffic must be controlled.'),
    where: businessWhere(t('工程建设项目审批综合窗口', 'the combined window for construction project approvals')),
  },
  wired: {
    questions: [
      ROLE_QUESTION,
      yesNo('planningPermit', '工程是否需要办理建设工程规划许可（新建、迁改管线等，尚未取得）？', 'Does the work need a construction planning permit you do not have yet (new or moved pipes and cables)?'),
      yesNo('greenSpace', '施工是否需要临时占用城市绿地？', 'Will the work temporarily use city green space?'),
      yesNo('trees', '是否需要砍伐或移植城市树木？', 'Must city trees be felled or moved?'),
    ],
    subItemRules: [
      { subItem: '24-01', when: { question: 'planningPermit', equals: true } },
      { subItem: '24-02', when: { always: true } },
      { subItem: '24-03', when: { question: 'greenSpace', equals: true } },
      { subItem: '24-04', when: { question: 'trees', equals: true } },
    ],
    parties: [LEGAL_REPRESENTATIVE_PARTY],
    form: [
      ...BUSINESS_FIELDS,
      { id: 'projectName', label: t('工程名称', 'Name of the works'), type: 'text', required: true, maxLength: 60 },
      { id: 'roadLocation', label: t('挖掘道路名称和具体位置', 'Road and exact place of the excavation'), type: 'address', required: true, maxLength: 100 },
      { id: 'excavationArea', label: t('挖掘面积（平方米）', 'Area dug up (m²)'), type: 'integer', required: true, min: 1, max: 100_000 },
      { id: 'startDate', label: t('计划开工日期', 'Planned start'), type: 'date', required: true, notBefore: { today: true, offsetDays: 5 }, notAfter: { today: true, offsetDays: 365 } },
      { id: 'endDate', label: t('计划完工（恢复路面）日期', 'Planned end (road restored)'), type: 'date', required: true, notBefore: { field: 'startDate' }, notAfter: { today: true, offsetDays: 730 } },
      { id: 'greenArea', label: t('临时占用绿地面积（平方米）', 'Green space used (m²)'), type: 'integer', required: true, min: 1, max: 100_000, forSubItems: ['24-03'] },
      { id: 'treeCount', label: t('砍伐、移植树木数量（株）', 'Trees felled or moved'), type: 'integer', required: true, min: 1, max: 10_000, forSubItems: ['24-04'] },
      { id: 'treeSpecies', label: t('树种和胸径', 'Species and trunk diameter'), type: 'text', required: true, maxLength: 100, forSubItems: ['24-04'] },
    ],
    materials: [
      { id: 'pipelineDesign', name: t('管线工程设计图（带地形图）', 'Design drawings of the works on a topographic map'), forSubItems: ['24-01', '24-02'], commitmentAllowed: false, capturable: true },
      { id: 'existingPermit', name: t('已取得的建设工程规划许可证', 'The construction planning permit already granted'), forSubItems: ['24-02'], exemptedBy: 138, commitmentAllowed: true, capturable: true, askIf: { question: 'planningPermit', equals: false } },
      { id: 'trafficPlan', name: t('施工组织、交通疏导和安全保障方案', 'Construction, traffic diversion and safety plan'), forSubItems: ['24-02'], commitmentAllowed: false, capturable: true },
      { id: 'greenRestorationPlan', name: t('绿地恢复方案', 'Plan to restore the green space'), forSubItems: ['24-03'], commitmentAllowed: true, capturable: true },
      { id: 'treePlan', name: t('树木砍伐、移植方案和补植计划', 'Plan for felling or moving trees and replanting'), forSubItems: ['24-04'], commitmentAllowed: false, capturable: true },
      authorisation(codes('24', 4)),
    ],
    payload: BUSINESS_PAYLOAD,
  },
};
