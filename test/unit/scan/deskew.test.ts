import { describe, expect, it } from 'vitest';
import { estimateBarAngle, rotateGrey } from '../../../renderer/src/scan/deskew';
import { decodeFrame } from '../../../renderer/src/scan/frame-decoder';
import { cameraFrame, printReceiptPaper, FRAME_H, FRAME_W } from '../../support/camera-frames';
import { sampleReceipt } from '../../support/receipts';
import { nodeGreyReader } from '../../support/zxing-node';

function noiseFrame(seed: number): Uint8Array {
  let s = seed;
  return Uint8Array.from({ length: FRAME_W * FRAME_H }, () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s & 0xff;
  });
}

describe('deskewing a tilted receipt barcode', () => {
  it('measures the tilt of the bars within a degree, either way, in noise', async () => {
    const paper = await printReceiptPaper(sampleReceipt);
    for (const rotateDeg of [-12, -6, 0, 4, 10, 20]) {
      const frame = await cameraFrame(paper, { symbol: 'code128', scale: 1.1, rotateDeg, blurSigma: 1.2, noise: 14, shade: 0.4, seed: 3 });
      const tilt = estimateBarAngle(frame, FRAME_W, FRAME_H);
      expect(Math.abs(tilt.degrees - rotateDeg), `at ${rotateDeg}°`).toBeLessThan(1);
      expect(tilt.dominance).toBeGreaterThan(0.3);
    }
  });

  it('finds no dominant direction in a frame without bars', () => {
    // The decoder turns a frame only from 0.15 up.
    expect(estimateBarAngle(noiseFrame(7), FRAME_W, FRAME_H).dominance).toBeLessThan(0.05);
    expect(estimateBarAngle(new Uint8Array(FRAME_W * FRAME_H).fill(128), FRAME_W, FRAME_H)).toEqual({ degrees: 0, dominance: 0 });
  });

  it('turns clockwise for a positive angle and fills uncovered corners with the mean', () => {
    // 5×5, one bright pixel right of centre; a quarter turn clockwise puts it below the centre.
    const grey = new Uint8Array(25).fill(10);
    grey[2 * 5 + 3] = 250;
    const turned = rotateGrey(grey, 5, 5, 90);
    expect(turned[3 * 5 + 2]).toBe(250);
    expect(turned[2 * 5 + 3]).toBe(10);
    const corner = rotateGrey(new Uint8Array(25).fill(90), 5, 5, 45);
    expect(corner[0]).toBe(90);
  });

  it('rescues a barcode tilted past what a scanline crosses', async () => {
    const paper = await printReceiptPaper(sampleReceipt);
    for (const rotateDeg of [-10, 10]) {
      const frame = await cameraFrame(paper, { symbol: 'code128', scale: 1.15, rotateDeg, blurSigma: 0.9, noise: 8, shade: 0.2, seed: 11 });
      // zxing alone cannot: one line no longer crosses every bar.
      expect(await nodeGreyReader(frame, FRAME_W, FRAME_H, ['Code128'])).toEqual([]);
      expect(await decodeFrame(frame, FRAME_W, FRAME_H, nodeGreyReader)).toContainEqual({ symbology: 'code128', text: sampleReceipt.localNumber });
    }
  });
});
