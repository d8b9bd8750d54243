import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { GreyReader } from './frame-decoder';

let prepared = false;

/**
 * zxing-wasm with its wasm served from our own bundle: by default the
 * package would fetch it from a CDN, which the kiosk CSP (and the kiosk's
 * network) forbid.
 */
function prepare(): void {
  if (prepared) return;
  prepared = true;
  prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });
}

/** zxing-wasm over a grey frame, in the browser. */
export const browserGreyReader: GreyReader = async (grey, width, height, formats) => {
  prepare();
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < grey.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i]!;
    rgba[i * 4 + 3] = 255;
  }
  const results = await readBarcodes(new ImageData(rgba, width, height), { formats: [...formats], tryHarder: true, maxNumberOfSymbols: 2 });
  return results.filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text }));
};
