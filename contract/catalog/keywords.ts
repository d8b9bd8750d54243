/**
 * Everyday words residents type for a 一件事 whose official name does not
 * contain them (结婚 for 公民婚育, 社保卡 for 社会保障卡居民服务…). Searched
 * like names, by hanzi and pinyin; pinyin keys are generated with the rest.
 */
export const SEARCH_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'business-start': ['开公司', '注册公司', '营业执照', '办执照', '刻章'],
  'business-licensing': ['面包店', '许可证', '准入'],
  'hiring-staff': ['招工', '招聘', '入职', '新员工'],
  'business-real-estate': ['厂房', '房产证', '过户'],
  'flexible-employment': ['个体', '打零工', '外卖骑手', '网约车司机', '自由职业'],
  'marriage-and-childbearing': ['结婚', '领证', '结婚证', '怀孕', '生二胎', '准生证'],
  'second-hand-home-transfer': ['卖房', '买房', '二手房', '房产过户', '水电过户'],
  'military-discharge': ['退伍', '复员', '转业'],
  'after-death': ['去世', '死亡', '丧葬', '销户', '抚恤金'],
  'business-change': ['变更法人', '改名', '换地址'],
  'transport-business': ['货运', '物流公司', '运输证'],
  restaurant: ['饭店', '餐馆', '小吃店', '食品经营许可证'],
  'utility-connection': ['接水', '接电', '通燃气', '装宽带'],
  'credit-repair': ['失信', '黑名单', '经营异常'],
  'listing-compliance-check': ['上市', '无违法证明', '合规证明'],
  'bankruptcy-check': ['破产', '清算'],
  'business-deregistration': ['关公司', '注销公司', '歇业'],
  newborn: ['生孩子', '宝宝', '出生证', '上户口', '报户口', '疫苗本'],
  'school-enrolment': ['上学', '入学报名', '小学', '初中'],
  'social-security-card-services': ['社保卡', '医保卡', '乘车'],
  'disability-services': ['残疾证', '残疾补贴', '护理补贴'],
  retirement: ['养老金', '退休金', '办退休', '提前退休'],
  'teacher-qualification': ['教资', '教师证', '当老师'],
  'road-excavation': ['挖路', '占道', '砍树'],
  'elderly-care': ['老年人', '高龄补贴', '养老院'],
  'care-home-subsidies': ['养老院补贴', '床位补贴'],
  'development-zone-project-start': ['开工', '项目审批', '施工许可'],
};
