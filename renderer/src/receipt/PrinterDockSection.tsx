import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedPaper, PrinterCondition } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';

/** Dev dock: set the virtual printer's paper and cover, print a test receipt, see the last paper. */
export function PrinterDockSection() {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const [condition, setCondition] = useState<PrinterCondition | null>(null);
  const [paper, setPaper] = useState<PrintedPaper | null>(null);
  const [note, setNote] = useState('');

  const refreshPaper = useCallback(async () => {
    const r = await client.api['receipts.last']({});
    if (r.ok) setPaper(r.value);
  }, [client]);

  useEffect(() => {
    void client.api['receipts.condition']({}).then((r) => r.ok && setCondition(r.value));
    void refreshPaper();
    const offs = [client.on('receipts.printer', setCondition), client.on('receipts.job', () => void refreshPaper())];
    return () => offs.forEach((off) => off());
  }, [client, refreshPaper]);

  const set = async (patch: { paper?: 'ok' | 'near-end' | 'end'; coverOpen?: boolean }) => {
    // The new condition arrives as a `receipts.printer` event once the driver has read it from the printer.
    const r = await client.api['receipts.simSet'](patch);
    setNote(r.ok ? '' : r.message);
  };
  const printTest = async () => {
    const r = await client.api['receipts.printTest']({});
    setNote(r.ok ? t(`receipt.dock.outcome.${r.value.status}`) : r.message);
    await refreshPaper();
  };

  return (
    <div className="devdock-printer">
      <p data-testid="dock-printer-condition" data-paper={condition?.paper ?? ''} data-cover={condition?.coverOpen ? 'open' : 'closed'}>
        {condition ? t('receipt.dock.condition', { paper: t(`receipt.dock.paper.${condition.paper}`), cover: condition.coverOpen ? t('receipt.dock.coverOpen') : t('receipt.dock.coverClosed') }) : '…'}
      </p>
      <ul className="devdock-buttons">
        <li>
          <button type="button" aria-pressed={condition?.paper === 'ok'} onClick={() => void set({ paper: 'ok' })} data-testid="dock-paper-ok">
            {t('receipt.dock.paper.ok')}
          </button>
        </li>
        <li>
          <button type="button" aria-pressed={condition?.paper === 'near-end'} onClick={() => void set({ paper: 'near-end' })} data-testid="dock-paper-near-end">
            {t('receipt.dock.paper.near-end')}
          </button>
        </li>
        <li>
          <button type="button" aria-pressed={condition?.paper === 'end'} onClick={() => void set({ paper: 'end' })} data-testid="dock-paper-end">
            {t('receipt.dock.paper.end')}
          </button>
        </li>
        <li>
          <button type="button" aria-pressed={condition?.coverOpen === true} onClick={() => void set({ coverOpen: !condition?.coverOpen })} data-testid="dock-cover">
            {t('receipt.dock.coverOpen')}
          </button>
        </li>
        <li>
          <button type="button" onClick={() => void printTest()} data-testid="dock-print-test">
            {t('receipt.dock.printTest')}
          </button>
        </li>
      </ul>
      <p className="devdock-note" role="status">
        {note}
      </p>
      {paper ? <img className="dev-paper" src={paper.png} alt={t('receipt.dock.lastPaper', { lines: paper.lines.slice(0, 2).join(' ') })} data-testid="dock-last-paper" data-complete={String(paper.complete)} /> : null}
    </div>
  );
}
