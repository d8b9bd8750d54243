// The fleet console page. It never holds the whole fleet: it shows the
// per-region summary (/api/summary, counts from the console's SQLite), one
// page of kiosks with problems (faults first) and one page of the kiosk list
// (/api/kiosks, filtered on the server), one kiosk's history, and sends
// signed commands (the server signs). Polls once a second; the summary says
// "unchanged" when nothing arrived. zh-CN first, English complete.

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
    kiosksH: '终端列表',
    scopeAll: '全部终端（有问题的排在前面）',
    scope: (r, sp) => `${r}${sp ? ` · ${sp}` : ''} 的终端（有问题的排在前面）`,
    showAll: '显示全部终端',
    listSp: (sp) => `列出 ${sp} 的终端`,
    listRegion: (r) => `列出 ${r} 的全部终端`,
    spCaption: (r) => `${r} 各服务点`,
    spCol: '服务点',
    totalCol: '终端',
    problemCol: '需处理',
    listCol: '终端列表',
    range: (a, b, n) => `第 ${a}–${b} 台，共 ${n} 台`,
    prev: '上一页',
    next: '下一页',
    noMatch: '没有符合条件的终端',
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
    kiosksH: 'Kiosk list',
    scopeAll: 'All kiosks (those with problems first)',
    scope: (r, sp) => `Kiosks of ${r}${sp ? ` · ${sp}` : ''} (those with problems first)`,
    showAll: 'Show all kiosks',
    listSp: (sp) => `List the kiosks of ${sp}`,
    listRegion: (r) => `List every kiosk of ${r}`,
    spCaption: (r) => `Service points of ${r}`,
    spCol: 'Service point',
    totalCol: 'Kiosks',
    problemCol: 'Need attention',
    listCol: 'Kiosk list',
    range: (a, b, n) => `${a}–${b} of ${n}`,
    prev: 'Previous page',
    next: 'Next page',
    noMatch: 'No kiosk matches',
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
const PAGE = 50;
let firstView = (() => {
  const el = document.getElementById('first-view');
  if (!el) return null;
  el.remove();
  try {
    return JSON.parse(el.textContent);
  } catch {
    return null;
  }
})();
let seq = 0;
let summary = null;
const lists = {
  problems: { offset: 0, data: null },
  kiosks: { offset: 0, data: null },
};
let scope = { region: '', servicePoint: '' };
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
    ['kiosks-h', 'kiosksH'],
    ['rollouts-h', 'rollouts'],
    ['ro-version-label', 'roVersion'],
    ['ro-stages-label', 'roStages'],
    ['ro-threshold-label', 'roThreshold'],
    ['ro-start', 'roStart'],
  ])
    $(id).textContent = t()[key];
  $('lang').lang = lang === 'en' ? 'zh-CN' : 'en';
}

function problemHtml(p) {
  return `<p class="problem-text"><span class="level">${esc(t()[p.level])}</span> ${esc(p.problem[lang])} <span class="code">(${esc(p.code)})</span></p><p class="fix">${esc(t().fix)}${esc(p.fix[lang])}</p>`;
}

const query = () => $('filter').value.trim();

async function fetchList(name) {
  const l = lists[name];
  const params = new URLSearchParams({ offset: String(l.offset), limit: String(PAGE) });
  if (query()) params.set('q', query());
  if (name === 'problems') params.set('problems', '1');
  else {
    if (scope.region) params.set('region', scope.region);
    if (scope.servicePoint) params.set('servicePoint', scope.servicePoint);
  }
  const res = await fetch(`/api/kiosks?${params}`);
  if (!res.ok) return;
  l.data = await res.json();
  if (l.offset > 0 && l.offset >= l.data.total) {
    l.offset = Math.max(0, Math.floor((l.data.total - 1) / PAGE) * PAGE);
    return fetchList(name);
  }
}

function pagerHtml(name) {
  const d = lists[name].data;
  if (!d || d.total <= d.limit) return d && d.total ? `<p>${esc(t().range(1, d.total, d.total))}</p>` : '';
  const last = Math.min(d.total, d.offset + d.kiosks.length);
  return (
    `<button type="button" data-page="${name}" data-step="-1"${d.offset === 0 ? ' disabled' : ''}>${esc(t().prev)}</button>` +
    `<p role="status">${esc(t().range(d.offset + 1, last, d.total))}</p>` +
    `<button type="button" data-page="${name}" data-step="1"${last >= d.total ? ' disabled' : ''}>${esc(t().next)}</button>`
  );
}

function renderSummary() {
  if (!summary) return;
  const s = summary.totals;
  $('summary').innerHTML = [
    [t().total, s.kiosks],
    [t().online, s.online],
    [t().offline, s.offline],
    [t().needing, s.problems],
  ]
    .map(([label, n]) => `<div><dt>${esc(label)}</dt><dd>${n}</dd></div>`)
    .join('');
  $('broker').textContent = brokerConnected ? t().brokerUp : t().brokerDown;
}

function renderProblems() {
  const d = lists.problems.data;
  if (!d) return;
  $('problems').innerHTML = d.kiosks.length
    ? d.kiosks
        .map(
          (k) =>
            `<li class="${k.problems.some((p) => p.level === 'fault') ? 'fault' : 'warn'}" data-kiosk="${esc(k.kioskId)}"><h3>${esc(k.kioskId)} · ${esc(k.region)} · ${esc(k.servicePoint)}</h3>` +
            `<p class="state-${esc(k.state)}">${esc(stateWord(k))}（${esc(t().since(time(k.since)))}）</p>` +
            k.problems.map(problemHtml).join('') +
            `<button type="button" data-open="${esc(k.kioskId)}">${esc(t().open(k.kioskId))}</button></li>`,
        )
        .join('')
    : `<li>${esc(query() ? t().noMatch : t().none)}</li>`;
  $('problems-pager').innerHTML = pagerHtml('problems');
}

function renderRegions() {
  if (!summary) return;
  const open = new Set([...document.querySelectorAll('#regions details[open]')].map((d) => d.dataset.region));
  $('regions').innerHTML = summary.regions
    .map((r) => `<details data-region="${esc(r.region)}"${open.has(r.region) ? ' open' : ''}><summary>${esc(t().regionLine(r.region, r.kiosks, r.online, r.problems))}</summary>${open.has(r.region) ? regionBody(r) : ''}</details>`)
    .join('');
}

function regionBody(r) {
  return (
    `<table><caption>${esc(t().spCaption(r.region))}</caption><thead><tr><th scope="col">${esc(t().spCol)}</th><th scope="col">${esc(t().totalCol)}</th><th scope="col">${esc(t().online)}</th><th scope="col">${esc(t().offline)}</th><th scope="col">${esc(t().problemCol)}</th><th scope="col">${esc(t().listCol)}</th></tr></thead><tbody>` +
    r.servicePoints
      .map(
        (sp) =>
          `<tr${sp.problems ? ' class="has-problems"' : ''}><th scope="row">${esc(sp.servicePoint)}</th><td>${sp.kiosks}</td><td>${sp.online}</td><td>${sp.offline}</td><td>${sp.problems}</td>` +
          `<td><button type="button" data-scope-region="${esc(r.region)}" data-scope-sp="${esc(sp.servicePoint)}" aria-label="${esc(t().listSp(sp.servicePoint))}">${esc(t().listCol)}</button></td></tr>`,
      )
      .join('') +
    `</tbody></table><button type="button" data-scope-region="${esc(r.region)}" data-scope-sp="">${esc(t().listRegion(r.region))}</button>`
  );
}

function renderKiosks() {
  const d = lists.kiosks.data;
  if (!d) return;
  $('list-scope').innerHTML = scope.region ? `${esc(t().scope(scope.region, scope.servicePoint))} <button type="button" data-scope-clear="1">${esc(t().showAll)}</button>` : esc(t().scopeAll);
  $('kiosks').innerHTML = d.kiosks.length
    ? d.kiosks
        .map(
          (k) =>
            `<li><button type="button" data-open="${esc(k.kioskId)}">${esc(k.kioskId)} <span class="state-${esc(k.state)}">${esc(stateWord(k))}</span> · ${esc(k.servicePoint)}${k.problems.length ? ` · ${esc(k.problems[0].problem[lang])}` : ''}</button></li>`,
        )
        .join('')
    : `<li>${esc(t().noMatch)}</li>`;
  $('kiosks-pager').innerHTML = pagerHtml('kiosks');
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

async function refreshLists() {
  await Promise.all([fetchList('problems'), fetchList('kiosks')]);
  renderProblems();
  renderKiosks();
}

async function poll() {
  try {
    // The first time, the two lists are asked for together with the summary (they do not depend on it): one
    // round trip less before the page is usable.
    const listsAsked = seq === 0 && !firstView ? Promise.all([fetchList('problems'), fetchList('kiosks')]) : null;
    // The very first view came with the page (the server put it in a JSON block): no round trip at all.
    const given = firstView;
    firstView = null;
    if (given) {
      lists.problems.data = given.problems;
      lists.kiosks.data = given.kiosks;
    }
    const res = given ? { ok: true, json: () => given.summary } : await fetch(`/api/summary?after=${seq}`);
    if (listsAsked) await listsAsked;
    if (res.ok) {
      const f = await res.json();
      brokerConnected = f.brokerConnected;
      if (!f.unchanged) {
        summary = f;
        seq = f.seq;
        renderSummary();
        renderRegions();
        if (listsAsked || given) {
          renderProblems();
          renderKiosks();
        } else await refreshLists();
      } else renderSummary();
      document.body.dataset.ready = '1';
      await renderDetail();
      await renderRollouts();
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
    renderKiosks();
    void renderDetail();
    void renderRollouts(true);
  } else if (el.dataset.page) {
    const l = lists[el.dataset.page];
    l.offset = Math.max(0, l.offset + Number(el.dataset.step) * PAGE);
    void fetchList(el.dataset.page).then(() => (el.dataset.page === 'problems' ? renderProblems() : renderKiosks()));
  } else if (el.dataset.scopeRegion !== undefined || el.dataset.scopeClear) {
    scope = el.dataset.scopeClear ? { region: '', servicePoint: '' } : { region: el.dataset.scopeRegion, servicePoint: el.dataset.scopeSp ?? '' };
    lists.kiosks.offset = 0;
    void fetchList('kiosks').then(() => {
      renderKiosks();
      if (!el.dataset.scopeClear) $('kiosks-h').scrollIntoView({ block: 'start' });
    });
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
    if (!(d instanceof HTMLDetailsElement) || !d.open || d.querySelector('table') || !summary) return;
    const r = summary.regions.find((x) => x.region === d.dataset.region);
    if (r) d.insertAdjacentHTML('beforeend', regionBody(r));
  },
  true,
);
let filterTimer = null;
$('filter').addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    lists.problems.offset = 0;
    lists.kiosks.offset = 0;
    void refreshLists();
  }, 200);
});
staticTexts();
void poll();
