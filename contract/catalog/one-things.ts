import { DEPARTMENT_EN, SUB_ITEM_EN } from './english';
import type { Audience, LifeEvent, OneThing, OneThingGroup, SubItem } from './schema';

/**
 * Annex 1 of 晋政发〔2024〕8号, transcribed row by row. Where a department
 * cell is blank the PDF merged it with the cell above (`merged-cell`);
 * restorations of misaligned or packed rows are marked `correction` and
 * explained in `corrections.ts`. Lead departments (★) are listed per 一件事:
 * when a ★ cell names several departments, all of them lead (item 9 says so
 * in words: 按职责分工牵头).
 */

type Row = readonly [name: string, departments: readonly string[], from: SubItem['departmentsFrom']];

interface Raw {
  readonly id: string;
  readonly number: number;
  readonly name: string;
  readonly nameEn: string;
  readonly nameNote?: string;
  readonly group: OneThingGroup;
  readonly lifeEvent: LifeEvent;
  readonly audience: Audience;
  readonly leads: readonly string[];
  readonly deadline: string | { readonly restored: string };
  readonly rows: readonly Row[];
}

const END_2024 = '2024年年底';
const PILOT_2025 = '2024年试点推进，2025年年底全面实施';

const RAW: readonly Raw[] = [
  {
    id: 'business-start', number: 1, name: '企业开办', nameEn: 'Starting a business',
    group: '巩固提升', lifeEvent: 'business-start', audience: 'business', leads: ['省市场监管局'], deadline: END_2024,
    rows: [
      ['企业登记注册', ['省市场监管局'], 'cell'],
      ['公章刻制备案', ['省公安厅'], 'cell'],
      ['发票领用', ['省税务局'], 'cell'],
      ['企业社会保险登记', ['省人社厅'], 'cell'],
      ['企业医疗保险登记', ['省医保局'], 'cell'],
      ['住房公积金单位登记开户', ['省住建厅'], 'cell'],
    ],
  },
  {
    id: 'business-licensing', number: 2, name: '企业准营', nameEn: 'Licences to operate (e.g. opening a bakery)',
    nameNote: '50个,以我要开面包店为例',
    group: '巩固提升', lifeEvent: 'business-start', audience: 'business', leads: ['省审批服务管理局', '省市场监管局'], deadline: '2024年底',
    rows: [
      ['食品经营许可', ['省审批服务管理局', '省市场监管局'], 'cell'],
      ['一般建设项目环境影响评价审批', ['省生态环境厅'], 'cell'],
      ['户外招牌设施设置规范管理', ['省住建厅'], 'cell'],
      ['公众聚集场所投入使用、营业前消防安全检查', ['省消防救援总队'], 'cell'],
    ],
  },
  {
    id: 'hiring-staff', number: 3, name: '员工录用', nameEn: 'Hiring an employee',
    group: '巩固提升', lifeEvent: 'business-operation', audience: 'business', leads: ['省人社厅'], deadline: { restored: END_2024 },
    rows: [
      ['就业登记', ['省人社厅'], 'cell'],
      ['职工参保登记(社会保险)', ['省人社厅'], 'merged-cell'],
      ['社会保障卡申领', ['省人社厅'], 'merged-cell'],
      ['档案的接收和转递(流动人员)', ['省人社厅'], 'merged-cell'],
      ['职工参保登记(基本医疗保险)', ['省医保局'], 'cell'],
      ['个人住房公积金账户设立', ['省住建厅'], 'cell'],
    ],
  },
  {
    id: 'business-real-estate', number: 4, name: '涉企不动产登记', nameEn: 'Real estate registration for enterprises',
    group: '巩固提升', lifeEvent: 'business-operation', audience: 'business', leads: ['省自然资源厅'], deadline: { restored: END_2024 },
    rows: [
      ['不动产统一登记', ['省自然资源厅'], 'cell'],
      ['房地产交易税费申报', ['省税务局'], 'cell'],
    ],
  },
  {
    id: 'flexible-employment', number: 5, name: '灵活就业', nameEn: 'Flexible employment',
    group: '巩固提升', lifeEvent: 'employment', audience: 'person', leads: ['省人社厅'], deadline: END_2024,
    rows: [
      ['就业登记', ['省人社厅'], 'cell'],
      ['档案的接收和转递(流动人员)', ['省人社厅'], 'merged-cell'],
      ['社会保险登记', ['省人社厅'], 'merged-cell'],
      ['基本医疗保险参保登记和变更登记', ['省医保局'], 'cell'],
      ['灵活就业人员社会保险费申报', ['省税务局'], 'cell'],
    ],
  },
  {
    id: 'marriage-and-childbearing', number: 6, name: '公民婚育', nameEn: 'Marriage and childbearing',
    group: '巩固提升', lifeEvent: 'marriage', audience: 'person', leads: ['省民政厅'], deadline: END_2024,
    rows: [
      ['内地居民婚姻登记', ['省民政厅'], 'cell'],
      ['户口登记项目变更', ['省公安厅'], 'cell'],
      ['户口迁移', ['省公安厅'], 'merged-cell'],
      ['生育登记', ['省卫健委'], 'cell'],
    ],
  },
  {
    id: 'second-hand-home-transfer', number: 7, name: '二手房转移登记及水电气热联动过户',
    nameEn: 'Second-hand home transfer with utility account transfers',
    group: '巩固提升', lifeEvent: 'housing', audience: 'person', leads: ['省自然资源厅'], deadline: { restored: END_2024 },
    rows: [
      ['房屋交易合同网签备案', ['省住建厅'], 'cell'],
      ['房地产交易税费申报', ['省税务局'], 'cell'],
      ['不动产统一登记', ['省自然资源厅'], 'cell'],
      ['二手房“带押过户”', ['省自然资源厅'], 'merged-cell'],
      ['电表过户', ['省能源局及国网山西省电力公司'], 'cell'],
      ['水表过户', ['省住建厅及供水企业'], 'cell'],
      ['天然气表过户', ['省住建厅及供气企业'], 'cell'],
      ['供热账户过户', ['省住建厅及供热企业'], 'cell'],
    ],
  },
  {
    id: 'military-discharge', number: 8, name: '军人退役', nameEn: 'Leaving military service',
    group: '巩固提升', lifeEvent: 'veterans', audience: 'person', leads: ['省退役军人厅'], deadline: END_2024,
    rows: [
      ['退役报到', ['省退役军人厅'], 'cell'],
      ['户口登记（退役军人恢复户口）', ['省公安厅'], 'cell'],
      ['核发居民身份证', ['省公安厅'], 'merged-cell'],
      ['预备役登记', ['省军区动员局'], 'cell'],
      ['社会保险登记', ['省人社厅'], 'cell'],
      ['军地养老保险关系转移接续', ['省人社厅'], 'merged-cell'],
      ['基本医疗保险参保和变更登记', ['省医保局'], 'cell'],
      ['基本医疗保险关系转移接续', ['省医保局'], 'merged-cell'],
      ['退役士兵自主就业一次性经济补助金的给付', ['省退役军人厅'], 'cell'],
    ],
  },
  {
    id: 'after-death', number: 9, name: '公民身后', nameEn: 'After a death in the family',
    group: '巩固提升', lifeEvent: 'after-death', audience: 'person', leads: ['省卫健委', '省公安厅'], deadline: END_2024,
    rows: [
      ['出具死亡证明（正常死亡）', ['省卫健委', '省公安厅'], 'cell'],
      ['出具死亡证明（非正常死亡）', ['省卫健委', '省公安厅'], 'merged-cell'],
      ['出具火化证明', ['省民政厅'], 'cell'],
      ['参保人员个人账户一次性支取（基本医疗保险）', ['省医保局'], 'cell'],
      ['个人账户一次性待遇申领（养老保险）', ['省人社厅'], 'cell'],
      ['遗属待遇申领', ['省人社厅'], 'merged-cell'],
      ['办理户口注销', ['省公安厅'], 'cell'],
      ['注销驾驶证', ['省公安厅'], 'merged-cell'],
      ['住房公积金提取（死亡）', ['省住建厅'], 'cell'],
    ],
  },
  {
    id: 'business-change', number: 10, name: '企业信息变更', nameEn: 'Changing enterprise information',
    group: '集中攻坚', lifeEvent: 'business-operation', audience: 'business', leads: ['省市场监管局'], deadline: END_2024,
    rows: [
      ['企业变更登记', ['省市场监管局'], 'cell'],
      ['企业印章刻制', ['省公安厅'], 'cell'],
      ['基本账户变更', ['人行山西省分行'], 'cell'],
      ['税控设备变更发行', ['省税务局'], 'cell'],
      ['社会保险登记变更', ['省人社厅'], 'cell'],
      ['住房公积金企业缴存登记变更', ['省住建厅'], 'cell'],
    ],
  },
  {
    id: 'transport-business', number: 11, name: '开办运输企业', nameEn: 'Opening a road freight business',
    group: '集中攻坚', lifeEvent: 'business-start', audience: 'business', leads: ['省交通厅'], deadline: END_2024,
    rows: [
      ['企业营业执照信息核验', ['省市场监管局'], 'cell'],
      ['道路货物运输经营许可（危险货物道路运输经营、使用总质量4500千克及以下普通货运车辆从事普通货运经营的除外）', ['省交通厅'], 'cell'],
      ['普通道路货物运输车辆《道路运输证》办理', ['省交通厅'], 'merged-cell'],
    ],
  },
  {
    id: 'restaurant', number: 12, name: '开办餐饮店', nameEn: 'Opening a restaurant',
    group: '集中攻坚', lifeEvent: 'business-start', audience: 'business', leads: ['省市场监管局'], deadline: END_2024,
    rows: [
      ['企业营业执照信息核验', ['省市场监管局'], 'cell'],
      ['食品经营许可', ['省市场监管局'], 'merged-cell'],
      ['户外招牌设施设置规范管理', ['省住建厅'], 'cell'],
      ['公众聚集场所投入使用、营业前消防安全检查', ['省消防救援总队'], 'cell'],
    ],
  },
  {
    id: 'utility-connection', number: 13, name: '水电气热网联合报装', nameEn: 'Joint application for water, power, gas, heat and telecom',
    group: '集中攻坚', lifeEvent: 'construction', audience: 'business',
    leads: ['省住建厅', '省自然资源厅', '省交通厅', '省通信管理局', '省能源局'], deadline: END_2024,
    rows: [
      ['水电气热网接入外线工程联合审批', ['省住建厅', '省自然资源厅', '省交通厅', '省通信管理局', '省能源局'], 'cell'],
      ['供电报装', ['省能源局及国网山西省电力公司'], 'cell'],
      ['供热报装', ['省住建厅及供热企业'], 'cell'],
      ['燃气报装', ['省住建厅及供气企业'], 'cell'],
      ['供排水报装', ['省住建厅及供水企业'], 'cell'],
      ['通信报装', ['省通信管理局及网络运营商'], 'cell'],
    ],
  },
  {
    id: 'credit-repair', number: 14, name: '信用修复', nameEn: 'Credit repair',
    group: '集中攻坚', lifeEvent: 'business-operation', audience: 'business', leads: ['省发展改革委'], deadline: END_2024,
    rows: [
      ['统筹在“信用中国”网站及地方信用平台网站建立相关失信信息信用修复指引', ['省发展改革委'], 'cell'],
      ['行政处罚信息修复', ['省发展改革委', '省市场监管局等有关部门'], 'cell'],
      ['异常经营名录信息修复', ['省市场监管局'], 'cell'],
      ['严重失信主体名单信息修复', ['设列严重失信主体名单的有关部门'], 'cell'],
    ],
  },
  {
    id: 'listing-compliance-check', number: 15, name: '企业上市合法合规信息核查', nameEn: 'Compliance check for a stock listing',
    group: '集中攻坚', lifeEvent: 'business-operation', audience: 'business', leads: ['省审批服务管理局'], deadline: END_2024,
    rows: [
      ['统筹相关申请核查信息的受理、分派、汇总和结果送达', ['省审批服务管理局'], 'cell'],
      ['企业城市管理领域无违法违规信息核查', ['省住建厅'], 'cell'],
      ['企业规划自然资源领域无违法违规信息核查', ['省自然资源厅'], 'cell'],
      ['企业违反劳动保障法律法规信息核查', ['省人社厅'], 'cell'],
      ['企业生态环境保护领域无违法违规信息核查', ['省生态环境厅'], 'cell'],
      ['企业市场监管领域无违法违规信息核查', ['省市场监管局'], 'cell'],
      ['企业卫生和人员健康领域无违法违规信息核查', ['省卫健委'], 'cell'],
      ['企业文旅市场领域无违法违规信息核查', ['省文旅厅'], 'cell'],
      ['企业应急管理领域无违法违规信息核查', ['省应急管理厅'], 'cell'],
      ['企业住房、工程建设领域无违法违规信息核查', ['省住建厅'], 'cell'],
      ['企业人员住房公积金缴存信息核查', ['省住建厅'], 'merged-cell'],
      ['企业科技领域无违法违规信息核查', ['省科技厅'], 'cell'],
      ['企业交通运输领域无违法违规信息核查', ['省交通厅'], 'cell'],
      ['企业合法纳税情况无违法违规信息核查', ['省税务局'], 'cell'],
      ['企业知识产权领域无违法违规信息核查', ['省市场监管局'], 'cell'],
      ['企业水资源保护领域无违法违规信息核查', ['省水利厅'], 'cell'],
      ['企业消防安全无违法违规信息核查', ['省消防救援总队'], 'cell'],
      ['电信监管领域无行政处罚信息核查', ['省通信管理局'], 'cell'],
    ],
  },
  {
    id: 'bankruptcy-check', number: 16, name: '企业破产信息核查', nameEn: 'Information check for a bankruptcy',
    group: '集中攻坚', lifeEvent: 'business-exit', audience: 'business', leads: ['省审批服务管理局'], deadline: END_2024,
    rows: [
      ['统筹相关申请核查信息的受理、分派、汇总和结果送达', ['省审批服务管理局'], 'cell'],
      ['企业车辆信息核查', ['省公安厅'], 'cell'],
      ['企业不动产登记信息核查', ['省自然资源厅'], 'cell'],
      ['社会保险参保缴费记录核查', ['省人社厅', '省税务局'], 'cell'],
      ['企业注册、登记等基本信息核查', ['省市场监管局'], 'cell'],
      ['企业人员医保缴存信息核查', ['省医保局', '省税务局'], 'cell'],
      ['企业房产信息核查', ['省住建厅'], 'cell'],
      ['企业人员住房公积金缴存信息核查', ['省住建厅'], 'merged-cell'],
      ['企业纳税缴税情况信息核查', ['省税务局'], 'cell'],
      ['企业海关税款缴纳、货物通关信息核查', ['太原海关'], 'cell'],
    ],
  },
  {
    id: 'business-deregistration', number: 17, name: '企业注销登记', nameEn: 'Closing down an enterprise',
    group: '集中攻坚', lifeEvent: 'business-exit', audience: 'business', leads: ['省市场监管局'], deadline: END_2024,
    rows: [
      ['税务注销', ['省税务局'], 'cell'],
      ['企业注销登记', ['省市场监管局'], 'cell'],
      ['海关报关单位备案注销', ['太原海关'], 'cell'],
      ['注销社会保险登记', ['省人社厅'], 'cell'],
      ['银行账户注销', ['人行山西省分行'], 'cell'],
      ['企业印章注销', ['省公安厅'], 'cell'],
    ],
  },
  {
    id: 'newborn', number: 18, name: '新生儿出生', nameEn: 'Birth of a baby',
    group: '集中攻坚', lifeEvent: 'birth', audience: 'person', leads: ['省卫健委'], deadline: END_2024,
    rows: [
      ['《出生医学证明》办理(首签)', ['省卫健委'], 'cell'],
      ['预防接种证办理', ['省疾控局'], 'cell'],
      ['本市户口登记(申报出生登记)1岁以下婚内本市生育', ['省公安厅'], 'cell'],
      ['社会保障卡申领', ['省人社厅'], 'cell'],
      ['生育医疗费用报销', ['省医保局'], 'cell'],
      ['办理居民医保登记', ['省医保局'], 'merged-cell'],
      ['科学育儿指导服务登记', ['省卫健委'], 'cell'],
    ],
  },
  {
    id: 'school-enrolment', number: 19, name: '教育入学', nameEn: 'Starting school',
    group: '集中攻坚', lifeEvent: 'education', audience: 'person', leads: ['省教育厅'], deadline: { restored: END_2024 },
    rows: [
      ['新生入学信息采集', ['省教育厅'], 'correction'],
      ['户籍类证明', ['省公安厅'], 'correction'],
      ['居住证', ['省公安厅'], 'correction'],
      ['不动产权证书', ['省自然资源厅'], 'correction'],
      ['社会保险参保缴费记录查询', ['省人社厅'], 'correction'],
    ],
  },
  {
    id: 'social-security-card-services', number: 20, name: '社会保障卡居民服务', nameEn: 'Social security card services',
    group: '集中攻坚', lifeEvent: 'social-security', audience: 'person', leads: ['省人社厅'], deadline: { restored: END_2024 },
    rows: [
      ['就业和人力资源服务、社保服务', ['省人社厅'], 'correction'],
      ['就医购药', ['省医保局'], 'correction'],
      ['交通出行', ['省交通厅'], 'correction'],
      ['文化体验', ['省文旅厅'], 'correction'],
    ],
  },
  {
    id: 'disability-services', number: 21, name: '残疾人服务', nameEn: 'Services for people with disabilities',
    group: '集中攻坚', lifeEvent: 'disability', audience: 'person', leads: ['省残联'], deadline: END_2024,
    rows: [
      ['残疾人证新办、换领、迁移、挂失补办、注销、残疾类别/等级变更', ['省残联'], 'correction'],
      ['困难残疾人生活补贴', ['省民政厅', '省残联'], 'correction'],
      ['重度残疾人护理补贴', ['省民政厅', '省残联'], 'correction'],
      ['残疾人就业帮扶', ['省人社厅', '省残联'], 'correction'],
      ['城乡居民基本养老保险补助', ['省人社厅'], 'correction'],
    ],
  },
  {
    id: 'retirement', number: 22, name: '退休', nameEn: 'Retirement',
    group: '集中攻坚', lifeEvent: 'retirement', audience: 'person', leads: ['省人社厅'], deadline: { restored: END_2024 },
    rows: [
      ['参保人员达到法定退休年龄领取基本养老保险待遇资格确认', ['省人社厅'], 'correction'],
      ['基本养老保险视同缴费年限认定', ['省人社厅'], 'correction'],
      ['特殊工种提前退休核准', ['省人社厅'], 'correction'],
      ['因病或非因工致残完全丧失劳动能力提前退休(退职)核准', ['省人社厅'], 'correction'],
      ['新增退休人员养老保险待遇核定发放', ['省人社厅'], 'correction'],
      ['基本医疗保险视同缴费年限核定', ['省医保局'], 'correction'],
      ['离休、退休提取住房公积金', ['省住建厅'], 'correction'],
      ['城镇独生子女父母奖励金', ['省卫健委'], 'correction'],
      ['户籍信息确认', ['省公安厅'], 'correction'],
    ],
  },
  {
    id: 'teacher-qualification', number: 23, name: '申领教师资格证', nameEn: 'Applying for a teacher qualification certificate',
    group: '探索拓展', lifeEvent: 'employment', audience: 'person', leads: ['省教育厅'], deadline: PILOT_2025,
    rows: [
      ['教育学、心理学考试成绩合格证明', ['省教育厅'], 'cell'],
      ['普通话水平测试等级证书', ['省教育厅'], 'merged-cell'],
      ['体格检查合格证明', ['省卫健委'], 'cell'],
      ['学历（学位）证明', ['省教育厅'], 'cell'],
      ['身份证明（身份证、户口本或居住证）', ['省公安厅'], 'cell'],
      ['无犯罪记录核验', ['省公安厅'], 'merged-cell'],
      ['社会保险参保缴费记录查询（申领高等学校教师资格证书专用）', ['省人社厅'], 'cell'],
    ],
  },
  {
    id: 'road-excavation', number: 24, name: '挖掘城市道路', nameEn: 'Excavating a city road',
    group: '探索拓展', lifeEvent: 'construction', audience: 'business', leads: ['省住建厅'], deadline: PILOT_2025,
    rows: [
      ['建设工程规划许可', ['省自然资源厅'], 'cell'],
      ['占用、挖掘城市道路审批', ['省住建厅'], 'cell'],
      ['临时占用城市绿化用地审批', ['省住建厅'], 'merged-cell'],
      ['砍伐、移植城市树木，迁移古树后备资源', ['省住建厅'], 'merged-cell'],
    ],
  },
  {
    id: 'elderly-care', number: 25, name: '个人养老服务', nameEn: 'Personal elderly care services',
    group: '探索拓展', lifeEvent: 'retirement', audience: 'person', leads: ['省民政厅'], deadline: PILOT_2025,
    rows: [
      ['职工基本养老保险', ['省人社厅'], 'cell'],
      ['城乡居民基本养老保险', ['省人社厅'], 'cell'],
      ['老年人健康管理', ['省卫健委'], 'cell'],
      ['老年人能力综合评估', ['省民政厅'], 'cell'],
      ['高龄津贴', ['省民政厅'], 'cell'],
      ['护理补贴', ['省民政厅'], 'cell'],
      ['家庭养老支持服务', ['省民政厅'], 'cell'],
      ['特殊困难老年人供养', ['省民政厅'], 'cell'],
      ['计划生育特殊家庭老年人优先入住公办养老机构', ['省民政厅'], 'cell'],
    ],
  },
  {
    id: 'care-home-subsidies', number: 26, name: '养老机构补贴申领', nameEn: 'Subsidies for elderly care institutions',
    group: '探索拓展', lifeEvent: 'business-operation', audience: 'business', leads: ['省民政厅'], deadline: PILOT_2025,
    rows: [
      ['养老机构和康养项目建设补助', ['省民政厅'], 'cell'],
      ['养老机构和康养项目贷款贴息', ['省民政厅'], 'cell'],
      ['养老机构运营补贴', ['省民政厅'], 'cell'],
      ['养老机构床位补贴', ['省民政厅'], 'cell'],
    ],
  },
  {
    id: 'development-zone-project-start', number: 27, name: '开发区企业投资项目开工',
    nameEn: 'Starting construction of an enterprise investment project in a development zone',
    group: '探索拓展', lifeEvent: 'construction', audience: 'business', leads: ['省审批服务管理局', '省商务厅'],
    deadline: '2024年在山西转型综改示范区试点推进，2025年向省级以上开发区推广',
    rows: [
      ['项目开工手续“全代办”服务', ['省审批服务管理局', '省商务厅'], 'cell'],
      ['企业投资项目备案', ['省发展改革委'], 'cell'],
      ['建设用地规划许可', ['省自然资源厅'], 'cell'],
      ['建设工程规划许可(含建设工程设计方案审查)', ['省自然资源厅'], 'merged-cell'],
      ['一般建设项目环境影响评价审批', ['省生态环境厅'], 'cell'],
      ['固定资产投资项目节能审查', ['省能源局'], 'cell'],
      ['生产建设项目水土保持方案审批(含水土保持费征收)', ['省水利厅'], 'cell'],
      ['城市基础设施配套费征收(减免)', ['省住建厅'], 'cell'],
      ['建设工程消防设计审查', ['省住建厅'], 'merged-cell'],
      ['重要工程专家论证', ['省住建厅'], 'merged-cell'],
      ['建筑工程施工许可', ['省住建厅'], 'correction'],
      ['雷电防护装置设计审核', ['省气象局'], 'correction'],
      ['应建防空地下室的民用建筑项目报建审批', ['省国动办'], 'cell'],
      ['防空地下室易地建设费征收', ['省国动办'], 'merged-cell'],
    ],
  },
];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** English is part of the data: a name without it is a mistake in `english.ts`, found at load. */
function english(table: Readonly<Record<string, string>>, zh: string): string {
  const en = table[zh];
  if (en === undefined) throw new Error(`catalog: no English for ${zh}`);
  return en;
}

function build(raw: Raw): OneThing {
  const code = pad2(raw.number);
  return {
    id: raw.id,
    number: raw.number,
    code,
    name: raw.name,
    nameEn: raw.nameEn,
    ...(raw.nameNote ? { nameNote: raw.nameNote } : {}),
    group: raw.group,
    lifeEvent: raw.lifeEvent,
    audience: raw.audience,
    subItems: raw.rows.map(([name, departments, from], i) => ({
      code: `${code}-${pad2(i + 1)}`,
      name,
      nameEn: english(SUB_ITEM_EN, name),
      departments: departments.map((d) => ({ name: d, nameEn: english(DEPARTMENT_EN, d), lead: raw.leads.includes(d) })),
      departmentsFrom: from,
    })),
    deadline:
      typeof raw.deadline === 'string'
        ? { text: raw.deadline, source: 'annex' }
        : { text: raw.deadline.restored, source: 'group' },
  };
}

/** The 27 一件事 of annex 1, in annex order. */
export const ONE_THINGS: readonly OneThing[] = RAW.map(build);
