import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { Diagnostics } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { ConfigPanel } from './ConfigPanel';
import { DevicesPanel } from './DevicesPanel';
import { LevelBadge } from './LevelBadge';
import { LogsPanel } from './LogsPanel';
import { NotPrintedPanel } from './NotPrintedPanel';
import { useMaintenance } from './maintenance-session';
import { OutboxPanel } from './OutboxPanel';
import { SalvagePanel } from './SalvagePanel';
import { SystemPanel } from './SystemPanel';
import './maintenance.css';

/** Everything at a glance: the verdict and what to fix first, then each part with its actions. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  const m = useMaintenance();
  const [d, setD] = useState<Diagnostics | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await m.call('maintenance.diagnostics', {});
    if (r.ok) {
      setD(r.value);
      setError(null);
    } else setError(r.message);
  }, [m]);

  useEffect(() => {
    if (!m.token) return;
    void load();
    // Polling is not a touch: the 2-minute rule is the UI's idle timer (maintenance-session); the host's own lapse is the backstop once the screen is gone.
    const timer = window.setInterval(() => void load(), 3000);
    return () => window.clearInterval(timer);
  }, [m.token, load]);

  if (!m.token) return <Navigate to="/" replace />;
  return (
    <section className="maintenance dashboard" aria-labelledby="dash-heading">
      <div className="dash-head">
        <h1 id="dash-heading">{t('maintenance.dash.heading')}</h1>
        <div className="row">
          <button type="button" onClick={() => void load()}>
            {t('maintenance.dash.refresh')}
          </button>
          <button type="button" className="primary" onClick={() => void m.leave()} data-testid="maintenance-leave">
            {t('maintenance.dash.leave')}
          </button>
        </div>
      </div>
      <p className="hint">{t('maintenance.dash.idleHint')}</p>
      {error && (
        <p className="warning" role="alert">
          {error}
        </p>
      )}
      {d && (
        <>
          <div className="panel overall">
            <h2>
              {t('maintenance.dash.overall')} <LevelBadge level={d.overall} testId="overall-level" />
            </h2>
            <p>
              {d.kioskId} · {d.servicePoint}
            </p>
          </div>
          <div className="panel" data-testid="findings">
            <h2>{t('maintenance.dash.problems')}</h2>
            {d.findings.length === 0 ? (
              <p>{t('maintenance.dash.noProblems')}</p>
            ) : (
              <ul className="findings">
                {d.findings.map((f) => (
                  <li key={`${f.area}-${f.code}`} className={`finding finding-${f.level}`} data-code={f.code}>
                    <LevelBadge level={f.level} /> <strong>{f.problem[locale]}</strong>
                    <div>
                      {t('maintenance.dash.fix')}：{f.fix[locale]}
                    </div>
                    <small>
                      {t('maintenance.dash.code')} {f.code}
                    </small>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <SalvagePanel salvaged={d.outbox?.salvaged ?? []} onChanged={() => void load()} />
          <DevicesPanel devices={d.devices} onChanged={() => void load()} />
          <OutboxPanel outbox={d.outbox} onChanged={() => void load()} />
          <NotPrintedPanel />
          <SystemPanel d={d} />
          <LogsPanel />
          <ConfigPanel />
        </>
      )}
    </section>
  );
}
