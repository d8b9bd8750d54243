import iconv from 'iconv-lite';
import { composeReceipt } from '../../drivers/printer/receipt/compose';
import { EscPosInterpreter, type PaperElement } from '../../drivers/printer/sim/interpreter';
import { renderPaperPng } from '../../drivers/printer/sim/render-png';
import { sampleReceipt } from '../support/receipts';
import { figure, percentile, type Emit } from './format';

/**
 * Compose + encode one receipt (validation, layout, GB18030, QR, CODE128,
 * raster mark) against the floor of the same work: GB18030-encoding the
 * receipt's text alone. Also the virtual printer: interpret + render the
 * PNG, against compose + encode.
 */
function sample(times: number[], work: () => void, n: number): void {
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
}

const median = (t: number[]) => percentile([...t].sort((a, b) => a - b), 50);

export default async function (emit: Emit): Promise<void> {
  const first = composeReceipt(sampleReceipt, { paperWidthMm: 80 });
  if (!first.ok) throw new Error(first.reason);
  const text = [sampleReceipt.servicePoint, sampleReceipt.oneThingName, ...sampleReceipt.subItems.flatMap((s) => [s.name, s.department]), sampleReceipt.applicantName, sampleReceipt.localNumber, sampleReceipt.deadline].join('\n');

  const compose: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < 5; round++) {
    sample(compose, () => {
      const r = composeReceipt(sampleReceipt, { paperWidthMm: 80 });
      if (!r.ok) throw new Error(r.reason);
    }, 200);
    sample(floor, () => void iconv.encode(text, 'gb18030'), 200);
  }

  const render: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const elements: PaperElement[] = [];
    new EscPosInterpreter({ statusQuery() {}, autoStatusBack() {}, unknown() {}, element: (e) => elements.push(e) }).push(first.bytes);
    await renderPaperPng(elements, 576);
    render.push(performance.now() - t0);
  }

  emit(figure('compose+encode ms/receipt (vs GB18030 of its text)', median(compose), 'ms', median(floor)));
  emit(figure('compose+encode p95 ms (vs median)', percentile([...compose].sort((a, b) => a - b), 95), 'ms', median(compose)));
  emit(figure('job size bytes (vs text bytes)', first.bytes.length, 'bytes', iconv.encode(text, 'gb18030').length));
  emit(figure('virtual printer interpret+PNG ms (vs compose+encode)', median(render), 'ms', median(compose)));
}
