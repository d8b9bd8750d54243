import type { Diagnostics, HealthLevel, PlatformAdapterHealth } from '../../../contract';

const WORD: Record<HealthLevel, string> = { ok: '正常 OK', warn: '注意 WARN', fault: '故障 FAULT' };
const MARK: Record<HealthLevel, string> = { ok: '✓', warn: '!', fault: '✗' };

function bytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.round(n / 1024)} KB`;
}

function age(iso: string | null, now: number): string {
  if (!iso) return '—';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
}

/** `npm run doctor` for a person at a terminal: the verdict first, then what is wrong and how to fix it, then the details. */
export function formatDiagnostics(d: Diagnostics): string {
  const now = Date.parse(d.generatedAt);
  const lines: string[] = [];
  lines.push(`onething-kiosk doctor · ${d.kioskId} · ${d.servicePoint}`);
  lines.push(`总体 Overall: ${MARK[d.overall]} ${WORD[d.overall]}`);
  if (d.findings.length) {
    lines.push('', '问题 Problems:');
    for (const f of d.findings) {
      lines.push(`  ${MARK[f.level]} [${WORD[f.level]}] ${f.code}: ${f.problem['zh-CN']} (${f.problem.en})`);
      lines.push(`      处理 Fix: ${f.fix['zh-CN']}`);
    }
  }
  lines.push('', '设备 Devices:');
  if (!d.devices.length) lines.push('  (none configured)');
  for (const x of d.devices) {
    const s = x.status;
    const conds = Object.entries(s.conditions).map(([k, v]) => `${k}=${v}`).join(' ');
    const counts = Object.entries(s.counters).map(([k, v]) => `${k}=${v}`).join(' ');
    lines.push(`  ${MARK[x.level]} ${s.name} (${s.id}, ${s.source}${s.path ? ` ${s.path}` : ''}): ${s.state}/${s.power}${conds ? ` · ${conds}` : ''}${counts ? ` · ${counts}` : ''} · last seen ${age(s.lastSeenAt, now)} ago`);
  }
  lines.push('', '待提交队列 Outbox:');
  if (d.outbox) {
    lines.push(`  depth ${d.outbox.depth} · oldest pending ${age(d.outbox.oldestPendingAt, now)} · last sync ${age(d.outbox.lastSyncAt, now)} ago · quarantined ${d.outbox.quarantined.length}`);
    for (const q of d.outbox.quarantined.slice(0, 10)) lines.push(`    - ${q.id} (${q.kind}, ${q.attempts} tries): ${q.reason}`);
  } else {
    lines.push('  (not available)');
  }
  const p = d.platform;
  lines.push('', '平台 Platform:', `  ${p.url} · ${p.reachable ? 'reachable' : 'UNREACHABLE'} · latency ${p.latencyMs ?? '—'} ms · clock skew ${p.clockSkewMs ?? '—'} ms`);
  if (p.adapter) lines.push(`  ${formatPlatformAdapter(p.adapter).join('\n  ')}`);
  const s = d.system;
  lines.push(
    '',
    '系统 System:',
    `  uptime ${Math.round(s.uptimeSec)} s (OS ${Math.round(s.osUptimeSec)} s) · memory rss ${bytes(s.memory.rssBytes)}, free ${bytes(s.memory.systemFreeBytes)} of ${bytes(s.memory.systemTotalBytes)}`,
    `  disk ${s.disk ? `${bytes(s.disk.freeBytes)} free of ${bytes(s.disk.totalBytes)}` : 'unknown'} · data ${s.dataDir} (${bytes(s.dataDirBytes)})`,
    `  UI heartbeat ${age(d.ui.lastHeartbeatAt, now)} ago · recoveries ${d.ui.recoveries}${d.ui.lastRecovery ? ` (last: ${d.ui.lastRecovery})` : ''}`,
    `  audit head ${d.audit.head ? d.audit.head.slice(0, 16) : '—'} (${d.audit.length ?? 0} records)`,
  );
  const v = d.versions;
  lines.push('', `版本 Versions: app ${v.app} · node ${v.node} · electron ${v.electron ?? '—'} · chromium ${v.chromium ?? '—'} · sqlite ${v.sqlite ?? '—'}`);
  return lines.join('\n');
}

/** The adapter and code map lines, as doctor and `provision show` print them. */
export function formatPlatformAdapter(a: PlatformAdapterHealth): string[] {
  const m = a.codeMap;
  const map = !m
    ? '编码对照表 code map   无 none (v1 takes our codes)'
    : m.missingCount === 0
      ? `编码对照表 code map   ${m.file} · ${m.province} · ${m.codes} codes · checked OK`
      : `编码对照表 code map   ${m.file} · ${m.province} · ${m.codes} codes · MISSING ${m.missingCount}: ${m.missing.join(', ')}${m.missingCount > m.missing.length ? ' …' : ''}`;
  return [`平台适配器 adapter    ${a.name}`, map];
}
