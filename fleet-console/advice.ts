import { fixForCode } from '../contract/device-advice';
import type { Bilingual } from '../contract/diagnostics';
import type { KioskRow } from './store';

export interface Problem {
  readonly level: 'warn' | 'fault';
  readonly code: string;
  readonly problem: Bilingual;
  readonly fix: Bilingual;
}

/** Thresholds of the console's own checks; `store.ts` applies the same ones in SQL to count and order problems. */
export const QUEUE_STUCK_S = 3600;
export const CLOCK_SKEW_S = 300;
export const DISK_LOW = 0.1;

/** 2 = a fault, 1 = a warning, 0 = nothing to do: what `problemsOf` would say, as one number for counting and ordering. */
export function levelOf(problems: readonly Problem[]): 0 | 1 | 2 {
  return problems.some((p) => p.level === 'fault') ? 2 : problems.length ? 1 : 0;
}

/**
 * What is wrong with one kiosk in plain words with the fix, for someone far
 * from it: the kiosk's own findings (device advice by code), plus what only
 * the console can see — offline, an old queue, a wrong clock, a full disk.
 */
export function problemsOf(k: KioskRow, now: Date): Problem[] {
  const out: Problem[] = [];
  if (k.state === 'offline') {
    const mins = Math.max(0, Math.round((now.getTime() - Date.parse(k.since)) / 60_000));
    out.push({
      level: 'fault',
      code: k.reason === 'lost' ? 'KIOSK-LOST' : 'KIOSK-STOPPED',
      problem: k.reason === 'lost' ? { 'zh-CN': `终端失联已 ${mins} 分钟（网络或电源中断）`, en: `Kiosk lost for ${mins} min (network or power cut)` } : { 'zh-CN': `终端已关闭 ${mins} 分钟`, en: `Kiosk shut down ${mins} min ago` },
      fix: { 'zh-CN': '请联系服务点确认电源和网线；恢复后终端会自动重新上线', en: 'Ask the service point to check power and network; the kiosk comes back by itself' },
    });
  }
  for (const f of k.findings) {
    if (f.level === 'ok') continue;
    out.push({ level: f.level, code: f.code, problem: f.problem, fix: fixForCode(f.code) ?? f.fix });
  }
  if (k.oldestPendingSeconds !== null && k.oldestPendingSeconds > QUEUE_STUCK_S && !out.some((p) => p.code.startsWith('OUTBOX'))) {
    const h = Math.round(k.oldestPendingSeconds / 360) / 10;
    out.push({
      level: 'warn',
      code: 'QUEUE-OLD',
      problem: { 'zh-CN': `有 ${k.queued} 件申请未送达省平台，最早的已等 ${h} 小时`, en: `${k.queued} applications not yet delivered; the oldest has waited ${h} h` },
      fix: { 'zh-CN': '检查终端到省平台的网络与证书；材料已安全保存在终端，不会丢失', en: 'Check the network and certificate to the platform; the applications are safe on the kiosk' },
    });
  }
  if (k.clockSkewSeconds !== null && Math.abs(k.clockSkewSeconds) > CLOCK_SKEW_S) {
    out.push({
      level: 'warn',
      code: 'CLOCK-SKEW',
      problem: { 'zh-CN': `终端时钟偏差 ${Math.round(k.clockSkewSeconds / 60)} 分钟`, en: `Kiosk clock is off by ${Math.round(k.clockSkewSeconds / 60)} min` },
      fix: { 'zh-CN': '检查终端的网络时间同步（NTP）；时钟错误会导致签名和证书校验失败', en: 'Check time sync (NTP) on the kiosk; a wrong clock breaks signatures and certificates' },
    });
  }
  if (k.diskFreeRatio !== null && k.diskFreeRatio < DISK_LOW && !out.some((p) => p.code.startsWith('DISK'))) {
    out.push({
      level: 'warn',
      code: 'DISK-LOW',
      problem: { 'zh-CN': `磁盘剩余不足 ${Math.round(k.diskFreeRatio * 100)}%`, en: `Disk only ${Math.round(k.diskFreeRatio * 100)}% free` },
      fix: { 'zh-CN': '远程上传诊断包后清理旧日志；仍不足时到场检查', en: 'Upload diagnostics remotely, then clear old logs; visit if it stays low' },
    });
  }
  return out;
}
