import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { A4Document, A4Job, A4PrinterView } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';

/**
 * 打印 A4 材料 on the confirmation screen: the documents that apply to this
 * application (告知承诺书 only when commitments were confirmed), each
 * chosen with a large toggle, then their status while they print. When the
 * A4 printer cannot print, a calm sentence: the job is kept while the
 * resident is here, and where else the documents are. Toner or paper low is
 * a calm note (printing goes ahead). A kiosk without an A4 printer shows
 * nothing.
 */
export function A4Print({ applicationNumber }: { applicationNumber: string }) {
  const { t } = useTranslation();
  const { client, session } = useKiosk();
  const [printer, setPrinter] = useState<A4PrinterView | null>(null);
  const [offered, setOffered] = useState<A4Document[]>([]);
  const [chosen, setChosen] = useState<Set<A4Document>>(new Set());
  const [open, setOpen] = useState(false);
  const [jobs, setJobs] = useState<A4Job[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const sessionId = session?.id ?? null;

  useEffect(() => {
    let live = true;
    void client.api['a4.offer']({ applicationNumber }).then((r) => {
      if (!live || !r.ok) return;
      setPrinter(r.value.printer);
      setOffered(r.value.documents);
      setChosen(new Set(r.value.documents));
    });
    return () => {
      live = false;
    };
  }, [client, applicationNumber]);
  useEffect(() => client.on('a4.printer', (p) => setPrinter(p)), [client]);
  useJobUpdates(sessionId, setJobs);

  if (!printer?.fitted || offered.length === 0) return null;

  const toggle = (d: A4Document) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(d)) next.delete(d);
      else next.add(d);
      return next;
    });
  const print = async () => {
    setSending(true);
    setError(null);
    const r = await client.api['a4.print']({ applicationNumber, documents: offered.filter((d) => chosen.has(d)) });
    setSending(false);
    if (!r.ok) return setError(r.message);
    setPrinter(r.value.printer);
    setJobs((list) => [...list, ...r.value.jobs]);
    setOpen(false);
  };

  return (
    <section className="a4-print" data-testid="a4-print" aria-labelledby="a4-heading">
      <h2 id="a4-heading">{t('a4.heading')}</h2>
      {jobs.length === 0 && !open && <p>{t('a4.lead')}</p>}
      {!open && (
        <button type="button" className="huge" onClick={() => setOpen(true)} data-testid="a4-open">
          {t('a4.button')}
        </button>
      )}
      {open && (
        <fieldset className="a4-choices">
          <legend>{t('a4.choose')}</legend>
          {offered.map((d) => (
            <button key={d} type="button" className={`answer${chosen.has(d) ? ' chosen' : ''}`} aria-pressed={chosen.has(d)} onClick={() => toggle(d)} data-testid={`a4-doc-${d}`}>
              {t(`a4.documents.${d}`)}
            </button>
          ))}
          <div className="step-actions">
            <button type="button" className="primary" disabled={chosen.size === 0 || sending} onClick={() => void print()} data-testid="a4-print-go">
              {t('a4.print')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('a4.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      <A4Status jobs={jobs} printer={printer} error={error} />
    </section>
  );
}

/** Follows this visit's A4 jobs (a4.job events) in a list the component holds. */
function useJobUpdates(sessionId: string | null, setJobs: (f: (list: A4Job[]) => A4Job[]) => void) {
  const { client } = useKiosk();
  useEffect(
    () =>
      client.on('a4.job', (job) => {
        if (job.sessionId !== sessionId) return;
        setJobs((list) => list.map((j) => (j.jobId === job.jobId ? { jobId: job.jobId, document: job.document, status: job.status, problem: job.problem } : j)));
      }),
    [client, sessionId, setJobs],
  );
}

/**
 * What the resident reads while the documents print: printing, printed, or
 * why they wait and that they are kept. A warning (toner or paper low) is a
 * calm note beside it: the documents still print.
 */
function A4Status({ jobs, printer, error }: { jobs: A4Job[]; printer: A4PrinterView; error: string | null }) {
  const { t } = useTranslation();
  // A job CUPS holds behind a printer problem (the queue stopped after it was sent) waits just the same.
  const waiting = jobs.find((j) => j.status === 'waiting' || (j.status === 'printing' && j.problem !== null));
  const reason = waiting?.problem ?? printer.problem;
  const state = jobs.length === 0 ? 'idle' : waiting ? 'waiting' : jobs.some((j) => j.status === 'printing') ? 'printing' : jobs.every((j) => j.status === 'printed') ? 'printed' : 'mixed';
  return (
    <div role="status" aria-live="polite" data-testid="a4-state" data-state={state}>
      {error && <p className="warning">{error}</p>}
      {state === 'waiting' && <p className="warning">{t('a4.unavailable', { reason: reason ? t(`a4.reasons.${reason}`) : t('a4.reasons.OFFLINE') })}</p>}
      {state === 'printing' && <p>{t('a4.printingNow')}</p>}
      {state === 'printed' && <p className="ok-note">{t('a4.allPrinted')}</p>}
      {state !== 'waiting' &&
        printer.warnings.map((w) => (
          <p key={w} className="hint" data-testid="a4-warning" data-warning={w}>
            {t(`a4.warnings.${w}`)}
          </p>
        ))}
      {jobs.length > 0 && (
        <ul className="a4-jobs">
          {jobs.map((j) => (
            <li key={j.jobId} data-testid={`a4-job-${j.document}`} data-status={j.status}>
              {t(`a4.documents.${j.document}`)}：{t(`a4.status.${j.status}`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * 预约凭条 on A4, on the appointment confirmation: offered only when the kiosk
 * has an A4 printer (the receipt printer has already printed the slip).
 */
export function A4SlipPrint({ appointmentNumber }: { appointmentNumber: string }) {
  const { t } = useTranslation();
  const { client, session } = useKiosk();
  const [printer, setPrinter] = useState<A4PrinterView | null>(null);
  const [jobs, setJobs] = useState<A4Job[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    let live = true;
    void client.api['a4.jobs']({}).then((r) => live && r.ok && setPrinter(r.value.printer));
    return () => {
      live = false;
    };
  }, [client]);
  useEffect(() => client.on('a4.printer', (p) => setPrinter(p)), [client]);
  useJobUpdates(session?.id ?? null, setJobs);
  if (!printer?.fitted) return null;
  const print = async () => {
    setSending(true);
    setError(null);
    const r = await client.api['a4.printAppointmentSlip']({ appointmentNumber });
    setSending(false);
    if (!r.ok) return setError(r.message);
    setPrinter(r.value.printer);
    setJobs((list) => [...list, ...r.value.jobs]);
  };
  return (
    <section className="a4-print" data-testid="a4-slip" aria-labelledby="a4-slip-heading">
      <h2 id="a4-slip-heading">{t('a4.heading')}</h2>
      {jobs.length === 0 && (
        <button type="button" className="huge" disabled={sending} onClick={() => void print()} data-testid="a4-slip-print">
          {t('a4.slipButton')}
        </button>
      )}
      <A4Status jobs={jobs} printer={printer} error={error} />
    </section>
  );
}
