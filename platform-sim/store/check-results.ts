import { CATALOG, CHECK_SERVICE_CODES } from '../../contract/catalog';
import { sha256Hex } from '../canonical-json';

const ONE_THINGS_BY_CODE = new Map(CATALOG.oneThings.map((t) => [t.code, t]));

/** Deterministic per case and sub-item, so a rerun tells the same story. */
function dice(...parts: string[]): number {
  return parseInt(sha256Hex(parts.join('|')).slice(0, 8), 16) / 0x1_0000_0000;
}

const count = (platformNumber: string, code: string, max: number) => Math.floor(dice(platformNumber, code, 'count') * (max + 1));

/** What a 核查 sub-item of 企业上市 found: usually nothing, now and then a settled penalty. */
function listingFinding(platformNumber: string, code: string, field: string): string {
  if (code === '15-01') return '各部门核查意见已汇总，盖章的《企业合法合规信息核查意见书》可在窗口领取或在“三晋通”下载（模拟）。';
  return dice(platformNumber, code, 'clean') < 0.85
    ? `${field}：核查期间未发现该企业存在违法违规记录（模拟）。`
    : `${field}：核查期间有1条行政处罚记录，已履行完毕，不属于重大违法行为（模拟）。`;
}

const BANKRUPTCY: Readonly<Record<string, (n: number) => string>> = {
  '16-01': () => '各部门核查结果已汇总送达管理人（模拟）。',
  '16-02': (n) => `登记在该企业名下的机动车${n}辆（模拟）。`,
  '16-03': (n) => `该企业名下不动产登记${n}处（模拟）。`,
  '16-04': (n) => (n === 0 ? '社会保险费无欠缴（模拟）。' : `社会保险费欠缴${n}个月（模拟）。`),
  '16-05': () => '企业登记状态为“存续”，登记信息与营业执照一致（模拟）。',
  '16-06': (n) => (n === 0 ? '职工医保费无欠缴（模拟）。' : `职工医保费欠缴${n}个月（模拟）。`),
  '16-07': (n) => `该企业名下房产${n}套（模拟）。`,
  '16-08': (n) => (n === 0 ? '住房公积金无欠缴（模拟）。' : `住房公积金欠缴${n}个月（模拟）。`),
  '16-09': (n) => (n === 0 ? '无欠缴税款（模拟）。' : `欠缴税款${n * 12_000}元（模拟）。`),
  '16-10': (n) => (n === 0 ? '无欠缴海关税款，无未结关货物（模拟）。' : `有${n}票货物未结关（模拟）。`),
};

const CREDIT: Readonly<Record<string, string>> = {
  '14-01': '已按“信用中国”修复指引受理，修复结果同步推送“信用中国”网站（模拟）。',
  '14-02': '行政处罚信息修复已完成，“信用中国”网站已停止公示该条信息（模拟）。',
  '14-03': '已移出经营异常名录，国家企业信用信息公示系统已同步（模拟）。',
  '14-04': '已移出严重失信主体名单，相关惩戒措施已解除（模拟）。',
};

/**
 * The finding a department returns when a check-service sub-item is 办结:
 * plain Chinese for the resident, `null` for sub-items that are not checks.
 */
export function checkResult(platformNumber: string, subItemCode: string): string | null {
  const item = subItemCode.slice(0, 2);
  if (!CHECK_SERVICE_CODES.has(item)) return null;
  if (item === '14') return CREDIT[subItemCode] ?? null;
  if (item === '16') return BANKRUPTCY[subItemCode]?.(count(platformNumber, subItemCode, 3)) ?? null;
  const name = ONE_THINGS_BY_CODE.get(item)?.subItems.find((s) => s.code === subItemCode)?.name ?? subItemCode;
  const field = name.replace(/^企业/, '').replace(/(无违法违规|无行政处罚)?信息核查$/, '').replace(/核查$/, '');
  return listingFinding(platformNumber, subItemCode, field);
}
