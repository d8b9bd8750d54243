import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReadResult, type ReaderOptions } from 'zxing-wasm/reader';
import type { GreyReader } from '../../renderer/src/scan/frame-decoder';

let ready: Promise<unknown> | null = null;

/** zxing-wasm in Node with the wasm read from the package (never fetched): the same binary the renderer bundles. */
export function zxingReady(): Promise<unknown> {
  if (!ready) {
    const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    ready = Promise.resolve(prepareZXingModule({ overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) }, fireImmediately: true }));
  }
  return ready;
}

/** Decodes an 8-bit grey frame. */
export async function zxingDecodeGrey(grey: Uint8Array, width: number, height: number, options: ReaderOptions): Promise<ReadResult[]> {
  await zxingReady();
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < grey.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i]!;
    rgba[i * 4 + 3] = 255;
  }
  // zxing-wasm reads the ImageData fields; Node has no ImageData class.
  return readBarcodes({ data: rgba, width, height, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0], options);
}

/** The renderer's frame decoder, run in Node over the same wasm. */
export const nodeGreyReader: GreyReader = async (grey, width, height, formats) =>
  (await zxingDecodeGrey(grey, width, height, { formats: [...formats], tryHarder: true, maxNumberOfSymbols: 2 })).filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text }));
