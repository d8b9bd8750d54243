import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreSalvage } from '../../../contract';
import { useMaintenance } from './maintenance-session';

const KINDS = ['applications', 'evaluations', 'feedback', 'attachments', 'auditEntries', 'printJobs'] as const;

const ranges = (rs: readonly (readonly [number, number])[]) => rs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');

/** DB-SALVAGED in detail: what each salvage of the damaged database lost, and the technician's acknowledgement. */
export function SalvagePanel({ salvaged, onChanged }: { salvaged: readonly StoreSalvage[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const m = useMaintenance();
  const [note, setNote] = useState<string | null>(null);
  if (salvaged.length === 0 && !note) return null;

  const acknowledge = async () => {
    const r = await m.call('maintenance.salvage.acknowledge', {});
    setNote(r.ok ? t('maintenance.salvage.acknowledged', { n: r.value.acknowledged }) : r.message);
    onChanged();
  };

  return (
    <div className="panel" aria-labelledby="salvage-heading" data-testid="salvage-panel">
      <h2 id="salvage-heading">{t('maintenance.salvage.heading')}</h2>
      {salvaged.length > 0 && (
        <>
          <p>{t('maintenance.salvage.lead')}</p>
          <ul className="quarantined">
            {salvaged.map((s) => (
              <li key={s.at} data-testid="salvage-report">
                <dl>
                  <dt>{t('maintenance.salvage.at')}</dt>
                  <dd>{new Date(s.at).toLocaleString()}</dd>
                  <dt>{t('maintenance.salvage.lost')}</dt>
                  <dd data-testid="salvage-lost">
                    {s.atLeast ? `${t('maintenance.salvage.atLeast')} ` : ''}
                    {KINDS.map((k) => t(`maintenance.salvage.${k}`, { n: s.lost[k] })).join(' · ')}
                  </dd>
                  <dt>{t('maintenance.salvage.gone')}</dt>
                  <dd data-testid="salvage-gone">{ranges([...s.gone.applications, ...s.gone.evaluations, ...s.gone.feedback]) || t('maintenance.salvage.goneNone')}</dd>
                  <dt>{t('maintenance.salvage.copy')}</dt>
                  <dd>{s.damagedCopy ?? '—'}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className="primary" data-testid="salvage-acknowledge" onClick={() => void acknowledge()}>
              {t('maintenance.salvage.acknowledge')}
            </button>
          </div>
        </>
      )}
      {note && (
        <p role="status" data-testid="salvage-note">
          {note}
        </p>
      )}
    </div>
  );
}
