import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceHealth, SelfTestDevice, SelfTestResult } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { ago } from './format';
import { LevelBadge } from './LevelBadge';
import { useMaintenance } from './maintenance-session';

const TESTS: readonly SelfTestDevice[] = ['idcard', 'printer', 'scanner', 'camera'];

/** Each device with its state, the plain-language problem and fix, counters, and the self-tests. */
export function DevicesPanel({ devices, onChanged }: { devices: readonly DeviceHealth[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  const m = useMaintenance();
  const [running, setRunning] = useState<SelfTestDevice | null>(null);
  const [results, setResults] = useState<Partial<Record<SelfTestDevice, SelfTestResult>>>({});
  const [camera, setCamera] = useState(false);

  const run = async (device: SelfTestDevice) => {
    if (device === 'camera') setCamera(true);
    setRunning(device);
    const r = await m.call('maintenance.selfTest', { device });
    setRunning(null);
    if (r.ok) setResults((x) => ({ ...x, [device]: r.value }));
    onChanged();
  };

  return (
    <div className="panel" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('maintenance.devices.heading')}</h2>
      {devices.length === 0 && <p>{t('maintenance.devices.none')}</p>}
      <ul className="devices">
        {devices.map(({ status: s, level, finding }) => (
          <li key={s.id} className="device" data-testid={`device-${s.id}`} data-level={level}>
            <h3>
              {s.name} <LevelBadge level={level} />
            </h3>
            {finding && (
              <p className={`finding finding-${finding.level}`} data-testid={`device-${s.id}-finding`}>
                <strong>{finding.problem[locale]}</strong>：{finding.fix[locale]} <small>({finding.code})</small>
              </p>
            )}
            <dl>
              <dt>{t('maintenance.devices.state')}</dt>
              <dd>
                {s.state} · {s.power} · {s.source}
                {s.path ? ` ${s.path}` : ''}
              </dd>
              {Object.keys(s.conditions).length > 0 && (
                <>
                  <dt>{t('maintenance.devices.conditions')}</dt>
                  <dd>{Object.entries(s.conditions).map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}</dd>
                </>
              )}
              {s.lastError && (
                <>
                  <dt>{t('maintenance.devices.lastError')}</dt>
                  <dd>
                    {s.lastError.message} ({s.lastError.code}
                    {s.lastError.extended ? `/${s.lastError.extended}` : ''})
                  </dd>
                </>
              )}
              <dt>{t('maintenance.devices.counters')}</dt>
              <dd>{Object.entries(s.counters).map(([k, v]) => `${k}: ${v}`).join(' · ') || '—'}</dd>
              <dt>{t('maintenance.devices.lastSeen')}</dt>
              <dd>{ago(t, s.lastSeenAt)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <h3>{t('maintenance.selfTest.heading')}</h3>
      <div className="row">
        {TESTS.map((d) => (
          <button type="button" key={d} disabled={running !== null} onClick={() => void run(d)} data-testid={`selftest-${d}`}>
            {t(`maintenance.selfTest.${d}`)}
          </button>
        ))}
      </div>
      {running && <p role="status">{t('maintenance.selfTest.running')}</p>}
      {TESTS.map((d) => {
        const r = results[d];
        if (!r) return null;
        return (
          <div key={d} className={`selftest-result finding-${r.passed ? 'ok' : 'fault'}`} data-testid={`selftest-${d}-result`} data-passed={r.passed}>
            <LevelBadge level={r.passed ? 'ok' : 'fault'} /> {t(`maintenance.selfTest.${d}`)}：{r.message}
            {r.code && <small> ({r.code})</small>}
            {r.receiptImage && <img className="receipt-image" src={r.receiptImage} alt={t('maintenance.selfTest.receipt')} />}
          </div>
        );
      })}
      {camera && <CameraPreview onClose={() => setCamera(false)} />}
    </div>
  );
}

/** Live preview for the camera test; the stream stops the moment the panel closes. */
function CameraPreview({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: true, audio: false })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((tr) => tr.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
      })
      .catch((e: Error) => setFailure(e.message));
    if (!navigator.mediaDevices) setFailure('mediaDevices unavailable');
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);
  return (
    <div className="camera-preview">
      <h3>{t('maintenance.selfTest.cameraPreview')}</h3>
      {failure ? (
        <p className="warning" role="alert">
          {t('maintenance.selfTest.cameraFailed', { reason: failure })}
        </p>
      ) : (
        <video ref={video} muted playsInline aria-label={t('maintenance.selfTest.cameraPreview')} data-testid="camera-preview" />
      )}
      <button type="button" onClick={onClose}>
        {t('maintenance.selfTest.cameraStop')}
      </button>
    </div>
  );
}
