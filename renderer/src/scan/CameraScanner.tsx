import Quagga, { type QuaggaJSResultObject } from '@ericblade/quagga2';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadConfirmer, type CodeRead } from './confirm';
import { decodeQr } from './qr-decoder';
import './scan.css';

export interface CameraScannerProps {
  /** Called once per accepted code (several identical reads + `accept`). */
  onCode(read: CodeRead): void;
  /** Format check, e.g. `isReceiptCode`. */
  accept(read: CodeRead): boolean;
  /** Identical reads needed before a code counts. */
  requiredReads?: number;
  /** Also look for QR codes (zxing-wasm) besides CODE128 (quagga2). */
  qr?: boolean;
}

type CameraState = 'starting' | 'scanning' | 'denied' | 'unavailable';

/**
 * The kiosk camera as a barcode reader: quagga2's LiveStream decodes CODE128
 * (receipt numbers); every few frames the same video goes to zxing-wasm for
 * QR codes (a receipt photo on a phone, an e-credential). Everything runs
 * on this machine; nothing leaves it.
 */
export function CameraScanner({ onCode, accept, requiredReads = 3, qr = true }: CameraScannerProps) {
  const { t } = useTranslation();
  const target = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const callbacks = useRef({ onCode, accept });
  callbacks.current = { onCode, accept };

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let stopped = false;
    const confirmer = new ReadConfirmer((r) => callbacks.current.accept(r), requiredReads);
    const push = (read: CodeRead) => {
      const accepted = confirmer.push(read, performance.now());
      if (accepted) callbacks.current.onCode(accepted);
    };
    const onDetected = (result: QuaggaJSResultObject) => {
      const code = result.codeResult?.code;
      if (code) push({ symbology: 'code128', text: code });
    };
    let qrTimer: number | undefined;
    const canvas = document.createElement('canvas');
    const scanQr = async () => {
      const video = el.querySelector('video');
      if (stopped || !video || video.videoWidth === 0) return;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(video, 0, 0);
      const text = await decodeQr(ctx.getImageData(0, 0, canvas.width, canvas.height));
      if (text && !stopped) push({ symbology: 'qr', text });
    };

    Quagga.init(
      {
        inputStream: { type: 'LiveStream', target: el, constraints: { width: 640, height: 480, facingMode: 'environment' } },
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
        if (qr) {
          const loop = () => {
            void scanQr().finally(() => {
              if (!stopped) qrTimer = window.setTimeout(loop, 250);
            });
          };
          loop();
        }
      },
    );
    return () => {
      stopped = true;
      if (qrTimer) window.clearTimeout(qrTimer);
      Quagga.offDetected(onDetected);
      void Quagga.stop();
    };
  }, [requiredReads, qr]);

  return (
    <div className="camera-scanner" data-testid="camera-scanner" data-state={state}>
      <div ref={target} className="camera-view" aria-hidden="true" />
      <p className="camera-hint" role="status">
        {state === 'scanning' ? t('scan.camera.hint') : state === 'starting' ? t('scan.camera.starting') : state === 'denied' ? t('scan.camera.denied') : t('scan.camera.unavailable')}
      </p>
    </div>
  );
}
