import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxHealth } from '../../../contract';
import { ago } from './format';
import { useMaintenance } from './maintenance-session';

/** Queue depth and age, quarantined items with their reasons, and the three actions on them. */
export function OutboxPanel({ outbox, onChanged }: { outbox: OutboxHealth | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const m = useMaintenance();
  const [note, setNote] = useState<string | null>(null);
  const [exportPath, setExportPath] = useState('/media/usb');

  const act = async (p: Promise<{ ok: boolean; message?: string }>, done: string) => {
    const r = await p;
    setNote(r.ok ? done : (r.message ?? ''));
    onChanged();
  };

  return (
    <div className="panel" aria-labelledby="outbox-heading" data-testid="outbox-panel">
      <h2 id="outbox-heading">{t('maintenance.outbox.heading')}</h2>
      {!outbox ? (
        <p>{t('maintenance.outbox.unavailable')}</p>
      ) : (
        <>
          <dl>
            <dt>{t('maintenance.outbox.depth')}</dt>
            <dd data-testid="outbox-depth">{outbox.depth}</dd>
            <dt>{t('maintenance.outbox.oldest')}</dt>
            <dd>{outbox.oldestPendingAt ? ago(t, outbox.oldestPendingAt) : '—'}</dd>
            <dt>{t('maintenance.outbox.lastSync')}</dt>
            <dd>{ago(t, outbox.lastSyncAt)}</dd>
          </dl>
          <h3>{t('maintenance.outbox.quarantined')}</h3>
          {outbox.quarantined.length === 0 ? (
            <p>{t('maintenance.outbox.noneQuarantined')}</p>
          ) : (
            <ul className="quarantined">
              {outbox.quarantined.map((q) => (
                <li key={q.id} data-testid="quarantined-item" data-id={q.id}>
                  <span>
                    {q.kind} · {q.id.slice(0, 13)}… · {t('maintenance.outbox.attempts', { n: q.attempts })}
                  </span>
                  <span>
                    {t('maintenance.outbox.reason')}：{q.reason}
                  </span>
                  <button type="button" onClick={() => void act(m.call('maintenance.outbox.requeue', { id: q.id }), t('maintenance.outbox.requeued'))}>
                    {t('maintenance.outbox.requeue')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="row">
            <button type="button" onClick={() => void act(m.call('maintenance.outbox.sync', {}), t('maintenance.outbox.syncStarted'))}>
              {t('maintenance.outbox.sync')}
            </button>
            <label className="inline-field">
              <span>{t('maintenance.bundle.path')}</span>
              <input value={exportPath} onChange={(e) => setExportPath(e.target.value)} />
            </label>
            <button
              type="button"
              onClick={() =>
                void m.call('maintenance.outbox.export', { path: exportPath }).then((r) => setNote(r.ok ? `${r.value.path} (${r.value.items})` : r.message))
              }
            >
              {t('maintenance.outbox.export')}
            </button>
          </div>
        </>
      )}
      {note && (
        <p role="status" data-testid="outbox-note">
          {note}
        </p>
      )}
    </div>
  );
}
