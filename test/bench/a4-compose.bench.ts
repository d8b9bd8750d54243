import { composeA4 } from '../../drivers/printer/a4/compose';
import { composeReceipt } from '../../drivers/printer/receipt/compose';
import { sampleReceipt } from '../support/receipts';
import { figure, percentile, type Emit } from './format';

/**
 * A two-page 申请表 PDF (CJK subset embedded) against composing the ESC/POS
 * receipt of the same application, both measured in this run. Target:
 * ≤ 300 ms per 申请表 (p50 and p95). The first document of the process
 * (fonts read and parsed) is reported on its own and not in the percentiles.
 */
const receipt = { ...sampleReceipt, subject: { label: '孩子姓名', name: '王*䶮' } };
const fields = Array.from({ length: 24 }, (_, i) => ({ label: `填报项${i + 1}`, value: `新生儿出生医学证明、户口登记、医保参保登记所需信息第${i + 1}项（示例：王𫖮䶮，太原市小店区坞城街道）` }));
const RUNS = 40;
const EXPECTED_PAGES = 2;

async function compose(): Promise<{ ms: number; pages: number; bytes: number }> {
  const t0 = performance.now();
  const r = await composeA4({ document: 'application-form', receipt, fields });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.reason);
  // The figures are for a two-page 申请表: any other page count measures another document.
  if (r.pages !== EXPECTED_PAGES) throw new Error(`a4-compose: the 申请表 has ${r.pages} page(s), the benchmark is for ${EXPECTED_PAGES}`);
  return { ms, pages: r.pages, bytes: r.pdf.length };
}

export default async function (emit: Emit): Promise<void> {
  const first = await compose();
  const a4: number[] = [];
  for (let i = 0; i < RUNS; i++) a4.push((await compose()).ms);
  const esc: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    const r = composeReceipt(receipt, { paperWidthMm: 80 });
    if (!r.ok) throw new Error(r.reason);
    esc.push(performance.now() - t0);
  }
  const sorted = [...a4].sort((a, b) => a - b);
  const escSorted = [...esc].sort((a, b) => a - b);
  emit(figure('申请表 pages', first.pages, 'pages', null));
  emit(figure(`申请表 PDF p50 ms (vs the receipt's p50, ${RUNS} documents)`, percentile(sorted, 50), 'ms', percentile(escSorted, 50)));
  emit(figure(`申请表 PDF p95 ms (vs the receipt's p95, ${RUNS} documents)`, percentile(sorted, 95), 'ms', percentile(escSorted, 95)));
  emit(figure('first 申请表 of the process ms, fonts read and parsed (vs the p50)', first.ms, 'ms', percentile(sorted, 50)));
  emit(figure('申请表 PDF bytes (font subset embedded)', first.bytes, 'bytes', null));
}
