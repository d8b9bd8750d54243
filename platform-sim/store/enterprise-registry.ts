import type { EnterpriseLookupResponse, RegisteredEnterpriseRecord } from '../../contract/platform';

/**
 * The simulator's enterprise registry (市场主体登记): invented enterprises of
 * Taiyuan and Yuncheng with valid GB 32100 codes. Tests and the demo import
 * the codes from here; the lookup answers only these, like the real registry
 * answers only what is registered.
 */
export const FIXTURE_ENTERPRISES = {
  /** A limited company; 张小三 (the `resident-zhang` card) is its legal representative. */
  noodleCompany: {
    unifiedSocialCreditCode: '91140105MA0L2B3C4P',
    name: '太原市小店区晋味面食有限公司',
    type: '有限责任公司（自然人投资或控股）',
    legalRepresentative: '张小三',
    status: '存续',
    registrationAuthority: '太原市小店区行政审批服务管理局',
  },
  /** An individual business (个体工商户); 王大明 (`resident-wang`) runs it. */
  grocery: {
    unifiedSocialCreditCode: '92140107MA0K7X8Y1D',
    name: '太原市杏花岭区大明便民超市',
    type: '个体工商户',
    legalRepresentative: '王大明',
    status: '存续',
    registrationAuthority: '太原市杏花岭区行政审批服务管理局',
  },
  /** A company struck off (吊销): found, but the platform's verdict will say so. */
  revoked: {
    unifiedSocialCreditCode: '91140100MA0HJKL5MB',
    name: '山西示例商贸有限公司',
    type: '有限责任公司（自然人独资）',
    legalRepresentative: '李小红',
    status: '吊销',
    registrationAuthority: '太原市行政审批服务管理局',
  },
} as const satisfies Record<string, RegisteredEnterpriseRecord>;

/** Valid by GB 32100 but registered nowhere: the lookup says not found. */
export const UNREGISTERED_USCC = '93140802MA0R1T2U3J';

const BY_CODE = new Map<string, RegisteredEnterpriseRecord>(Object.values(FIXTURE_ENTERPRISES).map((e) => [e.unifiedSocialCreditCode, e]));

export function lookupEnterprise(uscc: string): EnterpriseLookupResponse {
  const found = BY_CODE.get(uscc);
  return found ? { found: true, enterprise: { ...found } } : { found: false };
}
