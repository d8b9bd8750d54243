import { useTranslation } from 'react-i18next';
import { beijingTime, type ReceiptData } from '../../../contract';
import { departmentNameEn, subItemNameEn } from '../../../contract/catalog';
import { useKiosk } from '../app/kiosk-context';
import { QrSvg } from './QrSvg';
import '../scan/scan.css';

export interface ReceiptOnScreenProps {
  readonly receipt: ReceiptData;
  /** Why there is no paper copy (from the print outcome), shown above the receipt. */
  readonly notice?: string;
}

const shanghaiTime = beijingTime;

/**
 * The receipt when the printer cannot print it: the same facts and the same
 * QR (progress URL), large enough to photograph with a phone.
 */
export function ReceiptOnScreen({ receipt, notice }: ReceiptOnScreenProps) {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  return (
    <section aria-labelledby="receipt-heading" data-testid="receipt-on-screen">
      <h2 id="receipt-heading">{t('receipt.heading')}</h2>
      {notice ? (
        <p className="receipt-notice" role="alert">
          {notice}
        </p>
      ) : null}
      <div className="on-screen-receipt">
        <dl>
          <dt>{t('receipt.oneThing')}</dt>
          <dd>{receipt.oneThingName}</dd>
          {receipt.subItems.map((s, i) => (
            <div key={s.name} style={{ display: 'contents' }}>
              <dt>{t('receipt.item', { n: i + 1 })}</dt>
              <dd>
                {locale === 'en' ? `${subItemNameEn(s.name)} (${departmentNameEn(s.department)})` : `${s.name}（${s.department}）`}
              </dd>
            </div>
          ))}
          <dt>{t('receipt.applicant')}</dt>
          <dd>{receipt.applicantName}</dd>
          <dt>{t('receipt.idNumber')}</dt>
          <dd>{receipt.applicantIdNumber}</dd>
          <dt>{t('receipt.number')}</dt>
          <dd data-testid="receipt-number">{receipt.localNumber}</dd>
          <dt>{t('receipt.submittedAt')}</dt>
          <dd>{shanghaiTime(receipt.submittedAt)}</dd>
          <dt>{t('receipt.deadline')}</dt>
          <dd>{receipt.deadline}</dd>
          {receipt.commitments.length > 0 && (
            <>
              <dt>{t('receipt.commitments')}</dt>
              <dd>{receipt.commitments.join('、')}</dd>
            </>
          )}
          <dt>{t('receipt.hotline')}</dt>
          <dd>{receipt.hotline}</dd>
        </dl>
        <figure style={{ margin: 0 }}>
          <QrSvg className="qr" text={receipt.progressUrl} label={t('receipt.qrLabel', { number: receipt.localNumber })} />
          <figcaption className="qr-caption">{t('receipt.qrCaption')}</figcaption>
        </figure>
      </div>
    </section>
  );
}
