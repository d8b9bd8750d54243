import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptData, Scanned } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { ReceiptOnScreen } from '../receipt/ReceiptOnScreen';
import { CameraScanner } from './CameraScanner';
import type { CodeRead } from './confirm';
import { isReceiptCode } from './receipt-code';
import { useHostScans } from './useHostScans';
import { useWedgeScanner } from './useWedgeScanner';

const SAMPLE: ReceiptData = {
  kind: 'application',
  kioskId: 'SX-DEV-0001',
  servicePoint: '太原市小店区坞城街道便民服务中心（演示）',
  oneThingName: '新生儿出生"一件事"',
  subItems: [
    { name: '出生医学证明办理', department: '县卫生健康局' },
    { name: '户口登记', department: '县公安局' },
  ],
  applicantName: '张*三',
  applicantIdNumber: '140…1234',
  localNumber: 'SX-DEV-0001-000001',
  submittedAt: '2026-11-26T07:30:00Z',
  deadline: '2026-12-03',
  commitments: [],
  progressUrl: 'https://kiosk.example.gov.cn/progress?n=SX-DEV-0001-000001',
  hotline: '12345',
};

/**
 * Shows every scanning path working: camera (quagga2 + zxing-wasm), the
 * device scanners through the host, and keyboard-wedge capture. A camera or
 * wedge read is reported to the host, which publishes it back like any scan.
 */
export function ScanTestScreen() {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const [last, setLast] = useState<Scanned | null>(null);
  const [showReceipt, setShowReceipt] = useState(false);
  useHostScans(setLast);
  const report = useCallback(
    (read: CodeRead, source: 'camera' | 'keyboard') => void client.api['scanner.report']({ symbology: read.symbology, text: read.text, source }),
    [client],
  );
  useWedgeScanner((text) => report({ symbology: 'unknown', text }, 'keyboard'));

  return (
    <section aria-labelledby="scan-test-heading">
      <h1 id="scan-test-heading">{t('scan.test.heading')}</h1>
      <p>{t('scan.test.lead')}</p>
      <CameraScanner onCode={(r) => report(r, 'camera')} accept={isReceiptCode} />
      <p className="scan-result" data-testid="scan-result" aria-live="polite" data-source={last?.source ?? ''}>
        {last ? `${t('scan.test.last')}：${last.text}（${t(`scan.test.source.${last.source}`)}）` : t('scan.test.none')}
      </p>
      <button type="button" onClick={() => setShowReceipt((v) => !v)} data-testid="show-receipt">
        {t('scan.test.showReceipt')}
      </button>
      {showReceipt ? <ReceiptOnScreen receipt={SAMPLE} /> : null}
    </section>
  );
}
