import type { Correction } from './schema';

/**
 * Every place where the catalog differs from the converted annex text, and
 * why. The annex was converted from a PDF: merged cells came out blank or on
 * the wrong row, and four rows of annex 1 (items 19–22) came out as one cell
 * holding several sub-items and several departments. Blank department cells
 * under a filled one are merged cells and are not listed here (each such
 * sub-item is marked `merged-cell` in the data).
 */
export const CORRECTIONS: readonly Correction[] = [
  {
    oneThing: 27,
    kind: 'misaligned-department',
    annexText: '建筑工程施工许可 | 省气象局',
    restored: '建筑工程施工许可 → 省住建厅',
    reason:
      '建筑工程施工许可证 is issued by housing and urban-rural construction departments (建筑法; annex 3 no. 117 lists 中华人民共和国建筑工程施工许可证 under 省住建厅). 省气象局 was printed one row too high: it belongs to the next row.',
  },
  {
    oneThing: 27,
    kind: 'misaligned-department',
    annexText: '雷电防护装置设计审核 | (blank)',
    restored: '雷电防护装置设计审核 → 省气象局',
    reason: 'Lightning-protection design review is a meteorological administrative licence (气象法); the 省气象局 cell printed one row above belongs here.',
  },
  {
    oneThing: 19,
    kind: 'packed-cell',
    annexText: '新生入学信息采集 户籍类证明 居住证 不动产权证书 社会保险参保缴费记录查询 | ★省教育厅 省公安厅 省自然资源厅 省人社厅',
    restored:
      '新生入学信息采集 → ★省教育厅; 户籍类证明 → 省公安厅; 居住证 → 省公安厅; 不动产权证书 → 省自然资源厅; 社会保险参保缴费记录查询 → 省人社厅',
    reason:
      'Five sub-items and four departments in one cell. Household-register certificates and residence permits are both issued by public security (annex 3 nos. 48 and 52 under 省公安厅), the property certificate by natural resources (no. 129), social-insurance records by human resources.',
  },
  {
    oneThing: 20,
    kind: 'packed-cell',
    annexText: '就业和人力资源服务、社保服务 就医购药 交通出行 文化体验 | ★省人社厅 省医保局 省交通厅 省文旅厅',
    restored: '就业和人力资源服务、社保服务 → ★省人社厅; 就医购药 → 省医保局; 交通出行 → 省交通厅; 文化体验 → 省文旅厅',
    reason: 'Four space-separated sub-items against four departments in the same order; 就业和人力资源服务、社保服务 is one sub-item (joined by 、, not by a space).',
  },
  {
    oneThing: 21,
    kind: 'packed-cell',
    annexText:
      '残疾人证新办、换领、迁移、挂失补办、注销、残疾类别/等级变更 困难残疾人生活补贴 重度残疾人护理补贴 残疾人就业帮扶 城乡居民基本养老保险补助 | ★省残联 省民政厅、省残联 省人社厅、省残联 省人社厅',
    restored:
      '残疾人证… → ★省残联; 困难残疾人生活补贴 → 省民政厅、省残联; 重度残疾人护理补贴 → 省民政厅、省残联; 残疾人就业帮扶 → 省人社厅、省残联; 城乡居民基本养老保险补助 → 省人社厅',
    reason:
      'Five sub-items, four department groups: the two disability subsidies (残疾人两项补贴) are one merged cell run by civil affairs with the disabled persons’ federation (annex 2 no. 7 全国残疾人两项补贴信息系统 under 省民政厅); the residents’ pension subsidy is paid through 省人社厅.',
  },
  {
    oneThing: 22,
    kind: 'packed-cell',
    annexText:
      '参保人员达到法定退休年龄领取基本养老保险待遇资格确认 基本养老保险视同缴费年限认定 特殊工种提前退休核准 因病或非因工致残完全丧失劳动能力提前退休(退职)核准 新增退休人员养老保险待遇核定发放 基本医疗保险视同缴费年限核定 离休、退休提取住房公积金 城镇独生子女父母奖励金 户籍信息确认 | ★省人社厅 省医保局 省住建厅 省卫健委 省公安厅',
    restored:
      'the five pension sub-items → ★省人社厅; 基本医疗保险视同缴费年限核定 → 省医保局; 离休、退休提取住房公积金 → 省住建厅; 城镇独生子女父母奖励金 → 省卫健委; 户籍信息确认 → 省公安厅',
    reason:
      'Nine sub-items, five departments in the same order: pension items are 人社; medical-insurance years are 医保; housing fund is under 省住建厅 elsewhere in the annex (items 1, 3, 9); one-child parents’ reward is 卫健 (family planning); household register is 公安.',
  },
  ...([3, 4, 7, 19, 20, 22] as const).map(
    (n): Correction => ({
      oneThing: n,
      kind: 'blank-deadline',
      annexText: '完成时限 (blank)',
      restored: '2024年年底',
      reason:
        'The deadline cell is blank in the converted text (a merged cell lost in conversion). Every filled deadline in the 巩固提升 and 集中攻坚 groups is the end of 2024; the catalog marks this one `source: group`.',
    }),
  ),
  {
    oneThing: 2,
    kind: 'name-note',
    annexText: '企业准营 (50个,以 我要开面 包店为例)',
    restored: 'name 企业准营, nameNote 50个,以我要开面包店为例',
    reason: 'The parenthesis explains the scope (50 licences, the bakery as the worked example); it is not part of the name the resident looks for.',
  },
  {
    oneThing: 2,
    kind: 'pdf-whitespace',
    annexText: '公众聚集场所投入使用、 营业前消防安全检查',
    restored: '公众聚集场所投入使用、营业前消防安全检查',
    reason: 'Line-break space from the PDF; item 12 prints the same sub-item without it.',
  },
  {
    oneThing: 2,
    kind: 'pdf-whitespace',
    annexText: '★省审批服务管理局、 省市场监管局',
    restored: '省审批服务管理局, 省市场监管局 (both lead: the ★ marks the cell)',
    reason: 'Line-break space from the PDF.',
  },
  ...([23, 24, 25, 26] as const).map(
    (n): Correction => ({
      oneThing: n,
      kind: 'pdf-whitespace',
      annexText: '2024年试点推进， 2025年年底全面实施',
      restored: '2024年试点推进，2025年年底全面实施',
      reason: 'Line-break space from the PDF.',
    }),
  ),
  {
    eCertificate: 70,
    kind: 'pdf-whitespace',
    annexText: '水利水电工程施工企业安全生产管理人员 考核合格证书',
    restored: '水利水电工程施工企业安全生产管理人员考核合格证书',
    reason: 'Line-break space from the PDF.',
  },
  {
    eCertificate: 115,
    kind: 'pdf-whitespace',
    annexText: '建筑施工企业安全生产管理人员 考核合格证书',
    restored: '建筑施工企业安全生产管理人员考核合格证书',
    reason: 'Line-break space from the PDF.',
  },
];
