import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printReceiptPaper } from '../../support/camera-frames';
import { REPO_ROOT } from '../../support/processes';
import { sampleReceipt } from '../../support/receipts';

const ARTIFACTS = path.join(REPO_ROOT, 'artifacts', 'receipts');

function zbar(png: Buffer, name: string): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  writeFileSync(file, png);
  return execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim().split('\n').sort();
}

describe('printed paper reads back with zbar on both paper widths', () => {
  for (const width of [58, 80] as const) {
    it(`${width} mm: QR = progress URL, CODE128 = local number`, async () => {
      const paper = await printReceiptPaper(sampleReceipt, width);
      expect(zbar(paper.png, `receipt-${width}mm`)).toEqual([sampleReceipt.localNumber, sampleReceipt.progressUrl].sort());
      for (const box of paper.boxes) expect(box.x + box.width).toBeLessThanOrEqual((width === 80 ? 576 : 384) + 24);
    });
  }

  it('58 mm with the longest local number (24 characters) still fits and reads', async () => {
    const localNumber = 'SX-140105-20261126-00001';
    const receipt = { ...sampleReceipt, localNumber, progressUrl: `https://kiosk.example.gov.cn/progress?n=${localNumber}` };
    const paper = await printReceiptPaper(receipt, 58);
    expect(zbar(paper.png, 'receipt-58mm-long-number')).toEqual([localNumber, receipt.progressUrl].sort());
  });
});
