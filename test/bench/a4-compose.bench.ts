import { composeA4 } from '../../drivers/printer/a4/compose';
import { composeReceipt } from '../../drivers/printer/receipt/compose';
import { sampleReceipt } from '../support/receipts';
import { figure, percentile, type Emit } from './format';

/**
 * A two-page 申请表 PDF (CJK subset embedded) against composing the ESC/POS
 * receipt of the same application. Target: ≤ 300 ms per 申请表.
 */
const receipt = { ...sampleReceipt, subject: { label: '孩子姓名', name: '王*䶮' } };
const fields = Array.from({ length: 24 }, (_, i) => ({ label: `填报项${i + 1}`, value: `新生儿出生医学证明、户口登记、医保参保登记所需信息第${i + 1}项（示例：王𫖮䶮，太原市小店区坞城街道）` }));

export default async function (emit: Emit): Promise<void> {
  const first = await composeA4({ document: 'application-form', receipt, fields });
  if (!first.ok) throw new Error(first.reason);
  const a4: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const r = await composeA4({ document: 'application-form', receipt, fields });
    if (!r.ok) throw new Error(r.reason);
    a4.push(performance.now() - t0);
  }
  const esc: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    const r = composeReceipt(receipt, { paperWidthMm: 80 });
    if (!r.ok) throw new Error(r.reason);
    esc.push(performance.now() - t0);
  }
  const sorted = [...a4].sort((a, b) => a - b);
  const receiptMedian = percentile([...esc].sort((a, b) => a - b), 50);
  emit(figure(`申请表 ${first.pages}-page PDF p50 ms (vs the receipt of the same application)`, percentile(sorted, 50), 'ms', receiptMedian));
  emit(figure('申请表 PDF p95 ms (vs the receipt)', percentile(sorted, 95), 'ms', receiptMedian));
  emit(figure('申请表 PDF bytes (font subset embedded)', first.pdf.length, 'bytes', null));
}
