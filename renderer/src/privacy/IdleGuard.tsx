import './resident.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useKiosk } from '../app/kiosk-context';
import { VoicePrompt } from '../voice/VoicePrompt';
import { secondsInWords } from './countdown-words';
import { idlePhase, type IdlePhase } from './idle-clock';
import { sessionKeepAwake } from './keep-awake';

/** Storage keys that survive a wipe: the boot token only (no personal data). */
const KEEP_KEYS = new Set(['kiosk.token']);

/** Drops everything the page kept for a resident: storage other than the boot token. */
export function wipeBrowserStorage(): void {
  for (const storage of [window.sessionStorage, window.localStorage]) {
    for (const key of Object.keys(storage)) if (!KEEP_KEYS.has(key)) storage.removeItem(key);
  }
}

/**
 * Privacy on a public screen: after `idleSeconds` without a touch (or a
 * camera scan on screen, `useKeepAwake`, at most two minutes of it) a
 * countdown (the only pop-up the kiosk shows) offers 继续办理; at zero the
 * session is wiped — host session (identity, drafts, captures), renderer state
 * (the route unmounts and with it every form and camera stream), storage —
 * and the attract screen returns.
 */
export function IdleGuard() {
  const { t } = useTranslation();
  const { client, info, locale, session } = useKiosk();
  const navigate = useNavigate();
  const location = useLocation();
  const lastActivity = useRef(Date.now());
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' });
  // Maintenance screens hold no resident data and keep their own 2-minute rule (renderer/src/maintenance).
  const onAttract = location.pathname === '/' || location.pathname.startsWith('/maintenance');
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const touch = () => {
      lastActivity.current = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'input'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    lastActivity.current = Date.now();
    setPhase({ kind: 'active' });
    if (onAttract) return;
    const timer = setInterval(() => {
      const now = Date.now();
      // A camera scan on screen counts as activity (bounded; keep-awake.ts).
      const next = idlePhase(info, sessionKeepAwake.activity(lastActivity.current, now), now);
      setPhase((prev) => (prev.kind === next.kind && (prev.kind !== 'warning' || (next.kind === 'warning' && prev.secondsLeft === next.secondsLeft)) ? prev : next));
    }, 250);
    return () => clearInterval(timer);
  }, [onAttract, info]);

  // The host ended the session (finished elsewhere, maintenance, a wipe from another tab): leave the resident screens.
  const sessionId = session?.id ?? null;
  const previousSession = useRef<string | null>(sessionId);
  useEffect(() => {
    if (previousSession.current && !sessionId && !onAttract) {
      wipeBrowserStorage();
      navigate('/', { replace: true });
    }
    previousSession.current = sessionId;
  }, [sessionId, onAttract, navigate]);

  useEffect(() => {
    if (phase.kind === 'warning') button.current?.focus();
    if (phase.kind !== 'wipe') return;
    wipeBrowserStorage();
    navigate('/', { replace: true });
    void client.api['session.end']({ reason: 'idle' });
  }, [phase.kind, client, navigate]);

  if (phase.kind !== 'warning' || onAttract) return null;
  const words = secondsInWords(phase.secondsLeft, locale);
  return (
    <div className="overlay" data-testid="idle-warning">
      <div role="alertdialog" aria-modal="true" aria-labelledby="idle-heading" aria-describedby="idle-lead" className="dialog">
        <h2 id="idle-heading">{t('journey.privacy.heading')}</h2>
        <p id="idle-lead">{t('journey.privacy.lead', { words })}</p>
        <p className="countdown" aria-live="assertive" data-testid="idle-seconds">
          {t('journey.privacy.seconds', { n: phase.secondsLeft })}
        </p>
        {/* Spoken once when the warning opens (elderly mode), not every second. */}
        <VoicePrompt text={`${t('journey.privacy.heading')}${t('journey.privacy.lead', { words: secondsInWords(info.countdownSeconds, locale) })}`} />
        <button
          ref={button}
          type="button"
          className="primary huge"
          onClick={() => {
            lastActivity.current = Date.now();
            setPhase({ kind: 'active' });
          }}
          data-testid="idle-continue"
        >
          {t('journey.privacy.continue')}
        </button>
      </div>
    </div>
  );
}
