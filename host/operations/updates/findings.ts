import type { Finding } from '../../../contract';
import type { UpdateReport } from '../../../contract/fleet';

/** What the maintenance dashboard (and the fleet console, through telemetry) shows about updates. Pure. */
export function updateFindings(r: UpdateReport | null): Finding[] {
  if (!r) return [];
  const out: Finding[] = [];
  if (r.lastRollback) {
    out.push({
      level: 'warn',
      area: 'update',
      code: 'UPDATE-ROLLED-BACK',
      problem: {
        'zh-CN': `新版本 ${r.lastRollback.version} 未通过健康检查，已自动回退到 ${r.runningVersion}：${r.lastRollback.reason}`,
        en: `Version ${r.lastRollback.version} failed its health check and was rolled back to ${r.runningVersion}: ${r.lastRollback.reason}`,
      },
      fix: {
        'zh-CN': '终端照常服务，无需现场处理；请省级运维查看该版本的问题后再发布。',
        en: 'The kiosk keeps serving; nothing to do on site. The province checks the release before publishing it again.',
      },
    });
  }
  if (r.state === 'refused' && r.detail.startsWith('release metadata refused')) {
    out.push({
      level: 'warn',
      area: 'update',
      code: 'UPDATE-METADATA-REFUSED',
      problem: { 'zh-CN': `更新服务器的签名信息未通过校验，未安装任何更新：${r.detail}`, en: `The update server's signed metadata did not verify; nothing was installed: ${r.detail}` },
      fix: {
        'zh-CN': '检查终端时钟与更新服务器地址；若地址无误，请省级运维检查更新服务器是否被篡改或停止签发。',
        en: "Check the kiosk's clock and the update server address; if both are right, the province checks the update server for tampering or a stopped timestamp.",
      },
    });
  }
  if (r.state === 'failed') {
    out.push({
      level: 'warn',
      area: 'update',
      code: 'UPDATE-FAILED',
      problem: { 'zh-CN': `更新下载或解包失败，仍运行 ${r.runningVersion}：${r.detail}`, en: `The update could not be downloaded or unpacked; still running ${r.runningVersion}: ${r.detail}` },
      fix: { 'zh-CN': '检查磁盘空间与网络；下次检查会重试。', en: 'Check disk space and the network; the next check tries again.' },
    });
  }
  return out;
}
