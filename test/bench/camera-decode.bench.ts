import Quagga from '@ericblade/quagga2';
import jsQR from 'jsqr';
import { cameraFrame, framePng, printReceiptPaper, FRAME_H, FRAME_W, type FrameOptions } from '../support/camera-frames';
import { sampleReceipt } from '../support/receipts';
import { decodeFrame } from '../../renderer/src/scan/frame-decoder';
import { nodeGreyReader, zxingDecodeGrey, zxingReady } from '../support/zxing-node';
import { figure, percentile, type Emit } from './format';

/**
 * Camera decoding of receipt frames made here (virtual printer paper, then
 * scaled, rotated, blurred, noised, shaded): success rate and time per frame.
 * CODE128: quagga2 (what the LiveStream uses) against zxing-wasm on the same
 * frames. QR: zxing-wasm against jsQR. The kiosk's frame decoder
 * (`renderer/src/scan/frame-decoder.ts`: one zxing pass, then a CODE128 pass
 * smoothed along the bars) against quagga2. Node timings; quagga2 in Node
 * decodes from a PNG (its only input there), which is included in its time.
 */
const FRAMES_PER_SYMBOL = 100;

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)]!;
}

function variations(symbol: 'code128' | 'qr'): FrameOptions[] {
  let s = symbol === 'qr' ? 99 : 7;
  const r = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return Array.from({ length: FRAMES_PER_SYMBOL }, (_, i) => ({
    symbol,
    // The whole code in view (cameraFrame refuses frames that cut it off): the QR (~200 dots) tilted 30° up to 1.6×, the 18-character barcode (~470 dots) up to 1.25×.
    scale: symbol === 'qr' ? pick([1.2, 1.3, 1.45, 1.6], r) : pick([1.1, 1.15, 1.25], r),
    rotateDeg: symbol === 'qr' ? pick([-30, -15, -5, 0, 5, 15, 30], r) : pick([-10, -5, -2, 0, 2, 5, 10], r),
    blurSigma: pick([0, 0.6, 0.9, 1.2], r),
    noise: pick([3, 8, 14], r),
    shade: pick([0, 0.2, 0.4], r),
    seed: i + 1,
  }));
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t0 };
}

function toRgba(grey: Uint8Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(grey.length * 4);
  for (let i = 0; i < grey.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i]!;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

interface Tally {
  ok: number;
  times: number[];
}
const tally = (): Tally => ({ ok: 0, times: [] });
const pct = (t: Tally) => (100 * t.ok) / t.times.length;
const median = (t: Tally) => percentile([...t.times].sort((a, b) => a - b), 50);

export default async function (emit: Emit): Promise<void> {
  const paper = await printReceiptPaper(sampleReceipt);
  await zxingReady();
  const code128Frames = await Promise.all(variations('code128').map((o) => cameraFrame(paper, o)));
  const qrFrames = await Promise.all(variations('qr').map((o) => cameraFrame(paper, o)));
  const code128Pngs = await Promise.all(code128Frames.map(framePng));

  // Warm both decoders (wasm compile, quagga set-up) outside the measurement.
  await zxingDecodeGrey(code128Frames[0]!, FRAME_W, FRAME_H, { formats: ['Code128'] });
  await Quagga.decodeSingle({ src: `data:image/png;base64,${code128Pngs[0]!.toString('base64')}`, numOfWorkers: 0, locate: true, inputStream: { size: FRAME_W }, decoder: { readers: ['code_128_reader'] } });

  const quagga = tally();
  const zxing128 = tally();
  for (let i = 0; i < code128Frames.length; i++) {
    const q = await timed(() =>
      Quagga.decodeSingle({ src: `data:image/png;base64,${code128Pngs[i]!.toString('base64')}`, numOfWorkers: 0, locate: true, inputStream: { size: FRAME_W }, decoder: { readers: ['code_128_reader'] } }),
    );
    quagga.times.push(q.ms);
    if (q.value?.codeResult?.code === sampleReceipt.localNumber) quagga.ok++;
    const z = await timed(() => zxingDecodeGrey(code128Frames[i]!, FRAME_W, FRAME_H, { formats: ['Code128'], tryHarder: true, maxNumberOfSymbols: 1 }));
    zxing128.times.push(z.ms);
    if (z.value.some((r) => r.text === sampleReceipt.localNumber)) zxing128.ok++;
  }

  const zxingQr = tally();
  const jsqr = tally();
  for (const frame of qrFrames) {
    const z = await timed(() => zxingDecodeGrey(frame, FRAME_W, FRAME_H, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 }));
    zxingQr.times.push(z.ms);
    if (z.value.some((r) => r.text === sampleReceipt.progressUrl)) zxingQr.ok++;
    const rgba = toRgba(frame);
    const j = await timed(async () => jsQR(rgba, FRAME_W, FRAME_H));
    jsqr.times.push(j.ms);
    if (j.value?.data === sampleReceipt.progressUrl) jsqr.ok++;
  }

  const kiosk128 = tally();
  const kioskQr = tally();
  for (const [frames, expected, t] of [
    [code128Frames, sampleReceipt.localNumber, kiosk128],
    [qrFrames, sampleReceipt.progressUrl, kioskQr],
  ] as const) {
    for (const frame of frames) {
      const k = await timed(() => decodeFrame(frame, FRAME_W, FRAME_H, nodeGreyReader));
      t.times.push(k.ms);
      if (k.value.some((r) => r.text === expected)) t.ok++;
    }
  }

  emit(figure('kiosk frame decoder code128 success (vs quagga2)', pct(kiosk128), '%', pct(quagga)));
  emit(figure('kiosk frame decoder code128 ms/frame (vs quagga2)', median(kiosk128), 'ms', median(quagga)));
  emit(figure('kiosk frame decoder code128 ms/frame p95 (vs quagga2 p95)', percentile([...kiosk128.times].sort((a, b) => a - b), 95), 'ms', percentile([...quagga.times].sort((a, b) => a - b), 95)));
  emit(figure('kiosk frame decoder qr success (vs jsQR)', pct(kioskQr), '%', pct(jsqr)));
  emit(figure('kiosk frame decoder qr ms/frame (vs jsQR)', median(kioskQr), 'ms', median(jsqr)));
  emit(figure('code128 success quagga2 (vs zxing-wasm)', pct(quagga), '%', pct(zxing128)));
  emit(figure('code128 ms/frame quagga2 (vs zxing-wasm)', median(quagga), 'ms', median(zxing128)));
  emit(figure('code128 success zxing-wasm (vs quagga2)', pct(zxing128), '%', pct(quagga)));
  emit(figure('code128 ms/frame zxing-wasm p95 (vs median)', percentile([...zxing128.times].sort((a, b) => a - b), 95), 'ms', median(zxing128)));
  emit(figure('qr success zxing-wasm (vs jsQR)', pct(zxingQr), '%', pct(jsqr)));
  emit(figure('qr ms/frame zxing-wasm (vs jsQR)', median(zxingQr), 'ms', median(jsqr)));
}
