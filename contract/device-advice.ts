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
};

const TAG: Record<DeviceKind, string> = { idcard: 'IDCARD', printer: 'PRINTER', scanner: 'SCANNER', camera: 'CAMERA' };

function finding(level: HealthLevel, s: DeviceStatus, code: string, problem: Bilingual, fix: Bilingual): Finding {
  return { level, area: `device:${s.id}`, code: `${TAG[s.kind]}-${code}`, problem, fix };
}

function named(s: DeviceStatus, zh: string, en: string): Bilingual {
  return { 'zh-CN': `${KIND_NAME[s.kind]['zh-CN']}${zh}`, en: `${KIND_NAME[s.kind].en} ${en}` };
}

/** The one thing most worth telling about a device, or null when it is healthy (or not fitted). */
export function adviseDevice(s: DeviceStatus): Finding | null {
  if (s.source === 'none') return null;
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

/**
 * What to bring or do, by technician code, for someone reading the fleet page
 * far from the kiosk (the dashboard's own fix text names the local port).
 */
export function fixForCode(code: string): Bilingual | null {
  if (code === 'PRINTER-PAPER-END') return { 'zh-CN': '带一卷热敏纸到场更换', en: 'Bring a thermal paper roll and change it' };
  if (code === 'PRINTER-PAPER-NEAR-END') return { 'zh-CN': '下次到场时带一卷热敏纸', en: 'Bring a thermal roll on the next visit' };
  if (code === 'PRINTER-COVER-OPEN') return { 'zh-CN': '到场合上打印机仓盖', en: 'Close the printer cover on site' };
  if (code.endsWith('-UNPLUGGED')) return { 'zh-CN': '检查数据线和电源是否插好；插好后设备会自动重新连接', en: 'Check the cable and power; the device reconnects by itself' };
  if (code.includes('-ERROR-')) return { 'zh-CN': '到场运行自检；仍失败时更换设备并带回诊断包', en: 'Run the self-test on site; replace the device if it still fails and bring back a diagnostics bundle' };
  return null;
}
