import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../renderer/src/scan/frame-decoder';
import { smoothAlongBars } from '../../../renderer/src/scan/smooth';
import { cameraFrame, printReceiptPaper, FRAME_H, FRAME_W } from '../../support/camera-frames';
import { sampleReceipt } from '../../support/receipts';
import { nodeGreyReader } from '../../support/zxing-node';

describe('camera frame decoder (zxing-wasm, real wasm from the package)', () => {
  it('smoothing along the bars averages rows and leaves columns apart', () => {
    // 2 columns × 3 rows: column 0 = 0, 90, 0; column 1 = 255 everywhere.
    const out = smoothAlongBars(Uint8Array.of(0, 255, 90, 255, 0, 255), 2, 3, 1);
    expect([...out]).toEqual([45, 255, 30, 255, 45, 255]);
  });

  it('reads the receipt CODE128 and QR from noisy, rotated, blurred frames, including ones the raw pass misses', async () => {
    const paper = await printReceiptPaper(sampleReceipt);
    let rescued = 0;
    for (const blurSigma of [0.9, 1.2]) {
      for (const noise of [8, 14]) {
        // The whole barcode must be in the 640-px frame: an 18-character number prints about 470 dots wide.
        const frame = await cameraFrame(paper, { symbol: 'code128', scale: 1.15, rotateDeg: 5, blurSigma, noise, shade: 0.2, seed: 5 });
        const raw = await nodeGreyReader(frame, FRAME_W, FRAME_H, ['Code128']);
        if (!raw.some((r) => r.text === sampleReceipt.localNumber)) rescued++;
        const reads = await decodeFrame(frame, FRAME_W, FRAME_H, nodeGreyReader);
        expect(reads).toContainEqual({ symbology: 'code128', text: sampleReceipt.localNumber });
      }
    }
    expect(rescued).toBeGreaterThan(0);
    const qr = await cameraFrame(paper, { symbol: 'qr', scale: 1.4, rotateDeg: -20, blurSigma: 0.9, noise: 10, shade: 0.3, seed: 9 });
    expect(await decodeFrame(qr, FRAME_W, FRAME_H, nodeGreyReader)).toContainEqual({ symbology: 'qr', text: sampleReceipt.progressUrl });
  });
});
