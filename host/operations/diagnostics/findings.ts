import { adviseDevice, type DeviceHealth, type DeviceStatus, type Finding, type OutboxHealth, type PlatformAdapterHealth, type PlatformHealth, type SystemHealth } from '../../../contract';

/**
 * Turning measurements into "what is wrong and what to do", as pure
 * functions: the dashboard, doctor and heartbeat all show these.
 */
export const THRESHOLDS = {
  /** Pending this long while the platform answers: the queue is stuck, not waiting for the network. */
  stuckQueueMs: 15 * 60_000,
  clockSkewMs: 5 * 60_000,
  diskFaultBytes: 512 * 1024 ** 2,
  diskWarnBytes: 2 * 1024 ** 3,
} as const;

export function deviceHealth(status: DeviceStatus): DeviceHealth {
  const finding = adviseDevice(status);
  return { status, level: finding?.level ?? 'ok', finding };
}

export function outboxFindings(o: OutboxHealth | null, platformReachable: boolean, now: number): Finding[] {
  if (!o) return [];
  const out: Finding[] = [];
  if (o.quarantined.length > 0) {
    out.push({
      level: 'warn',
      area: 'outbox',
      code: 'OUTBOX-QUARANTINED',
      problem: { 'zh-CN': `有 ${o.quarantined.length} 件待提交事项被平台退回或无法解析，已隔离`, en: `${o.quarantined.length} outbox item(s) were refused or unreadable and are quarantined` },
      fix: { 'zh-CN': '在“待提交队列”查看原因；问题解决后点“重新排队”，或导出交给运维人员', en: 'See the reasons under “Outbox”; re-queue once fixed, or export them for support' },
    });
  }
  const salvaged = o.salvaged ?? [];
  if (salvaged.length > 0) {
    const sum = (k: keyof NonNullable<OutboxHealth['salvaged']>[number]['lost']) => salvaged.reduce((a, x) => a + x.lost[k], 0);
    const atLeast = salvaged.some((x) => x.atLeast);
    const zhMore = atLeast ? '至少' : '';
    const enMore = atLeast ? 'at least ' : '';
    const copy = salvaged.at(-1)!.damagedCopy ?? '—';
    const jobs = sum('printJobs');
    const zhJobs = jobs > 0 ? `、${jobs} 张待打印单据` : '';
    const enJobs = jobs > 0 ? `, ${jobs} waiting print job(s)` : '';
    out.push({
      level: 'fault',
      area: 'outbox',
      code: 'DB-SALVAGED',
      problem: {
        'zh-CN': `本机数据库损坏，已自动抢救（${salvaged.length} 次）：${zhMore}丢失 ${sum('applications')} 件申请、${sum('evaluations')} 条评价、${sum('feedback')} 条意见、${sum('attachments')} 份材料、${sum('auditEntries')} 条审计记录${zhJobs}；损坏副本 ${copy} 已保留`,
        en: `The kiosk database was damaged and salvaged (${salvaged.length}×): ${enMore}${sum('applications')} application(s), ${sum('evaluations')} evaluation(s), ${sum('feedback')} feedback item(s), ${sum('attachments')} attachment(s), ${sum('auditEntries')} audit entr(ies)${enJobs} lost; damaged copy ${copy} kept`,
      },
      fix: {
        'zh-CN': '平台已收到缺失编号清单，请按清单联系受影响的办事群众重新提交；检查或更换存储卡，导出诊断包交给运维人员',
        en: 'The platform has been sent the missing numbers: contact the affected residents to submit again; check or replace the storage card and export a diagnostics bundle for support',
      },
    });
  }
  const age = o.oldestPendingAt ? now - Date.parse(o.oldestPendingAt) : 0;
  if (o.depth > 0 && age > THRESHOLDS.stuckQueueMs && platformReachable) {
    out.push({
      level: 'fault',
      area: 'outbox',
      code: 'OUTBOX-STUCK',
      problem: { 'zh-CN': `待提交队列卡住：${o.depth} 件，最早的已等待 ${Math.round(age / 60_000)} 分钟，但平台可以连通`, en: `Outbox stuck: ${o.depth} item(s), oldest waiting ${Math.round(age / 60_000)} min although the platform answers` },
      fix: { 'zh-CN': '点“立即同步”；仍不减少时查看日志中的同步错误，并导出诊断包', en: 'Press “Sync now”; if it does not go down, read the sync errors in the log and export a diagnostics bundle' },
    });
  }
  return out;
}

export function platformFindings(p: PlatformHealth): Finding[] {
  const out: Finding[] = [];
  if (!p.reachable) {
    out.push({
      level: 'warn',
      area: 'platform',
      code: 'PLATFORM-UNREACHABLE',
      problem: { 'zh-CN': '连不上省政务服务平台（申请会安全保存在本机）', en: 'The provincial platform is unreachable (applications stay safe on the kiosk)' },
      fix: { 'zh-CN': '检查网线或无线网络、代理设置和平台地址；网络恢复后会自动提交', en: 'Check the cable or Wi-Fi, proxy and platform URL; queued items are sent when it returns' },
    });
  }
  if (p.clockSkewMs !== null && Math.abs(p.clockSkewMs) > THRESHOLDS.clockSkewMs) {
    out.push({
      level: 'warn',
      area: 'platform',
      code: 'CLOCK-SKEW',
      problem: { 'zh-CN': `本机时间与平台相差 ${Math.round(p.clockSkewMs / 1000)} 秒`, en: `Kiosk clock is ${Math.round(p.clockSkewMs / 1000)} s off the platform's` },
      fix: { 'zh-CN': '检查系统的网络校时（NTP）设置', en: 'Check the system time synchronisation (NTP)' },
    });
  }
  return out;
}

/** `floorBytes`: the configured offline.diskFloorMb, below which applications are refused. */
export function systemFindings(s: SystemHealth, floorBytes = 0): Finding[] {
  if (!s.disk) return [];
  const free = s.disk.freeBytes;
  if (free < floorBytes) {
    const mb = Math.round(free / 1024 ** 2);
    return [
      {
        level: 'fault',
        area: 'disk',
        code: 'DISK-LOW',
        problem: { 'zh-CN': `磁盘剩余 ${mb} MB，低于下限 ${Math.round(floorBytes / 1024 ** 2)} MB：本机已暂停受理新申请（已排队的仍在提交）`, en: `Only ${mb} MB free, below the ${Math.round(floorBytes / 1024 ** 2)} MB floor: new applications are refused (queued ones are still delivered)` },
        fix: { 'zh-CN': '导出诊断包后清理旧日志和损坏副本；检查数据保留期限；必要时更换更大的存储卡', en: 'Export a diagnostics bundle, then remove old logs and damaged copies; check the retention setting; replace the card with a larger one if needed' },
      },
    ];
  }
  if (free >= THRESHOLDS.diskWarnBytes) return [];
  const gb = (free / 1024 ** 3).toFixed(1);
  return [
    {
      level: free < THRESHOLDS.diskFaultBytes ? 'fault' : 'warn',
      area: 'disk',
      code: 'DISK-LOW',
      problem: { 'zh-CN': `磁盘剩余空间不足：${gb} GB`, en: `Low disk space: ${gb} GB free` },
      fix: { 'zh-CN': '导出诊断包后清理旧日志；检查数据保留期限设置', en: 'Export a diagnostics bundle, then remove old logs; check the retention setting' },
    },
  ];
}

/** What the catalog cache reports (offline-cache `CatalogState`), as the dashboard needs it. */
export interface CatalogHealth {
  readonly version: string;
  readonly source: 'built-in' | 'platform';
  readonly lastRefusal: { readonly refusal: string; readonly reason: string; readonly version: string | null } | null;
  readonly storedUnusable: string | null;
}

const REFUSAL_ZH: Record<string, { problem: string; fix: string }> = {
  unsigned: { problem: '平台发来的事项目录没有签名', fix: '请平台管理员用平台密钥签名后重新发布事项目录' },
  forged: { problem: '平台发来的事项目录签名校验不通过（可能被篡改，或本机固定的平台公钥不对）', fix: '核对“密钥指纹”中的平台公钥与平台一致；如不一致请重新导入平台公钥，一致则请平台重新签名发布' },
  older: { problem: '平台发来的事项目录版本不高于本机正在使用的版本', fix: '请平台提高目录版本号后重新发布；本机不会退回旧目录' },
  'schema-invalid': { problem: '平台发来的事项目录格式不正确', fix: '请平台管理员检查目录内容后重新发布' },
  unfit: { problem: '平台发来的事项目录与本机办事流程不匹配（事项编号或具体事项变了）', fix: '请先升级本机软件，再由平台重新发布该目录' },
  'no-key': { problem: '本机尚未固定平台公钥，无法校验事项目录', fix: '按部署手册导入平台公钥（onething-kiosk-provision）' },
};

export function catalogFindings(c: CatalogHealth | null): Finding[] {
  if (!c) return [];
  const out: Finding[] = [];
  if (c.storedUnusable) {
    out.push({
      level: 'warn',
      area: 'catalog',
      code: 'CATALOG-STORED-UNUSABLE',
      problem: { 'zh-CN': `本机保存的事项目录无法使用，已改用内置目录 ${c.version}`, en: `The stored catalog cannot be used (${c.storedUnusable}); the built-in catalog ${c.version} is in use` },
      fix: { 'zh-CN': '在远程运维中执行“刷新事项目录”，或等待下次自动更新；如反复出现请导出诊断包', en: 'Run “refresh catalog” from fleet operations or wait for the next update; export a diagnostics bundle if it keeps happening' },
    });
  }
  if (c.lastRefusal) {
    const zh = REFUSAL_ZH[c.lastRefusal.refusal] ?? { problem: '平台发来的事项目录未通过校验', fix: '请平台重新发布事项目录' };
    const v = c.lastRefusal.version ? `（${c.lastRefusal.version}）` : '';
    out.push({
      level: 'warn',
      area: 'catalog',
      code: 'CATALOG-REFUSED',
      problem: { 'zh-CN': `${zh.problem}${v}，未采用，继续使用目录 ${c.version}`, en: `A catalog from the platform${c.lastRefusal.version ? ` (${c.lastRefusal.version})` : ''} was refused (${c.lastRefusal.refusal}: ${c.lastRefusal.reason}); catalog ${c.version} stays in use` },
      fix: { 'zh-CN': zh.fix, en: 'Have the platform sign and publish a valid, newer catalog; check the pinned platform key fingerprint' },
    });
  }
  return out;
}

/** A code map that lacks codes the kiosk can send (a demo kiosk starts anyway; production refuses): those items would be quarantined. */
export function codeMapFindings(a: PlatformAdapterHealth): Finding[] {
  const m = a.codeMap;
  if (!m || m.missingCount === 0) return [];
  const shown = m.missing.slice(0, 5).join(', ');
  return [
    {
      level: 'warn',
      area: 'platform',
      code: 'CODE-MAP-GAP',
      problem: {
        'zh-CN': `编码对照表缺少 ${m.missingCount} 个本机会发送的编码（${shown}）：含这些编码的申请会被隔离`,
        en: `The code map lacks ${m.missingCount} code(s) the kiosk can send (${shown}): applications with them are quarantined`,
      },
      fix: { 'zh-CN': `在 ${m.file} 中补齐省平台编码后重启`, en: `Add the province's codes to ${m.file} and restart` },
    },
  ];
}

