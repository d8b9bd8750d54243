import type { DeviceKind, DeviceStatus } from './devices';
import type { Bilingual, Finding, HealthLevel } from './diagnostics';

/**
 * Every device condition a technician can meet, with a plain explanation and
 * the fix, in the words printed on the maintenance card. Pure data + one
 * function, shared by the dashboard, `npm run doctor` and the fleet page.
 */
const KIND_NAME: Record<DeviceKind, Bilingual> = {
  idcard: { 'zh-CN': '身份证阅读器', en: 'ID-card reader' },
  printer: { 'zh-CN': '回执打印机', en: 'Receipt printer' },
  scanner: { 'zh-CN': '扫码器', en: 'Barcode scanner' },
  camera: { 'zh-CN': '摄像头', en: 'Camera' },
  'a4-printer': { 'zh-CN': 'A4 打印机', en: 'A4 printer' },
};

const TAG: Record<DeviceKind, string> = { idcard: 'IDCARD', printer: 'PRINTER', scanner: 'SCANNER', camera: 'CAMERA', 'a4-printer': 'A4' };

function finding(level: HealthLevel, s: DeviceStatus, code: string, problem: Bilingual, fix: Bilingual): Finding {
  return { level, area: `device:${s.id}`, code: `${TAG[s.kind]}-${code}`, problem, fix };
}

function named(s: DeviceStatus, zh: string, en: string): Bilingual {
  return { 'zh-CN': `${KIND_NAME[s.kind]['zh-CN']}${zh}`, en: `${KIND_NAME[s.kind].en} ${en}` };
}

/** The one thing most worth telling about a device, or null when it is healthy (or not fitted). */
export function adviseDevice(s: DeviceStatus): Finding | null {
  if (s.source === 'none') return null;
  if (s.kind === 'a4-printer') return adviseA4(s);
  const paper = s.conditions['paper'];
  const cover = s.conditions['cover'];
  const unplugged = s.power === 'off' || s.power === 'offline' || s.lastError?.code === 'no-hardware' || s.lastError?.code === 'offline';
  if (unplugged) {
    return finding(
      'fault',
      s,
      'UNPLUGGED',
      named(s, '未连接或无响应', 'is not connected or not answering'),
      {
        'zh-CN': `请检查${KIND_NAME[s.kind]['zh-CN']}的数据线和电源是否插好（设备接口：${s.path ?? '自动'}），插好后点“重新检测”`,
        en: `Check the ${KIND_NAME[s.kind].en.toLowerCase()}'s cable and power (port: ${s.path ?? 'auto'}), then press “Check again”`,
      },
    );
  }
  if (s.kind === 'printer' && paper === 'end') {
    return finding('fault', s, 'PAPER-END', { 'zh-CN': '打印机缺纸', en: 'Printer is out of paper' }, { 'zh-CN': '请更换热敏纸卷', en: 'Load a new thermal paper roll' });
  }
  if (s.kind === 'printer' && cover === 'open') {
    return finding('fault', s, 'COVER-OPEN', { 'zh-CN': '打印机仓盖未关', en: 'Printer cover is open' }, { 'zh-CN': '请合上打印机仓盖，听到“咔嗒”声即可', en: 'Close the printer cover until it clicks' });
  }
  if (s.state === 'error' || s.lastError) {
    const e = s.lastError;
    const detail = e ? `${e.code}${e.extended ? `/${e.extended}` : ''}` : 'error';
    if (e?.code === 'timeout' || e?.code === 'busy') {
      return finding('warn', s, `SLOW-${detail.toUpperCase()}`, named(s, `响应超时（${detail}）`, `timed out (${detail})`), {
        'zh-CN': '通常会自动恢复；若反复出现，请重新插拔数据线后运行自检',
        en: 'Usually recovers by itself; if it repeats, replug the cable and run the self-test',
      });
    }
    if (s.state === 'error') {
      return finding('fault', s, `ERROR-${detail.toUpperCase()}`, named(s, `故障（${detail}）：${e?.message ?? ''}`, `fault (${detail}): ${e?.message ?? ''}`), {
        'zh-CN': '请运行自检；仍失败时重新插拔设备，并把诊断包交给运维人员',
        en: 'Run the self-test; if it still fails, replug the device and hand the diagnostics bundle to support',
      });
    }
  }
  if (s.kind === 'printer' && paper === 'near-end') {
    return finding('warn', s, 'PAPER-NEAR-END', { 'zh-CN': '打印纸快用完了', en: 'Paper is running low' }, { 'zh-CN': '请准备一卷新的热敏纸，用完时更换', en: 'Have a new thermal roll ready and change it when it runs out' });
  }
  if (s.state === 'closed') {
    return finding('warn', s, 'CLOSED', named(s, '尚未启用', 'is not open yet'), { 'zh-CN': '稍候片刻；若一直未启用，请点“重新检测”', en: 'Wait a moment; if it stays closed, press “Check again”' });
  }
  return null;
}

/** The CUPS queue named in the URI (ipp://host:631/printers/<queue>), for the commands in the fix. */
function queueName(s: DeviceStatus): string {
  return /\/printers\/([^/?#]+)/.exec(s.path ?? '')?.[1] ?? 'kiosk-a4';
}

/** The A4 printer (a CUPS queue): its `problem` and `warnings` conditions come from printer-state-reasons. */
function adviseA4(s: DeviceStatus): Finding | null {
  const q = queueName(s);
  const problem = String(s.conditions['problem'] ?? 'none');
  const f = (level: HealthLevel, code: string, zh: string, en: string, fixZh: string, fixEn: string) => finding(level, s, code, { 'zh-CN': zh, en }, { 'zh-CN': fixZh, en: fixEn });
  switch (problem) {
    case 'MEDIA-EMPTY':
      return f('fault', 'MEDIA-EMPTY', 'A4 打印机缺纸', 'The A4 printer is out of paper', '请在 A4 打印机纸盒里放入 A4 纸，打印机会继续打印等待中的材料', 'Load A4 paper into the tray; waiting documents then print');
    case 'MEDIA-JAM':
      return f('fault', 'MEDIA-JAM', 'A4 打印机卡纸', 'Paper is jammed in the A4 printer', `请打开打印机取出卡住的纸，合上后若队列已停止，运行 cupsenable ${q}`, `Open the printer, remove the jammed sheet, close it; if the queue stopped, run cupsenable ${q}`);
    case 'COVER-OPEN':
      return f('fault', 'COVER-OPEN', 'A4 打印机仓门未关', 'A door of the A4 printer is open', '请合上 A4 打印机的仓门或盖板', 'Close the A4 printer’s door or cover');
    case 'TONER-EMPTY':
      return f('fault', 'TONER-EMPTY', 'A4 打印机碳粉已用完', 'The A4 printer is out of toner', '请更换碳粉盒（或墨盒）', 'Replace the toner (or ink) cartridge');
    case 'OFFLINE':
      return f('fault', 'OFFLINE', 'A4 打印机离线', 'The A4 printer is offline', `请检查 A4 打印机的电源和网线（或 USB 线）并开机；恢复后若队列已停止，运行 cupsenable ${q}`, `Check the A4 printer’s power and network (or USB) cable and switch it on; if the queue stopped, run cupsenable ${q}`);
    case 'PAUSED':
      return f('fault', 'PAUSED', `A4 打印队列已暂停（${q}）`, `The A4 print queue is paused (${q})`, `排除打印机故障后运行 cupsenable ${q} 恢复队列`, `Clear the printer fault, then run cupsenable ${q} to resume the queue`);
    case 'NOT-ACCEPTING':
      return f('fault', 'NOT-ACCEPTING', `A4 打印队列拒收任务（${q}）`, `The A4 print queue refuses jobs (${q})`, `运行 cupsaccept ${q}`, `Run cupsaccept ${q}`);
    case 'UNREACHABLE':
      return f('fault', 'UNREACHABLE', 'A4 打印机的打印服务（CUPS）无响应', 'The A4 printer’s print service (CUPS) does not answer', `请确认 CUPS 正在运行（systemctl status cups），且队列存在（lpstat -p ${q}）；地址：${s.path ?? ''}`, `Check CUPS is running (systemctl status cups) and the queue exists (lpstat -p ${q}); address: ${s.path ?? ''}`);
  }
  const warnings = String(s.conditions['warnings'] ?? '');
  if (warnings.includes('TONER-LOW')) return f('warn', 'TONER-LOW', 'A4 打印机碳粉不足', 'The A4 printer’s toner is low', '请准备新的碳粉盒，下次到场时更换', 'Have a new toner cartridge ready and change it on the next visit');
  if (warnings.includes('MEDIA-LOW')) return f('warn', 'MEDIA-LOW', 'A4 打印纸快用完了', 'A4 paper is running low', '请补充 A4 纸', 'Top up the A4 paper');
  return null;
}

/**
 * What to bring or do, by technician code, for someone reading the fleet page
 * far from the kiosk (the dashboard's own fix text names the local port).
 */
export function fixForCode(code: string): Bilingual | null {
  if (code === 'PRINTER-PAPER-END') return { 'zh-CN': '带一卷热敏纸到场更换', en: 'Bring a thermal paper roll and change it' };
  if (code === 'PRINTER-PAPER-NEAR-END') return { 'zh-CN': '下次到场时带一卷热敏纸', en: 'Bring a thermal roll on the next visit' };
  if (code === 'A4-MEDIA-EMPTY' || code === 'A4-MEDIA-LOW') return { 'zh-CN': '带一包 A4 纸到场补充', en: 'Bring a ream of A4 paper' };
  if (code === 'A4-TONER-EMPTY' || code === 'A4-TONER-LOW') return { 'zh-CN': '带一个碳粉盒到场更换', en: 'Bring a toner cartridge and change it' };
  if (code === 'A4-OFFLINE' || code === 'A4-PAUSED' || code === 'A4-MEDIA-JAM') return { 'zh-CN': '到场检查 A4 打印机后运行 cupsenable 恢复队列', en: 'Check the A4 printer on site, then resume the queue with cupsenable' };
  if (code === 'PRINTER-COVER-OPEN') return { 'zh-CN': '到场合上打印机仓盖', en: 'Close the printer cover on site' };
  if (code.endsWith('-UNPLUGGED')) return { 'zh-CN': '检查数据线和电源是否插好；插好后设备会自动重新连接', en: 'Check the cable and power; the device reconnects by itself' };
  if (code.includes('-ERROR-')) return { 'zh-CN': '到场运行自检；仍失败时更换设备并带回诊断包', en: 'Run the self-test on site; replace the device if it still fails and bring back a diagnostics bundle' };
  return null;
}
