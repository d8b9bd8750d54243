import Quagga from '@ericblade/quagga2';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { handHeldConditions, ISSUE_CONDITIONS, photographReceipt, receiptSheet, type CaptureMode, type Photo } from '../support/receipt-photos';
import { sampleReceipt } from '../support/receipts';
import { decodeFrame } from '../../renderer/src/scan/frame-decoder';
import { nodeGreyReader, zxingDecodeGrey, zxingReady } from '../support/zxing-node';
import { figure, percentile, type Emit } from './format';

/**
 * Camera decoding of photographed receipts (test/support/receipt-photos.ts:
 * bwip-js QR and CODE128 laid out as the kiosk prints them, held in front of
 * the lens at 2–6° of tilt with keystone, uneven light, 0.7–1.1 px blur,
 * sensor noise, JPEG), 100 photos from fixed seeds, each taken by a
 * 1280×720 camera and again in the 640×480 mode the kiosk used to ask for
 * (crop-and-scale). Success rate and time per frame: the kiosk's frame
 * decoder (`renderer/src/scan/frame-decoder.ts`) against quagga2 (what the
 * LiveStream uses) for CODE128 and jsQR for the QR, and zxing-wasm's single
 * pass. Node timings; quagga2 in Node decodes from a PNG (its only input
 * there), which is included in its time.
 */
const PHOTOS = 100;

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
const p95 = (t: Tally) => percentile([...t.times].sort((a, b) => a - b), 95);

async function quaggaRead(photo: Photo): Promise<string | undefined> {
  const png = await sharp(Buffer.from(photo.grey), { raw: { width: photo.width, height: photo.height, channels: 1 } }).png().toBuffer();
  const result = await Quagga.decodeSingle({ src: `data:image/png;base64,${png.toString('base64')}`, numOfWorkers: 0, locate: true, inputStream: { size: photo.width }, decoder: { readers: ['code_128_reader'] } });
  return result?.codeResult?.code ?? undefined;
}

interface ModeFigures {
  kiosk128: Tally;
  kioskQr: Tally;
  zxing128: Tally;
  quagga: Tally;
  jsqr: Tally;
}

async function measure(mode: CaptureMode): Promise<ModeFigures> {
  const sheet = await receiptSheet(sampleReceipt);
  const f: ModeFigures = { kiosk128: tally(), kioskQr: tally(), zxing128: tally(), quagga: tally(), jsqr: tally() };
  // Warm the decoders (wasm compile, quagga set-up) outside the measurement.
  const warm = await photographReceipt(sheet, ISSUE_CONDITIONS, mode);
  await decodeFrame(warm.grey, warm.width, warm.height, nodeGreyReader);
  await quaggaRead(warm);
  for (let i = 0; i < PHOTOS; i++) {
    const photo = await photographReceipt(sheet, i === 0 ? ISSUE_CONDITIONS : handHeldConditions(i), mode);
    const k = await timed(() => decodeFrame(photo.grey, photo.width, photo.height, nodeGreyReader));
    // The kiosk decoder reads both symbols of the photo in one call: its time counts for both.
    f.kiosk128.times.push(k.ms);
    f.kioskQr.times.push(k.ms);
    if (k.value.some((r) => r.symbology === 'code128' && r.text === sampleReceipt.localNumber)) f.kiosk128.ok++;
    if (k.value.some((r) => r.symbology === 'qr' && r.text === sampleReceipt.progressUrl)) f.kioskQr.ok++;
    const z = await timed(() => zxingDecodeGrey(photo.grey, photo.width, photo.height, { formats: ['Code128'], tryHarder: true, maxNumberOfSymbols: 1 }));
    f.zxing128.times.push(z.ms);
    if (z.value.some((r) => r.text === sampleReceipt.localNumber)) f.zxing128.ok++;
    const q = await timed(() => quaggaRead(photo));
    f.quagga.times.push(q.ms);
    if (q.value === sampleReceipt.localNumber) f.quagga.ok++;
    const rgba = toRgba(photo.grey);
    const j = await timed(async () => jsQR(rgba, photo.width, photo.height));
    f.jsqr.times.push(j.ms);
    if (j.value?.data === sampleReceipt.progressUrl) f.jsqr.ok++;
  }
  return f;
}

export default async function (emit: Emit): Promise<void> {
  await zxingReady();
  const hd = await measure('1280x720');
  const vga = await measure('640x480');

  emit(figure('kiosk frame decoder code128 success (vs quagga2)', pct(hd.kiosk128), '%', pct(hd.quagga)));
  emit(figure('kiosk frame decoder code128 ms/frame (vs quagga2)', median(hd.kiosk128), 'ms', median(hd.quagga)));
  emit(figure('kiosk frame decoder code128 ms/frame p95 (vs quagga2 p95)', p95(hd.kiosk128), 'ms', p95(hd.quagga)));
  emit(figure('kiosk frame decoder qr success (vs jsQR)', pct(hd.kioskQr), '%', pct(hd.jsqr)));
  emit(figure('kiosk frame decoder qr ms/frame (vs jsQR)', median(hd.kioskQr), 'ms', median(hd.jsqr)));
  emit(figure('code128 success quagga2 (vs zxing-wasm)', pct(hd.quagga), '%', pct(hd.zxing128)));
  emit(figure('code128 ms/frame quagga2 (vs zxing-wasm)', median(hd.quagga), 'ms', median(hd.zxing128)));
  emit(figure('code128 success zxing-wasm (vs quagga2)', pct(hd.zxing128), '%', pct(hd.quagga)));
  emit(figure('code128 ms/frame zxing-wasm p95 (vs median)', p95(hd.zxing128), 'ms', median(hd.zxing128)));
  // The old capture: the same scenes in the camera's 640×480 mode.
  emit(figure('kiosk frame decoder code128 success at 640x480 (vs 1280x720)', pct(vga.kiosk128), '%', pct(hd.kiosk128)));
  emit(figure('kiosk frame decoder code128 ms/frame at 640x480 (vs 1280x720)', median(vga.kiosk128), 'ms', median(hd.kiosk128)));
  emit(figure('kiosk frame decoder qr success at 640x480 (vs 1280x720)', pct(vga.kioskQr), '%', pct(hd.kioskQr)));
  emit(figure('code128 success quagga2 at 640x480 (vs 1280x720)', pct(vga.quagga), '%', pct(hd.quagga)));
}
