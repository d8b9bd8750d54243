import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { MaintenanceStatus } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { useMaintenance } from './maintenance-session';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** PIN pad: large keys, the PIN itself never shown, wrong tries counted down, lockout said in words. */
export function PinScreen() {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const session = useMaintenance();
  const navigate = useNavigate();
  const staffNo = (useLocation().state as { staffNo?: string } | null)?.staffNo ?? null;
  const [pin, setPin] = useState('');
  const [status, setStatus] = useState<MaintenanceStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => void client.api['maintenance.status']({}).then((r) => r.ok && setStatus(r.value));
  useEffect(refresh, [client]);

  const submit = async () => {
    if (pin.length < 4 || busy) return;
    setBusy(true);
    const r = await client.api['maintenance.login']({ pin, via: staffNo ? 'staff-card' : 'gesture' });
    setBusy(false);
    setPin('');
    if (r.ok) {
      session.begin(r.value.token, r.value.idleSeconds);
      navigate('/maintenance', { replace: true });
      return;
    }
    setMessage(r.message);
    refresh();
  };

  const locked = status?.locked ?? false;
  return (
    <section className="maintenance pin-screen" aria-labelledby="pin-heading">
      <h1 id="pin-heading">{t('maintenance.login.heading')}</h1>
      <p>{t('maintenance.login.lead')}</p>
      {staffNo && (
        <p className="note-ok" data-testid="pin-staff-card">
          {t('maintenance.login.staffCardRead', { staffNo })}
        </p>
      )}
      {status && !status.pinConfigured && <p className="warning">{t('maintenance.login.noPin')}</p>}
      {locked && status?.lockedUntil && (
        <p className="warning" role="alert" data-testid="pin-locked">
          {t('maintenance.login.locked', { until: new Date(status.lockedUntil).toLocaleTimeString() })}
        </p>
      )}
      {message && !locked && (
        <p className="warning" role="alert" data-testid="pin-message">
          {message}
        </p>
      )}
      <div className="pin-display" role="status" aria-label={t('maintenance.login.pinLabel')} data-testid="pin-display">
        <span aria-hidden="true">{'●'.repeat(pin.length) || '—'}</span>
        <span className="sr-only">{t('maintenance.login.digits', { n: pin.length })}</span>
      </div>
      <div className="pin-pad">
        {DIGITS.map((d) => (
          <button type="button" key={d} disabled={locked} onClick={() => setPin((p) => (p.length < 12 ? p + d : p))}>
            {d}
          </button>
        ))}
        <button type="button" disabled={locked} onClick={() => setPin((p) => p.slice(0, -1))}>
          {t('maintenance.login.delete')}
        </button>
        <button type="button" disabled={locked} onClick={() => setPin('')}>
          {t('maintenance.login.clear')}
        </button>
      </div>
      <div className="row">
        <button type="button" className="primary" disabled={locked || pin.length < 4 || busy} onClick={() => void submit()} data-testid="pin-submit">
          {t('maintenance.login.submit')}
        </button>
        <button type="button" onClick={() => navigate('/', { replace: true })}>
          {t('maintenance.login.cancel')}
        </button>
      </div>
    </section>
  );
}
