import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotPrintedJob } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { useMaintenance } from './maintenance-session';

/** Receipts and A4 documents that will not print (their visit ended, a restart interrupted them): what, when and why. */
export function NotPrintedPanel() {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  const m = useMaintenance();
  const [jobs, setJobs] = useState<NotPrintedJob[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void m.call('receipts.notPrinted', { limit: 50 }).then((r) => live && r.ok && setJobs(r.value.jobs));
    load();
    const timer = window.setInterval(load, 5000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [m]);
  if (!jobs) return null;
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false });
  const docName = (d: string) => t(`a4.notPrinted.documentNames.${d}`, { defaultValue: d });
  return (
    <div className="panel" aria-labelledby="not-printed-heading" data-testid="not-printed-panel">
      <h2 id="not-printed-heading">{t('a4.notPrinted.heading')}</h2>
      <p className="hint">{t('a4.notPrinted.hint')}</p>
      {jobs.length === 0 ? (
        <p>{t('a4.notPrinted.none')}</p>
      ) : (
        <table className="not-printed">
          <thead>
            <tr>
              <th scope="col">{t('a4.notPrinted.kind')}</th>
              <th scope="col">{t('a4.notPrinted.document')}</th>
              <th scope="col">{t('a4.notPrinted.time')}</th>
              <th scope="col">{t('a4.notPrinted.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.jobId} data-testid="not-printed-job" data-kind={j.kind} data-document={j.document} data-reason={j.reason}>
                <td>{t(`a4.notPrinted.kinds.${j.kind}`)}</td>
                <td>{docName(j.document)}</td>
                <td>{when(j.createdAt)}</td>
                <td>
                  {t(`a4.notPrinted.reasons.${j.reason}`)}
                  {j.problem && <div className="hint">{t('a4.notPrinted.problem', { problem: j.problem })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
