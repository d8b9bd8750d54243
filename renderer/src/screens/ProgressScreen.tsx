import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingTime, type ProgressAnswer } from '../../../contract';
import { departmentNameEn, subItemNameEn } from '../../../contract/catalog';
import { useKiosk } from '../app/kiosk-context';
import { OnScreenKeyboard } from '../components/keyboard/OnScreenKeyboard';
import { RatingPanel } from '../components/RatingPanel';
import { CameraScanner } from '../scan/CameraScanner';
import { isReceiptCode } from '../scan/receipt-code';
import { VoicePrompt } from '../voice/VoicePrompt';

/**
 * 办件查询: by the ID card of the session (asked as soon as one is there) or
 * by a receipt's code — scanned, or typed on the on-screen keyboard.
 * Offline, the last known status is shown and labelled as such.
 */
export function ProgressScreen() {
  const { t } = useTranslation();
  const { client, session, locale } = useKiosk();
  const [answer, setAnswer] = useState<ProgressAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [typing, setTyping] = useState(false);
  const [camera, setCamera] = useState(false);
  const [rating, setRating] = useState(false);
  const identified = session?.identity != null;

  const show = useCallback((r: Awaited<ReturnType<typeof client.api['progress.byCard']>>) => {
    if (r.ok) {
      setAnswer(r.value);
      setProblem(null);
    } else setProblem(r.message);
  }, []);

  useEffect(() => {
    if (identified) void client.api['progress.byCard']({}).then(show);
  }, [client, identified, show]);

  const byReceipt = useCallback(async (c: string) => show(await client.api['progress.byReceipt']({ code: c })), [client, show]);

  // A receipt scanned by any scanner (hardware, wedge or camera) asks at once.
  useEffect(() => client.on('scanner.scanned', (s) => void byReceipt(s.text)), [client, byReceipt]);

  return (
    <section className="progress" aria-labelledby="progress-heading">
      <h1 id="progress-heading">{t('journey.progress.heading')}</h1>
      <VoicePrompt text={t('journey.progress.lead')} />
      <div className="search">
        <label htmlFor="receipt-code" className="field-label">
          {t('journey.progress.byNumber')}
        </label>
        <div className="search-row">
          <input id="receipt-code" className="text-input" value={code} inputMode="none" autoComplete="off" onFocus={() => setTyping(true)} onChange={(e) => setCode(e.target.value.toUpperCase())} data-testid="receipt-code" />
          <button type="button" className="primary" disabled={code.trim().length < 6} onClick={() => void byReceipt(code)} data-testid="receipt-query">
            {t('journey.progress.query')}
          </button>
        </div>
        {typing && <OnScreenKeyboard layout="letters" upper value={code} onChange={setCode} onDone={() => setTyping(false)} />}
      </div>
      <div className="step-actions">
        <button type="button" onClick={() => setCamera((c) => !c)} aria-pressed={camera} data-testid="progress-camera">
          {camera ? t('journey.progress.cameraStop') : t('journey.progress.camera')}
        </button>
      </div>
      {camera && (
        <CameraScanner
          accept={(r) => isReceiptCode(r) || /^[A-Z0-9-]{6,64}$/.test(r.text)}
          onCode={(r) => {
            setCamera(false);
            void byReceipt(r.text);
          }}
        />
      )}
      {problem && (
        <p className="field-error" role="alert" data-testid="progress-error">
          {problem}
        </p>
      )}
      {answer && (
        <div data-testid="progress-result" data-live={answer.live}>
          <p className={answer.live ? 'ok-note' : 'warning'} role="status">
            {answer.live ? t('journey.progress.live') : t('journey.progress.offline')}
          </p>
          {answer.applications.length === 0 && <p>{t('journey.progress.none')}</p>}
          {answer.applications.map((a) => (
            <article key={a.applicationNumber} className="progress-item" data-testid="progress-item">
              <h2>
                {a.thingName} · <span data-testid="progress-number">{a.applicationNumber}</span>
              </h2>
              {a.channel && (
                <p data-testid="progress-channel" data-channel={a.channel}>
                  {t(`channels.progress.channels.${a.channel}`)}
                  {a.filedAt && a.channel !== 'this-kiosk' ? ` · ${t('channels.progress.filedAt', { where: a.filedAt })}` : ''}
                </p>
              )}
              <p>
                {t('journey.progress.submittedAt')}：<span data-testid="progress-submitted-at">{beijingTime(a.submittedAt)}</span> · {a.applicant}
              </p>
              <ul className="plain-list">
                {a.subItems.map((s) => (
                  <li key={s.name}>
                    {locale === 'en' ? `${subItemNameEn(s.name)} (${departmentNameEn(s.department)}): ` : `${s.name}（${s.department}）：`}
                    <strong data-status={s.status}>{t(`journey.progress.statuses.${s.status}`)}</strong>
                    {s.result && (
                      <p className="check-result" data-testid="progress-check-result">
                        {t('journey.progress.result')}：<span lang="zh-CN">{s.result}</span>
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </article>
          ))}
          {rating ? (
            <RatingPanel service="progress" onDone={() => setRating(false)} doneLabel={t('journey.progress.heading')} />
          ) : (
            <div className="step-actions">
              <button type="button" onClick={() => setRating(true)} data-testid="progress-rate">
                {t('channels.rating.open')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
