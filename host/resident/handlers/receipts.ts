import iconv from 'iconv-lite';
import { err, ok, type PrintedPaper } from '../../../contract';
import type { VirtualPrinter } from '../../../drivers/printer/sim/virtual-printer';
import type { ReceiptService } from '../receipts';
import type { SessionService } from '../session';
import type { HandlerTable } from '../../api/dispatch';

type ReceiptMethods = 'receipts.notPrinted' | 'receipts.condition' | 'receipts.held' | 'receipts.retry' | 'receipts.printTest' | 'receipts.last' | 'receipts.simSet';

async function lastPaper(virtual: VirtualPrinter): Promise<PrintedPaper | null> {
  const doc = virtual.lastDocument();
  if (!doc) return null;
  const png = await virtual.renderPng(doc);
  const lines = doc.elements.flatMap((e) => (e.kind === 'text' ? [e.runs.map((r) => r.text).join('')] : e.kind === 'code128' ? [iconv.decode(Buffer.from(e.data), 'latin1').replace(/^\{[ABC]/, '')] : []));
  return { seq: doc.seq, complete: doc.complete, at: doc.at, png: `data:image/png;base64,${png.toString('base64')}`, lines };
}

export function receiptsHandlers(receipts: ReceiptService, session: SessionService, virtual: VirtualPrinter | null): Pick<HandlerTable, ReceiptMethods> {
  return {
    'receipts.notPrinted': ({ limit }) => ok({ jobs: receipts.notPrinted(limit) }),
    'receipts.condition': () => ok(receipts.condition()),
    'receipts.held': () => ok(receipts.held(session.currentId)),
    'receipts.retry': ({ jobId }) => receipts.retry(session.currentId, jobId),
    'receipts.printTest': () => receipts.printTest(),
    'receipts.last': async () => (virtual ? ok(await lastPaper(virtual)) : ok(null)),
    'receipts.simSet': (patch) => {
      if (!virtual) return err('not-found', '没有模拟打印机', { detail: 'receipts.simSet: printer is not the simulator' });
      virtual.set({
        ...(patch.paper ? { paper: patch.paper, linesLeft: null } : {}),
        ...(patch.coverOpen !== undefined ? { coverOpen: patch.coverOpen } : {}),
        ...(patch.offline !== undefined ? { offline: patch.offline } : {}),
      });
      return ok(receipts.condition());
    },
  };
}
