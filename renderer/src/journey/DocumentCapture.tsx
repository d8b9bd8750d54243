import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Document capture with the kiosk camera: live preview, take, look at the
 * still, retake or use it. The stream stops when the component goes away
 * (including the idle wipe), so no frame outlives the screen.
 */
export function DocumentCapture({ onUse, onCancel }: { onUse: (dataUrl: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [still, setStill] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  // "拍照" waits for the first frame: a tap before it would capture nothing.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((tr) => tr.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
      })
      .catch(() => setFailed(true));
    if (!navigator.mediaDevices) setFailed(true);
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
      if (video.current) video.current.srcObject = null;
    };
  }, []);

  const take = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    setStill(canvas.toDataURL('image/jpeg', 0.85));
  };

  if (failed) {
    return (
      <div className="capture">
        <p className="warning" role="alert">
          {t('journey.materials.cameraError')}
        </p>
        <button type="button" onClick={onCancel}>
          {t('nav.back')}
        </button>
      </div>
    );
  }
  return (
    <div className="capture" data-testid="capture">
      <p>{t('journey.materials.cameraHint')}</p>
      {/* The live view stays mounted (hidden under the still) so a retake needs no new stream. */}
      <video ref={video} className="capture-view" hidden={still !== null} muted playsInline aria-label={t('journey.materials.cameraHint')} onLoadedData={() => setReady(true)} />
      {still && <img src={still} alt={t('journey.materials.captured')} className="capture-view" data-testid="capture-still" />}
      <div className="step-actions">
        {still ? (
          <>
            <button type="button" onClick={() => setStill(null)} data-testid="capture-retake">
              {t('journey.materials.retake')}
            </button>
            <button type="button" className="primary" onClick={() => onUse(still)} data-testid="capture-use">
              {t('journey.materials.usePhoto')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onCancel}>
              {t('nav.back')}
            </button>
            <button type="button" className="primary" onClick={take} disabled={!ready} data-testid="capture-take">
              {t('journey.materials.take')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
