import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

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

export async function decodeQr(image: ImageData): Promise<string | null> {
  prepare();
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
  const hit = results.find((r) => r.isValid);
  return hit ? hit.text : null;
}
