import Quagga, { type QuaggaJSResultObject } from '@ericblade/quagga2';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeepAwake } from '../privacy/keep-awake';
import { ReadConfirmer, type CodeRead } from './confirm';
import { decodeFrame, greyOf } from './frame-decoder';
import { browserGreyReader } from './zxing-reader';
import './scan.css';

export interface CameraScannerProps {
  /** Called once per accepted code (several identical reads + `accept`). */
  onCode(read: CodeRead): void;
  /** Format check, e.g. `isReceiptCode`. */
  accept(read: CodeRead): boolean;
  /** Identical reads needed before a code counts. */
  requiredReads?: number;
  /** Also decode frames with zxing-wasm (QR, and CODE128 as a second reader) besides quagga2's LiveStream. */
  frames?: boolean;
}

type CameraState = 'starting' | 'scanning' | 'denied' | 'unavailable';

/**
 * What the camera is asked for: its best resolution up to 1920×1080 (`ideal`,
 * so a 1280×720 camera gives 1280×720 and an older 640×480 one still opens).
 * The receipt's CODE128 has 0.25 mm modules: about 2 px at 1280×720 across a
 * hand-held receipt, but 1.4 px in a 640×480 mode, which the photographed
 * receipts of test/support/receipt-photos.ts show decoding 3 times in 30
 * instead of 29 (issue #16).
 */
export const CAMERA_CONSTRAINTS = { width: { ideal: 1920 }, height: { ideal: 1080 }, facingMode: 'environment' } as const;

/**
 * The kiosk camera as a barcode reader: quagga2's LiveStream decodes CODE128
 * (receipt numbers); every few frames the same video also goes to zxing-wasm
 * for QR codes (a receipt photo on a phone, an e-credential) and as a second
 * CODE128 reader, which the camera-decode benchmark shows reads noisy frames
 * quagga2 misses. Both feed one confirmer. Everything runs on this machine.
 */
export function CameraScanner({ onCode, accept, requiredReads = 3, frames = true }: CameraScannerProps) {
  const { t } = useTranslation();
  const target = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const callbacks = useRef({ onCode, accept });
  callbacks.current = { onCode, accept };
  // A resident holding a receipt up to the lens touches nothing: no idle wipe mid-scan (bounded, keep-awake.ts).
  useKeepAwake(state === 'starting' || state === 'scanning');

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let stopped = false;
    const confirmer = new ReadConfirmer((r) => callbacks.current.accept(r), requiredReads);
    const push = (read: CodeRead) => {
      const accepted = confirmer.push(read, performance.now());
      if (accepted) callbacks.current.onCode(accepted);
    };
    // Raw read counts per decoder on the element (technicians, tests): which reader is doing the work.
    let quaggaReads = 0;
    let frameReads = 0;
    const onDetected = (result: QuaggaJSResultObject) => {
      const code = result.codeResult?.code;
      if (!code) return;
      el.dataset['quaggaReads'] = String(++quaggaReads);
      push({ symbology: 'code128', text: code });
    };
    let frameTimer: number | undefined;
    const canvas = document.createElement('canvas');
    const scanFrame = async () => {
      const video = el.querySelector('video');
      if (stopped || !video || video.videoWidth === 0) return;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      // The size the camera really delivers (technicians, tests).
      el.dataset['capture'] = `${video.videoWidth}x${video.videoHeight}`;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(video, 0, 0);
      const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const reads = await decodeFrame(greyOf(image.data, image.width, image.height), image.width, image.height, browserGreyReader);
      if (stopped) return;
      if (reads.length) el.dataset['frameReads'] = String((frameReads += reads.length));
      for (const read of reads) push(read);
    };

    Quagga.init(
      {
        inputStream: { type: 'LiveStream', target: el, constraints: { ...CAMERA_CONSTRAINTS } },
        decoder: { readers: ['code_128_reader'] },
        locate: true,
        numOfWorkers: 0,
        frequency: 10,
      },
      (error: unknown) => {
        if (stopped) return;
        if (error) {
          const name = (error as { name?: string }).name;
          setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
          return;
        }
        Quagga.onDetected(onDetected);
        Quagga.start();
        setState('scanning');
        if (frames) {
          const loop = () => {
            void scanFrame().finally(() => {
              if (!stopped) frameTimer = window.setTimeout(loop, 150);
            });
          };
          loop();
        }
      },
    );
    return () => {
      stopped = true;
      if (frameTimer) window.clearTimeout(frameTimer);
      Quagga.offDetected(onDetected);
      void Quagga.stop();
    };
  }, [requiredReads, frames]);

  return (
    <div className="camera-scanner" data-testid="camera-scanner" data-state={state}>
      <div ref={target} className="camera-view" aria-hidden="true" />
      <p className="camera-hint" role="status">
        {state === 'scanning' ? t('scan.camera.hint') : state === 'starting' ? t('scan.camera.starting') : state === 'denied' ? t('scan.camera.denied') : t('scan.camera.unavailable')}
      </p>
    </div>
  );
}
