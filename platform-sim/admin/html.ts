import { fixForCode } from '../../contract/device-advice';
import { CASE_STATE_LABELS, type FaultState, type FleetReport, type ReceivedReport } from '../../contract/platform';

const STREAM_LABELS = { applications: '申请', evaluations: '好差评', feedback: '办不成事反映' } as const;

/** Beijing time, as a technician in Shanxi reads a clock: 2026-11-26 23:37:11. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')}（北京时间）` : iso;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain, large, readable pages: one h1, captions on every table, words beside every status (never colour alone). */
function page(title: string, current: 'received' | 'fleet', body: string): string {
  const nav = (href: string, key: typeof current, label: string) =>
    `<a href="${href}"${key === current ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 省平台模拟器</title>
<style>
  body { font: 18px/1.5 "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
  header, main { padding: 0 24px; }
  header { border-bottom: 2px solid #1a1a1a; }
  nav a { display: inline-block; margin: 8px 16px 8px 0; padding: 8px 4px; color: #003a8c; font-weight: 600; }
  nav a[aria-current="page"] { text-decoration: underline 3px; }
  table { border-collapse: collapse; margin: 12px 0 28px; width: 100%; }
  caption { text-align: left; font-weight: 700; font-size: 20px; padding: 8px 0; }
  th, td { border: 1px solid #595959; padding: 6px 10px; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; }
  .critical { color: #a50000; font-weight: 700; }
  .warning { color: #6b4400; font-weight: 700; }
  .ok { color: #0b5a1c; font-weight: 700; }
  code { font-size: 16px; }
</style>
</head>
<body>
<header><p><strong>省一体化政务服务平台（模拟器）</strong></p>
<nav aria-label="管理页面">${nav('/admin', 'received', '接收情况')}${nav('/admin/fleet', 'fleet', '终端运行状态')}<a href="${current === 'fleet' ? '/admin/fleet' : '/admin'}">刷新</a></nav></header>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

export function receivedPage(r: ReceivedReport, faults: FaultState, caseClock: string): string {
  const totals = `<p>共收到 <strong>${r.totals.accepted}</strong> 件，重复提交 <strong>${r.totals.duplicates}</strong> 次（已去重，不重复登记），拒收 <strong>${r.totals.rejected}</strong> 件。统计时间 ${escapeHtml(beijingTime(r.generatedAt))}；办件时钟 ${escapeHtml(beijingTime(caseClock))}。</p>`;
  const activeFaults = [
    faults.latencyMs ? `延迟 ${faults.latencyMs} 毫秒` : '',
    faults.errorRate ? `500 错误 ${faults.errorRate * 100}%` : '',
    faults.rateLimitRate ? `429 限流 ${faults.rateLimitRate * 100}%（Retry-After ${faults.retryAfterSeconds} 秒）` : '',
    faults.resetRate ? `连接重置 ${faults.resetRate * 100}%` : '',
    faults.hangRate ? `无应答 ${faults.hangRate * 100}%` : '',
    faults.dropAfterCommitRate ? `提交后丢弃应答 ${faults.dropAfterCommitRate * 100}%${faults.dropOnlyNew ? '（仅首次）' : ''}` : '',
  ].filter(Boolean);
  const faultLine = `<p>故障注入：${activeFaults.length ? escapeHtml(activeFaults.join('；')) : '无'}</p>`;
  const summary = `<table>
<caption>各终端接收汇总</caption>
<thead><tr><th scope="col">终端编号</th><th scope="col">服务点</th><th scope="col">类别</th><th scope="col">已接收</th><th scope="col">重复提交次数</th><th scope="col">拒收</th><th scope="col">最大序号</th><th scope="col">缺失序号</th></tr></thead>
<tbody>
${r.kiosks
  .flatMap((k) =>
    (['applications', 'evaluations', 'feedback'] as const).map(
      (s, i) => `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="3">${escapeHtml(k.kioskId)}</th><td rowspan="3">${escapeHtml(k.servicePoint)}</td>` : ''}<td>${STREAM_LABELS[s]}</td><td>${k[s].accepted}</td><td>${k[s].duplicates}</td><td>${k[s].rejected}</td><td>${k[s].maxSeq}</td><td>${k[s].missingSeqs.length ? escapeHtml(k[s].missingSeqs.join('、')) : '无'}</td></tr>`,
    ),
  )
  .join('\n')}
</tbody></table>`;
  const recent = r.kiosks
    .filter((k) => k.recent.length)
    .map(
      (k) => `<table>
<caption>终端 ${escapeHtml(k.kioskId)} 最近接收</caption>
<thead><tr><th scope="col">平台受理号</th><th scope="col">类别</th><th scope="col">一件事编码</th><th scope="col">序号</th><th scope="col">接收时间</th><th scope="col">重复次数</th><th scope="col">幂等键</th></tr></thead>
<tbody>${k.recent
        .map(
          (x) => `<tr><td>${escapeHtml(x.platformNumber)}</td><td>${STREAM_LABELS[x.stream]}</td><td>${escapeHtml(x.itemCode ?? '—')}</td><td>${x.seq}</td><td>${escapeHtml(beijingTime(x.receivedAt))}</td><td>${x.duplicateCount}</td><td><code>${escapeHtml(x.clientId)}</code></td></tr>`,
        )
        .join('')}</tbody></table>`,
    )
    .join('\n');
  const l = CASE_STATE_LABELS;
  const states = `${l.received.zh} → ${l['in-review'].zh} → ${l.completed.zh}（或${l.returned.zh}）`;
  return page('接收情况', 'received', `${totals}${faultLine}<p>办件状态依次为：${escapeHtml(states)}。JSON：<a href="/admin/received.json">/admin/received.json</a></p>${r.kiosks.length ? summary : '<p>尚未收到任何终端的数据。</p>'}${recent}`);
}

export function fleetPage(f: FleetReport): string {
  const severity = (s: 'warning' | 'critical') => `<span class="${s}">${s === 'critical' ? '严重' : '警告'}</span>`;
  const rows = f.kiosks
    .map((k) => {
      // What to bring or do, from the device codes the kiosk reported (contract/device-advice).
      const fixes = k.devices.flatMap((d) => {
        const fix = d.errorCode ? fixForCode(d.errorCode) : null;
        return fix ? [`<li>处理方法：${escapeHtml(fix['zh-CN'])} <code>${escapeHtml(d.errorCode!)}</code></li>`] : [];
      });
      const problems = k.problems.length
        ? `<ul>${k.problems.map((p) => `<li>${severity(p.severity)}：${escapeHtml(p.message)} <code>${escapeHtml(p.code)}</code></li>`).join('')}${fixes.join('')}</ul>`
        : '<span class="ok">正常</span>';
      return `<tr><th scope="row">${escapeHtml(k.kioskId)}</th><td>${escapeHtml(k.servicePoint)}</td><td>${k.online ? '<span class="ok">在线</span>' : '<span class="critical">离线</span>'}</td><td>${k.lastHeartbeatAt ? escapeHtml(beijingTime(k.lastHeartbeatAt)) : '从未'}</td><td>${escapeHtml(k.version ?? '—')}</td><td>${k.outbox ? `${k.outbox.queued} 件待传，${k.outbox.quarantined} 件拒收` : '—'}</td><td>${k.pendingCommands}</td><td>${problems}</td></tr>`;
    })
    .join('\n');
  const critical = f.kiosks.filter((k) => k.problems.some((p) => p.severity === 'critical')).length;
  return page(
    '终端运行状态',
    'fleet',
    `<p>共 ${f.kiosks.length} 台终端，${f.kiosks.filter((k) => k.online).length} 台在线，${critical} 台有严重问题。统计时间 ${escapeHtml(beijingTime(f.generatedAt))}。JSON：<a href="/admin/fleet.json">/admin/fleet.json</a></p>
${f.kiosks.length ? `<table><caption>终端列表</caption><thead><tr><th scope="col">终端编号</th><th scope="col">服务点</th><th scope="col">联网</th><th scope="col">最后心跳</th><th scope="col">版本</th><th scope="col">待上传</th><th scope="col">待执行指令</th><th scope="col">问题</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>尚无已注册的终端。</p>'}`,
  );
}
