import type { Journey, Text } from '../schema';
import { ENTERPRISE_WINDOW, hallWhere, t } from './common';

/**
 * 办事指南 for the 一件事 not yet wired at the kiosk: the resident reads what
 * it covers and who may apply, and is told where to go and how to book.
 * Wiring one = moving its entry into its own file with a `wired` part.
 */

const guide = (oneThing: string, covers: Text, eligibility: Text[], timeLimit: Text, window: Text = ENTERPRISE_WINDOW): Journey => ({
  oneThing,
  guide: { covers, eligibility, timeLimit, where: hallWhere(undefined, window) },
});

const ONE_THING = t('“高效办成一件事”综合窗口', 'the “one thing done” combined window');
const BUSINESS_APPLICANT = t('企业法定代表人或其委托的经办人。', 'The legal representative of the enterprise or an authorised agent.');
const DEPT_LIMITS = t('以各部门承诺时限为准，窗口受理时告知。', 'Each department’s committed time limit applies; the window tells you when it accepts the case.');

export const UNWIRED_GUIDES: readonly Journey[] = [
  guide(
    'business-licensing',
    t('开办面包店等经营场所需要的许可一次申请：食品经营许可、环境影响评价审批、户外招牌设置和公众聚集场所消防安全检查。', 'Licences to open premises such as a bakery in one application: food business licence, environmental assessment, outdoor signs and fire-safety inspection.'),
    [BUSINESS_APPLICANT, t('已领取营业执照。', 'The enterprise already has its business licence.')],
    DEPT_LIMITS,
  ),
  guide(
    'hiring-staff',
    t('招用员工一次申请：就业登记、职工社保和医保参保登记、社会保障卡申领、流动人员档案接收和住房公积金账户设立。', 'Hiring in one application: employment registration, social and medical insurance, the social security card, personnel file and housing-fund account.'),
    [BUSINESS_APPLICANT],
    t('一般3个工作日内办结。', 'Usually within 3 working days.'),
  ),
  guide(
    'business-real-estate',
    t('企业不动产登记和交易税费申报一次申请。', 'Real estate registration and the transaction tax declaration in one application.'),
    [BUSINESS_APPLICANT],
    t('一般5个工作日内办结。', 'Usually within 5 working days.'),
    t('不动产登记窗口', 'the real estate registration window'),
  ),
  guide(
    'second-hand-home-transfer',
    t('二手房买卖一次申请：网签备案、税费申报、不动产登记（含带押过户）和水、电、气、暖过户。', 'Selling a second-hand home in one application: contract filing, taxes, registration (also with a mortgage outstanding), and transfer of water, power, gas and heating accounts.'),
    [t('买卖双方本人持身份证，或其委托的代理人。', 'Buyer and seller in person with ID cards, or their agents.')],
    t('不动产登记一般3个工作日内办结，水电气暖同步过户。', 'Registration usually within 3 working days; utilities transfer at the same time.'),
    t('不动产登记窗口', 'the real estate registration window'),
  ),
  guide(
    'military-discharge',
    t('退役军人一次申请：退役报到、恢复户口、办理身份证、预备役登记、社保和医保关系转移接续、自主就业一次性经济补助金。', 'Leaving the military in one application: reporting, restoring the household registration, ID card, reserve registration, social and medical insurance transfer, and the one-off allowance.'),
    [t('退役后回到安置地的退役军人本人。', 'Veterans returning to their place of settlement, in person.')],
    t('退役报到后30日内办结各项手续。', 'All steps within 30 days of reporting.'),
    t('退役军人服务站或“高效办成一件事”综合窗口', 'the veterans’ service station or the “one thing done” window'),
  ),
  guide(
    'business-change',
    t('企业信息变更一次申请：变更登记、印章、银行基本账户、税控设备、社保登记和公积金登记同步变更。', 'Changing enterprise details in one application: registration, seal, bank account, tax device, social insurance and housing fund.'),
    [BUSINESS_APPLICANT],
    t('一般1个工作日内办结。', 'Usually within 1 working day.'),
  ),
  guide(
    'transport-business',
    t('开办道路货物运输企业一次申请：营业执照核验、道路货物运输经营许可和车辆《道路运输证》。', 'Opening a road freight business: licence check, freight transport permit and vehicle transport certificates.'),
    [BUSINESS_APPLICANT, t('不含危险货物运输和4500千克及以下普通货车。', 'Excludes dangerous goods and ordinary trucks of 4,500 kg or less.')],
    DEPT_LIMITS,
  ),
  guide(
    'restaurant',
    t('开办餐饮店一次申请：营业执照核验、食品经营许可、户外招牌设置和消防安全检查。', 'Opening a restaurant: licence check, food business licence, outdoor signs and fire-safety inspection.'),
    [BUSINESS_APPLICANT],
    DEPT_LIMITS,
  ),
  guide(
    'utility-connection',
    t('水、电、气、热、网一次报装，外线工程联合审批。', 'Water, power, gas, heating and telecom connections in one application, with joint approval of the outside works.'),
    [t('需要接入水电气热网的企业或项目单位。', 'Enterprises or project owners needing utility connections.')],
    DEPT_LIMITS,
  ),
  guide(
    'credit-repair',
    t('行政处罚信息、经营异常名录和严重失信主体名单的信用修复一次申请。', 'Credit repair for administrative penalties, the abnormal-operation list and the serious-dishonesty list in one application.'),
    [BUSINESS_APPLICANT, t('已纠正失信行为、履行相关义务。', 'The enterprise has corrected the conduct and met its obligations.')],
    DEPT_LIMITS,
  ),
  guide(
    'listing-compliance-check',
    t('企业上市所需各领域无违法违规证明一次申请、统一出具。', 'All the “no violations” certificates needed for a stock listing, applied for once and issued together.'),
    [BUSINESS_APPLICANT],
    DEPT_LIMITS,
  ),
  guide(
    'bankruptcy-check',
    t('破产管理人一次申请核查企业车辆、不动产、社保、医保、公积金、纳税和海关信息。', 'A bankruptcy administrator checks the enterprise’s vehicles, real estate, social and medical insurance, housing fund, taxes and customs records in one application.'),
    [t('人民法院指定的破产管理人。', 'The bankruptcy administrator appointed by the court.')],
    DEPT_LIMITS,
  ),
  guide(
    'business-deregistration',
    t('企业注销一次申请：税务、登记、海关、社保、银行账户和印章同步注销。', 'Closing an enterprise in one application: tax, registration, customs, social insurance, bank accounts and seals.'),
    [BUSINESS_APPLICANT, t('已结清税款、社保费，债权债务已清理。', 'Taxes and contributions are paid and debts settled.')],
    DEPT_LIMITS,
  ),
  guide(
    'school-enrolment',
    t('孩子入学一次申请：入学信息采集，户籍、居住证、房产和社保缴费信息由部门核验，不用再开证明。', 'Starting school in one application: enrolment details, with household, residence permit, property and social insurance records checked by the departments.'),
    [t('适龄儿童的父母或其他监护人。', 'Parents or guardians of school-age children.')],
    t('按当地教育部门公布的入学报名时间办理。', 'During the enrolment period published by the local education bureau.'),
    t('户籍或居住地教育部门，或“高效办成一件事”综合窗口', 'the local education bureau or the “one thing done” window'),
  ),
  guide(
    'social-security-card-services',
    t('一张社会保障卡用于就业和社保服务、看病买药、乘车出行和文化体验。', 'One social security card for employment and insurance services, medical care, public transport and culture.'),
    [t('持有社会保障卡的居民；未办卡的可在窗口申领。', 'Residents with a social security card; others can apply at the window.')],
    t('即时办理；新申领的卡一般10个工作日内制发。', 'Immediate; a new card is usually made within 10 working days.'),
    t('社保卡服务窗口或合作银行网点', 'the social security card window or a partner bank'),
  ),
  guide(
    'teacher-qualification',
    t('申领教师资格证一次申请：考试合格、普通话、体检、学历、身份、无犯罪记录和社保缴费信息由部门核验。', 'Teacher qualification in one application: exam results, Mandarin test, health check, degree, identity, criminal record and social insurance checked by the departments.'),
    [t('通过教师资格考试或免试认定条件的本人。', 'People who passed the teacher qualification exam or qualify without it.')],
    t('按教育部门公布的认定时间办理，一般60个工作日内办结。', 'During the published certification period; usually within 60 working days.'),
    t('教育部门教师资格认定窗口', 'the teacher certification window of the education bureau'),
  ),
  guide(
    'road-excavation',
    t('挖掘城市道路一次申请：建设工程规划许可、占用挖掘道路、临时占用绿地和树木砍伐移植审批。', 'Excavating a city road in one application: planning permit, road occupation and excavation, temporary use of green space and tree removal.'),
    [t('需要挖掘城市道路的建设单位或管线单位。', 'Builders or utility owners who need to dig up a city road.')],
    DEPT_LIMITS,
  ),
  guide(
    'elderly-care',
    t('老年人一次申请：养老保险、健康管理、能力评估、高龄津贴、护理补贴、家庭养老支持、特困供养和计划生育特殊家庭优先入住公办养老机构。', 'For older people in one application: pensions, health management, ability assessment, old-age and nursing allowances, family care support, support for those in hardship, and priority admission to public care homes.'),
    [t('本地户籍老年人或其家属。', 'Locally registered older people or their families.')],
    DEPT_LIMITS,
    ONE_THING,
  ),
  guide(
    'care-home-subsidies',
    t('养老机构一次申请建设补助、贷款贴息、运营补贴和床位补贴。', 'Care homes apply once for construction grants, loan interest subsidies, operating subsidies and bed subsidies.'),
    [t('依法登记备案的养老机构和康养项目。', 'Registered elderly care institutions and projects.')],
    DEPT_LIMITS,
    t('民政部门窗口', 'the civil affairs window'),
  ),
  guide(
    'development-zone-project-start',
    t('开发区企业投资项目从备案到开工的审批一次申请，全程代办。', 'From filing to breaking ground for investment projects in development zones, in one application with a full agency service.'),
    [t('在山西转型综改示范区及省级以上开发区投资的企业。', 'Enterprises investing in the Shanxi transformation demonstration zone and provincial development zones.')],
    DEPT_LIMITS,
    t('开发区企业服务中心', 'the development zone enterprise service centre'),
  ),
];
