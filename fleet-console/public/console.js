// The fleet console page: polls /api/fleet incrementally, renders kiosks by
// region and service point, what is wrong with the fix, one kiosk's history,
// and sends signed commands (the server signs). zh-CN first, English complete.

const T = {
  'zh-CN': {
    title: '全省自助终端运行监控',
    lang: 'English',
    summary: '概况',
    total: '终端总数',
    online: '在线',
    offline: '离线',
    needing: '需要处理',
    problems: '需要处理',
    filter: '搜索终端编号、地区或服务点',
    regions: '按地区与服务点',
    brokerUp: '已连接消息服务器',
    brokerDown: '未连接消息服务器，显示的是最后收到的状态',
    none: '目前没有需要处理的终端',
    more: (n) => `另有 ${n} 台，请用搜索缩小范围`,
    stateOnline: '在线',
    stateOffline: '离线',
    since: (t) => `自 ${t}`,
    fault: '故障',
    warn: '提醒',
    fix: '处理办法：',
    regionLine: (r, n, on, bad) => `${r}：${n} 台，在线 ${on} 台，需处理 ${bad} 台`,
    open: (id) => `查看终端 ${id}`,
    detail: (id) => `终端 ${id}`,
    servicePoint: '服务点',
    version: '版本',
    lastSeen: '最后消息',
    queue: '待上传申请',
    trend: '待上传申请数量变化（最近记录）',
    trendText: (min, max, last) => `最少 ${min}，最多 ${max}，最新 ${last}`,
    history: '上下线记录',
    commands: '远程命令',
    restartUi: '重启界面',
    refreshCatalog: '刷新事项目录',
    uploadDiagnostics: '上传诊断包',
    close: '关闭详情',
    kind: '命令',
    issued: '发出时间',
    outcome: '结果',
    waiting: '等待终端回复',
    outcomes: { done: '已完成', failed: '执行失败', refused: '终端拒绝', duplicate: '已执行过' },
    kinds: { 'restart-ui': '重启界面', 'refresh-catalog': '刷新事项目录', 'upload-diagnostics': '上传诊断包', 'set-config': '修改设置' },
    sent: (k) => `已发送“${k}”，等待终端回复`,
    sendFailed: (e) => `命令未发送：${e}`,
    healthy: '运行正常',
    rollouts: '分阶段发布新版本',
    roVersion: '版本号',
    roStages: '发布阶段（地区或百分比，用逗号分隔）',
    roThreshold: '失败率阈值（%）',
    roStart: '开始发布',
    roStop: (v) => `停止发布 ${v}`,
    roNone: '还没有发布记录',
    roStates: { running: '进行中', done: '已完成', stopped: '已停止' },
    roTitle: (v, s) => `版本 ${v} · ${s}`,
    roStage: '阶段',
    roSent: '已发送',
    roOk: '成功',
    roFailed: '回退或失败',
    roPending: '等待结果',
    roCaption: (v) => `版本 ${v} 各阶段进度`,
    roFailures: '回退或失败的终端',
    roStarted: (v) => `已开始发布版本 ${v}`,
    roFailedStart: (e) => `发布未开始：${e}`,
    roBadStages: '请填写阶段，例如“阳泉市, 50%, 100%”',
  },
  en: {
    title: 'Province kiosk fleet console',
    lang: '中文',
    summary: 'Overview',
    total: 'Kiosks',
    online: 'Online',
    offline: 'Offline',
    needing: 'Need attention',
    problems: 'Need attention',
    filter: 'Search kiosk id, region or service point',
    regions: 'By region and service point',
    brokerUp: 'Connected to the broker',
    brokerDown: 'Not connected to the broker: showing the last known state',
    none: 'No kiosk needs attention right now',
    more: (n) => `${n} more; narrow down with the search`,
    stateOnline: 'online',
    stateOffline: 'offline',
    since: (t) => `since ${t}`,
    fault: 'Fault',
    warn: 'Warning',
    fix: 'Fix: ',
    regionLine: (r, n, on, bad) => `${r}: ${n} kiosks, ${on} online, ${bad} need attention`,
    open: (id) => `Open kiosk ${id}`,
    detail: (id) => `Kiosk ${id}`,
    servicePoint: 'Service point',
    version: 'Version',
    lastSeen: 'Last message',
    queue: 'Applications waiting to upload',
    trend: 'Applications waiting to upload (recent samples)',
    trendText: (min, max, last) => `min ${min}, max ${max}, latest ${last}`,
    history: 'Online/offline history',
    commands: 'Remote commands',
    restartUi: 'Restart UI',
    refreshCatalog: 'Refresh catalog',
    uploadDiagnostics: 'Upload diagnostics',
    close: 'Close details',
    kind: 'Command',
    issued: 'Sent at',
    outcome: 'Outcome',
    waiting: 'Waiting for the kiosk',
    outcomes: { done: 'Done', failed: 'Failed', refused: 'Refused by the kiosk', duplicate: 'Already done' },
    kinds: { 'restart-ui': 'Restart UI', 'refresh-catalog': 'Refresh catalog', 'upload-diagnostics': 'Upload diagnostics', 'set-config': 'Change setting' },
    sent: (k) => `Sent “${k}”; waiting for the kiosk`,
    sendFailed: (e) => `Not sent: ${e}`,
    healthy: 'Healthy',
    rollouts: 'Staged rollout of a new version',
    roVersion: 'Version',
    roStages: 'Stages (regions or percentages, comma-separated)',
    roThreshold: 'Failure-rate threshold (%)',
    roStart: 'Start rollout',
    roStop: (v) => `Stop rollout of ${v}`,
    roNone: 'No rollouts yet',
    roStates: { running: 'running', done: 'done', stopped: 'stopped' },
    roTitle: (v, s) => `Version ${v} · ${s}`,
    roStage: 'Stage',
    roSent: 'Sent',
    roOk: 'Succeeded',
    roFailed: 'Rolled back or failed',
    roPending: 'Waiting',
    roCaption: (v) => `Progress of version ${v} by stage`,
    roFailures: 'Kiosks that rolled back or failed',
    roStarted: (v) => `Rollout of version ${v} started`,
    roFailedStart: (e) => `Rollout not started: ${e}`,
    roBadStages: 'Enter the stages, e.g. “阳泉市, 50%, 100%”',
  },
};

let lang = localStorage.getItem('fleet-lang') === 'en' ? 'en' : 'zh-CN';
const t = () => T[lang];
const kiosks = new Map();
let seq = 0;
let brokerConnected = false;
let selected = null;
let detailNote = '';
let lastDetail = '';
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const time = (iso) => {
  if (!iso) return '—';
  const d = new Date(iso);
  const sameDay = new Date().toDateString() === d.toDateString();
  return sameDay ? d.toLocaleTimeString(lang, { hour12: false }) : d.toLocaleString(lang, { hour12: false });
};
const stateWord = (k) => (k.state === 'online' ? t().stateOnline : t().stateOffline);

function staticTexts() {
  document.documentElement.lang = lang;
  document.title = t().title;
  for (const [id, key] of [
    ['title', 'title'],
    ['lang', 'lang'],
    ['summary-h', 'summary'],
    ['problems-h', 'problems'],
    ['filter-label', 'filter'],
    ['regions-h', 'regions'],
    ['rollouts-h', 'rollouts'],
    ['ro-version-label', 'roVersion'],
    ['ro-stages-label', 'roStages'],
    ['ro-threshold-label', 'roThreshold'],
    ['ro-start', 'roStart'],
  ])
    $(id).textContent = t()[key];
  $('lang').lang = lang === 'en' ? 'zh-CN' : 'en';
}

function matches(k, q) {
  return !q || k.kioskId.toLowerCase().includes(q) || k.region.toLowerCase().includes(q) || k.servicePoint.toLowerCase().includes(q);
}

function problemHtml(p) {
  return `<p class="problem-text"><span class="level">${esc(t()[p.level])}</span> ${esc(p.problem[lang])} <span class="code">(${esc(p.code)})</span></p><p class="fix">${esc(t().fix)}${esc(p.fix[lang])}</p>`;
}

function renderSummary() {
  const all = [...kiosks.values()];
  const on = all.filter((k) => k.state === 'online').length;
  const bad = all.filter((k) => k.problems.length).length;
  $('summary').innerHTML = [
    [t().total, all.length],
    [t().online, on],
    [t().offline, all.length - on],
    [t().needing, bad],
  ]
    .map(([label, n]) => `<div><dt>${esc(label)}</dt><dd>${n}</dd></div>`)
    .join('');
  $('broker').textContent = brokerConnected ? t().brokerUp : t().brokerDown;
}

function renderProblems() {
  const q = $('filter').value.trim().toLowerCase();
  const bad = [...kiosks.values()].filter((k) => k.problems.length && matches(k, q));
  bad.sort((a, b) => (b.problems.some((p) => p.level === 'fault') ? 1 : 0) - (a.problems.some((p) => p.level === 'fault') ? 1 : 0) || a.kioskId.localeCompare(b.kioskId));
  const shown = bad.slice(0, 200);
  $('problems').innerHTML = shown.length
    ? shown
        .map(
          (k) =>
            `<li class="${k.problems.some((p) => p.level === 'fault') ? 'fault' : 'warn'}" data-kiosk="${esc(k.kioskId)}"><h3>${esc(k.kioskId)} · ${esc(k.region)} · ${esc(k.servicePoint)}</h3>` +
            `<p class="state-${esc(k.state)}">${esc(stateWord(k))}（${esc(t().since(time(k.since)))}）</p>` +
            k.problems.map(problemHtml).join('') +
            `<button type="button" data-open="${esc(k.kioskId)}">${esc(t().open(k.kioskId))}</button></li>`,
        )
        .join('') + (bad.length > shown.length ? `<li class="more">${esc(t().more(bad.length - shown.length))}</li>` : '')
    : `<li>${esc(t().none)}</li>`;
}

function renderRegions() {
  const q = $('filter').value.trim().toLowerCase();
  const byRegion = new Map();
  for (const k of kiosks.values()) {
    if (!matches(k, q)) continue;
    if (!byRegion.has(k.region)) byRegion.set(k.region, []);
    byRegion.get(k.region).push(k);
  }
  const open = new Set([...document.querySelectorAll('#regions details[open]')].map((d) => d.dataset.region));
  $('regions').innerHTML = [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([region, list]) => {
      const on = list.filter((k) => k.state === 'online').length;
      const bad = list.filter((k) => k.problems.length).length;
      return `<details data-region="${esc(region)}"${open.has(region) ? ' open' : ''}><summary>${esc(t().regionLine(region, list.length, on, bad))}</summary>${open.has(region) ? regionBody(list) : ''}</details>`;
    })
    .join('');
}

function regionBody(list) {
  const bySp = new Map();
  for (const k of list) {
    if (!bySp.has(k.servicePoint)) bySp.set(k.servicePoint, []);
    bySp.get(k.servicePoint).push(k);
  }
  return [...bySp.entries()]
    .map(
      ([sp, ks]) =>
        `<h3>${esc(sp)}</h3><ul class="kiosks">${ks
          .map((k) => `<li><button type="button" data-open="${esc(k.kioskId)}">${esc(k.kioskId)} <span class="state-${esc(k.state)}">${esc(stateWord(k))}</span>${k.problems.length ? ` · ${esc(k.problems[0].problem[lang])}` : ''}</button></li>`)
          .join('')}</ul>`,
    )
    .join('');
}

function sparkline(samples) {
  if (!samples.length) return '';
  const values = samples.map((s) => s.queued);
  const max = Math.max(1, ...values);
  const w = 400;
  const pts = values.map((v, i) => `${values.length === 1 ? w : (i / (values.length - 1)) * w},${76 - (v / max) * 70}`).join(' ');
  return `<figure class="trend"><figcaption>${esc(t().trend)}：${esc(t().trendText(Math.min(...values), Math.max(...values), values[values.length - 1]))}</figcaption><svg viewBox="0 0 ${w} 80" role="img" aria-label="${esc(t().trend)}"><polyline fill="none" stroke="#0b3d6e" stroke-width="3" points="${pts}" /></svg></figure>`;
}

async function renderDetail() {
  if (!selected) return;
  const res = await fetch(`/api/kiosks/${encodeURIComponent(selected)}`);
  if (!res.ok) return;
  const text = await res.text();
  // Re-render only when something changed, so focus stays on the button an operator just used.
  if (text === lastDetail && !$('detail').hidden) return;
  lastDetail = text;
  const d = JSON.parse(text);
  const k = d.kiosk;
  $('detail').hidden = false;
  $('detail-h').textContent = t().detail(k.kioskId);
  $('detail-body').innerHTML =
    `<p class="state-${esc(k.state)}">${esc(stateWord(k))}（${esc(t().since(time(k.since)))}）</p>` +
    `<dl><dt>${esc(t().servicePoint)}</dt><dd>${esc(k.region)} · ${esc(k.servicePoint)}</dd><dt>${esc(t().version)}</dt><dd>${esc(k.version)}</dd><dt>${esc(t().lastSeen)}</dt><dd>${esc(time(k.lastSeen))}</dd><dt>${esc(t().queue)}</dt><dd>${k.queued}</dd></dl>` +
    (k.problems.length ? k.problems.map(problemHtml).join('') : `<p>${esc(t().healthy)}</p>`) +
    sparkline(d.samples) +
    `<h3>${esc(t().commands)}</h3><div class="actions">` +
    [
      ['restart-ui', t().restartUi],
      ['refresh-catalog', t().refreshCatalog],
      ['upload-diagnostics', t().uploadDiagnostics],
    ]
      .map(([kind, label]) => `<button type="button" data-command="${kind}">${esc(label)}</button>`)
      .join('') +
    `<button type="button" data-close="1">${esc(t().close)}</button></div><p id="command-note" role="status">${esc(detailNote)}</p>` +
    `<table><caption>${esc(t().commands)}</caption><thead><tr><th scope="col">${esc(t().kind)}</th><th scope="col">${esc(t().issued)}</th><th scope="col">${esc(t().outcome)}</th></tr></thead><tbody>` +
    d.commands
      .map((c) => `<tr data-command-id="${esc(c.commandId)}"><td>${esc(t().kinds[c.kind] ?? c.kind)}</td><td>${esc(time(c.issuedAt))}</td><td>${esc(c.outcome ? `${t().outcomes[c.outcome] ?? c.outcome}：${c.detail ?? ''}` : t().waiting)}</td></tr>`)
      .join('') +
    `</tbody></table><h3>${esc(t().history)}</h3><ul>${d.changes.map((c) => `<li>${esc(time(c.at))} ${esc(c.state === 'online' ? t().stateOnline : t().stateOffline)}</li>`).join('')}</ul>`;
}

async function send(kind) {
  const res = await fetch(`/api/kiosks/${encodeURIComponent(selected)}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ command: { kind } }) });
  const body = await res.json();
  detailNote = res.ok ? t().sent(t().kinds[kind]) : t().sendFailed(body.error);
  lastDetail = '';
  await renderDetail();
}

let rolloutNote = '';
let lastRollouts = '';

async function renderRollouts(force = false) {
  const res = await fetch('/api/rollouts');
  if (!res.ok) return;
  const text = await res.text();
  if (text === lastRollouts && !force) return;
  lastRollouts = text;
  const { rollouts } = JSON.parse(text);
  $('rollout-note').textContent = rolloutNote;
  $('rollouts').innerHTML = rollouts.length
    ? rollouts
        .map(
          (r) =>
            `<article class="rollout ${esc(r.state)}" data-rollout="${r.id}"><h3>${esc(t().roTitle(r.version, t().roStates[r.state]))}</h3>` +
            (r.reason ? `<p class="reason">${esc(r.reason[lang])}</p>` : '') +
            `<table><caption>${esc(t().roCaption(r.version))}</caption><thead><tr><th scope="col">${esc(t().roStage)}</th><th scope="col">${esc(t().roSent)}</th><th scope="col">${esc(t().roOk)}</th><th scope="col">${esc(t().roFailed)}</th><th scope="col">${esc(t().roPending)}</th></tr></thead><tbody>` +
            r.stages.map((s) => `<tr><th scope="row">${s.index + 1}. ${esc(s.label[lang])}</th><td>${s.targeted}</td><td>${s.succeeded}</td><td>${s.failed}</td><td>${s.pending}</td></tr>`).join('') +
            `</tbody></table>` +
            (r.failures.length ? `<h4>${esc(t().roFailures)}</h4><ul>${r.failures.map((f) => `<li>${esc(f.kioskId)}：${esc(f.detail)}</li>`).join('')}</ul>` : '') +
            (r.state === 'running' ? `<button type="button" data-stop-rollout="${r.id}">${esc(t().roStop(r.version))}</button>` : '') +
            `</article>`,
        )
        .join('')
    : `<p>${esc(t().roNone)}</p>`;
}

$('rollout-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const version = $('ro-version').value.trim();
  const stages = $('ro-stages')
    .value.split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => (/^\d+(\.\d+)?\s*%$/.test(x) ? { percent: Number(x.replace('%', '')) } : { region: x }));
  if (!stages.length) {
    rolloutNote = t().roBadStages;
    void renderRollouts(true);
    return;
  }
  const failureThreshold = Number($('ro-threshold').value) / 100;
  void fetch('/api/rollouts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, stages, failureThreshold }) }).then(async (res) => {
    const body = await res.json();
    rolloutNote = res.ok ? t().roStarted(version) : t().roFailedStart(body.error);
    await renderRollouts(true);
  });
});

async function poll() {
  try {
    const res = await fetch(`/api/fleet?after=${seq}`);
    if (res.ok) {
      const f = await res.json();
      brokerConnected = f.brokerConnected;
      for (const k of f.kiosks) kiosks.set(k.kioskId, k);
      const changed = f.kiosks.length > 0 || seq === 0;
      seq = f.seq;
      renderSummary();
      if (changed) {
        renderProblems();
        renderRegions();
      }
      await renderDetail();
      await renderRollouts();
      document.body.dataset.ready = '1';
    }
  } finally {
    setTimeout(poll, 1000);
  }
}

document.addEventListener('click', (e) => {
  const el = e.target instanceof Element ? e.target.closest('button') : null;
  if (!el) return;
  if (el.id === 'lang') {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('fleet-lang', lang);
    staticTexts();
    lastDetail = '';
    renderSummary();
    renderProblems();
    renderRegions();
    void renderDetail();
    void renderRollouts(true);
  } else if (el.dataset.stopRollout) {
    void fetch(`/api/rollouts/${el.dataset.stopRollout}/stop`, { method: 'POST' }).then(() => renderRollouts(true));
  } else if (el.dataset.open) {
    selected = el.dataset.open;
    detailNote = '';
    lastDetail = '';
    void renderDetail().then(() => $('detail-h').focus());
  } else if (el.dataset.command) {
    void send(el.dataset.command);
  } else if (el.dataset.close) {
    selected = null;
    $('detail').hidden = true;
  }
});
document.addEventListener(
  'toggle',
  (e) => {
    const d = e.target;
    if (!(d instanceof HTMLDetailsElement) || !d.open || d.querySelector('h3')) return;
    const q = $('filter').value.trim().toLowerCase();
    d.insertAdjacentHTML('beforeend', regionBody([...kiosks.values()].filter((k) => k.region === d.dataset.region && matches(k, q))));
  },
  true,
);
$('filter').addEventListener('input', () => {
  renderProblems();
  renderRegions();
});
staticTexts();
void poll();
