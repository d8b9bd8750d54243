import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { ReceiptOutcome, Submitted } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { A4Print } from './A4Print';
import { StepHeader } from './StepHeader';

/**
 * Confirmation: 已提交 with the number large, delivered or safely queued,
 * what happens next; then the receipt prints — or, when the printer cannot,
 * the same receipt on screen with a QR code to photograph.
 */
export function DoneStep({ submitted, deadline, onEvaluate, onFinish }: { submitted: Submitted; deadline: string; onEvaluate: () => void; onFinish: () => void }) {
  const { t } = useTranslation();
  const { client, session, locale } = useKiosk();
  const [receipt, setReceipt] = useState<'printing' | ReceiptOutcome | { error: string }>('printing');
  const [qr, setQr] = useState<string | null>(null);

  const print = async () => {
    setReceipt('printing');
    const r = await client.api['journey.printReceipt']({ applicationNumber: submitted.applicationNumber });
    setReceipt(r.ok ? r.value : { error: r.message });
    if (r.ok && !r.value.printed) setQr(await QRCode.toDataURL(r.value.qrText, { margin: 2, width: 320 }));
  };
  useEffect(() => {
    // One automatic print per submission; reprint is the resident's choice.
    void print();
  }, [submitted.applicationNumber]);
  // A held receipt prints by itself once paper is back: the notice and the on-screen copy go.
  const sessionId = session?.id ?? null;
  useEffect(
    () =>
      client.on('receipts.job', (job) => {
        if (job.status !== 'printed' || job.sessionId !== sessionId) return;
        setReceipt((r) => (r !== 'printing' && 'printed' in r && !r.printed ? { ...r, printed: true, problem: null } : r));
        setQr(null);
      }),
    [client, sessionId],
  );
  // One sentence: the host's resident message already says why and what to do (zh); English gets its own.
  const notPrinted = (message: string | undefined) => (locale === 'zh-CN' && message ? message : t('journey.done.notPrinted'));

  return (
    <section className="journey done" aria-labelledby="step-heading">
      <StepHeader title={t('journey.done.heading')} prompt={`${t('journey.done.heading')}。${submitted.delivered ? t('journey.done.delivered') : t('journey.done.queued')}`} />
      <div className="receipt-number">
        <span>{t('journey.done.number')}</span>
        <strong data-testid="application-number">{submitted.applicationNumber}</strong>
      </div>
      <p className={submitted.delivered ? 'ok-note' : 'warning'} data-testid="delivery-state" data-delivered={submitted.delivered}>
        {submitted.delivered ? t('journey.done.delivered') : t('journey.done.queued')}
      </p>
      {submitted.commitments.length > 0 && <p className="warning">{t('journey.done.commitments', { list: submitted.commitments.join('、') })}</p>}
      <p>{t('journey.done.next', { deadline })}</p>
      <div role="status" className="print-state" data-testid="print-state" data-state={receipt === 'printing' ? 'printing' : 'error' in receipt ? 'error' : receipt.printed ? 'printed' : 'held'}>
        {receipt === 'printing' && t('journey.done.printing')}
        {receipt !== 'printing' && 'printed' in receipt && receipt.printed && t('journey.done.printed')}
        {receipt !== 'printing' && 'printed' in receipt && !receipt.printed && notPrinted(receipt.problem?.message)}
        {receipt !== 'printing' && 'error' in receipt && notPrinted(receipt.error)}
      </div>
      {receipt !== 'printing' && 'printed' in receipt && !receipt.printed && (
        <figure className="journey-receipt" data-testid="on-screen-receipt">
          <figcaption>{t('journey.done.receipt')}</figcaption>
          {qr && <img src={qr} alt={`${t('journey.done.receipt')} QR · ${submitted.applicationNumber}`} className="receipt-qr" />}
          <dl>
            {receipt.lines.map((l) => (
              <div key={l.label} className="review-row">
                <dt>{l.label}</dt>
                <dd>{l.value}</dd>
              </div>
            ))}
          </dl>
        </figure>
      )}
      <A4Print applicationNumber={submitted.applicationNumber} />
      <div className="step-actions">
        {receipt !== 'printing' && (
          <button type="button" onClick={() => void print()}>
            {t('journey.done.reprint')}
          </button>
        )}
        <button type="button" className="primary huge" onClick={onEvaluate} data-testid="to-evaluation">
          {t('journey.done.evaluate')}
        </button>
        <button type="button" onClick={onFinish} data-testid="finish">
          {t('journey.done.finish')}
        </button>
      </div>
    </section>
  );
}
