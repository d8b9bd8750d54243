import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostics } from '../../../contract';
import { ago, duration, size } from './format';
import { KeysPanel } from './KeysPanel';
import { LevelBadge } from './LevelBadge';
import { useMaintenance } from './maintenance-session';

/** Network and platform, this machine, versions, the audit chain check and the diagnostics bundle. */
export function SystemPanel({ d }: { d: Diagnostics }) {
  const { t } = useTranslation();
  const m = useMaintenance();
  const [audit, setAudit] = useState<{ intact: boolean; message: string } | null>(null);
  const [bundlePath, setBundlePath] = useState('/media/usb');
  const [bundle, setBundle] = useState<string | null>(null);
  const p = d.platform;
  const s = d.system;
  const v = d.versions;
  return (
    <>
      <div className="panel" aria-labelledby="platform-heading">
        <h2 id="platform-heading">{t('maintenance.platform.heading')}</h2>
        <p>
          <LevelBadge level={p.reachable ? 'ok' : 'warn'} /> {p.reachable ? t('maintenance.platform.reachable') : t('maintenance.platform.unreachable')} · {p.url}
        </p>
        <dl>
          <dt>{t('maintenance.platform.latency')}</dt>
          <dd>{p.latencyMs === null ? '—' : `${p.latencyMs} ms`}</dd>
          <dt>{t('maintenance.platform.skew')}</dt>
          <dd>{p.clockSkewMs === null ? '—' : `${(p.clockSkewMs / 1000).toFixed(1)} s`}</dd>
          {p.adapter ? (
            <>
              <dt>{t('maintenance.platform.adapter')}</dt>
              <dd data-testid="platform-adapter">{p.adapter.name}</dd>
              <dt>{t('maintenance.platform.codeMap')}</dt>
              <dd data-testid="platform-code-map">
                {p.adapter.codeMap ? (
                  <>
                    <LevelBadge level={p.adapter.codeMap.missingCount === 0 ? 'ok' : 'warn'} /> <code>{p.adapter.codeMap.file}</code>{' '}
                    {p.adapter.codeMap.missingCount === 0
                      ? t('maintenance.platform.codeMapOk', { province: p.adapter.codeMap.province, codes: p.adapter.codeMap.codes })
                      : t('maintenance.platform.codeMapMissing', { province: p.adapter.codeMap.province, codes: p.adapter.codeMap.codes, n: p.adapter.codeMap.missingCount, list: p.adapter.codeMap.missing.join(', ') })}
                  </>
                ) : (
                  t('maintenance.platform.codeMapNone')
                )}
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <div className="panel" aria-labelledby="system-heading">
        <h2 id="system-heading">{t('maintenance.system.heading')}</h2>
        <dl>
          <dt>{t('maintenance.system.uptime')}</dt>
          <dd>{duration(t, s.uptimeSec)}</dd>
          <dt>{t('maintenance.system.memory')}</dt>
          <dd>
            {size(s.memory.rssBytes)} / {size(s.memory.systemFreeBytes)} / {size(s.memory.systemTotalBytes)}
          </dd>
          <dt>{t('maintenance.system.disk')}</dt>
          <dd>{s.disk ? `${size(s.disk.freeBytes)} / ${size(s.disk.totalBytes)}` : '—'}</dd>
          <dt>{t('maintenance.system.dataDir')}</dt>
          <dd>
            {s.dataDir} ({size(s.dataDirBytes)})
          </dd>
          <dt>{t('maintenance.system.ui')}</dt>
          <dd>
            {ago(t, d.ui.lastHeartbeatAt)} · {t('maintenance.system.recoveries', { n: d.ui.recoveries })}
          </dd>
          <dt>{t('maintenance.system.versions')}</dt>
          <dd data-testid="versions">
            app {v.app} · Node {v.node} · Electron {v.electron ?? '—'} · Chromium {v.chromium ?? navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '—'} · SQLite {v.sqlite ?? '—'}
          </dd>
        </dl>
      </div>
      <KeysPanel />
      <div className="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('maintenance.audit.heading')}</h2>
        <p>
          {d.audit.length ?? 0} · {d.audit.head ? `${d.audit.head.slice(0, 16)}…` : '—'}
        </p>
        <button type="button" onClick={() => void m.call('maintenance.audit.verify', {}).then((r) => r.ok && setAudit(r.value))} data-testid="audit-verify">
          {t('maintenance.audit.verify')}
        </button>
        {audit && (
          <p role="status" data-testid="audit-result">
            <LevelBadge level={audit.intact ? 'ok' : 'fault'} /> {audit.message}
          </p>
        )}
      </div>
      <div className="panel" aria-labelledby="bundle-heading">
        <h2 id="bundle-heading">{t('maintenance.bundle.heading')}</h2>
        <div className="row">
          <label className="inline-field">
            <span>{t('maintenance.bundle.path')}</span>
            <input value={bundlePath} onChange={(e) => setBundlePath(e.target.value)} data-testid="bundle-path" />
          </label>
          <button
            type="button"
            data-testid="bundle-write"
            onClick={() =>
              void m
                .call('maintenance.bundle', { path: bundlePath })
                .then((r) => setBundle(r.ok ? t('maintenance.bundle.written', { path: r.value.path, kb: Math.ceil(r.value.bytes / 1024) }) : r.message))
            }
          >
            {t('maintenance.bundle.write')}
          </button>
        </div>
        {bundle && (
          <p role="status" data-testid="bundle-result">
            {bundle}
          </p>
        )}
      </div>
    </>
  );
}
