import './video.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useKiosk } from '../app/kiosk-context';
import type { KioskCall, CallPhase, ServedCall } from './kiosk-call';
import { currentJourneyView, onJourneyViewChange, requestVideoHelp, useVideoHelpRequests } from './store';
import { readSharedView } from './view';

// The call (signalling, WebRTC, the contract's message schemas) and its 好差评 panel load with the first
// call, not with the first screen (docs/packaging.md "Start-up").
const RatingPanel = lazy(() => import('../components/RatingPanel').then((m) => ({ default: m.RatingPanel })));

/** The 视频帮办 button of the action bar: one tap from any screen. */
export function VideoHelpButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="action" onClick={requestVideoHelp} aria-label={t('video.buttonLabel')} data-testid="video-help">
      <span aria-hidden="true">▶</span> {t('video.button')}
    </button>
  );
}

function Video({ stream, label, muted, testId }: { stream: MediaStream | null; label: string; muted: boolean; testId: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted={muted} aria-label={label} data-testid={testId} />;
}

/**
 * 远程视频帮办: availability check, consent, queue, the call panel (the
 * resident keeps using the screen underneath while the agent guides), the
 * agent's hints. Leaving for the attract screen (privacy wipe, end of visit)
 * or unmounting hangs up and releases camera and microphone.
 */
export function VideoHelp() {
  const { t } = useTranslation();
  const { client, locale } = useKiosk();
  const requests = useVideoHelpRequests();
  const { pathname } = useLocation();
  const [phase, setPhase] = useState<CallPhase | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [served, setServed] = useState<ServedCall | null>(null);
  const call = useRef<KioskCall | null>(null);
  /** The 一件事 on screen during the call, if any: its 好差评 names it. */
  const callThing = useRef<string | null>(null);
  const handled = useRef(requests);
  const heading = useRef<HTMLHeadingElement>(null);

  /** The request a call is being loaded for (the call's code comes with the first call). */
  const loading = useRef<number | null>(null);

  const close = () => {
    loading.current = null;
    call.current?.dispose();
    call.current = null;
    callThing.current = null;
    setPhase(null);
    setHint(null);
    setServed(null);
  };

  // A tap on the button opens (or focuses) video help.
  useEffect(() => {
    if (requests === handled.current) return;
    handled.current = requests;
    if (call.current || loading.current !== null) return heading.current?.focus();
    loading.current = requests;
    void import('./kiosk-call').then(({ KioskCall }) => {
      // Closed (or the visit ended) while the call's code was loading: no call.
      if (loading.current !== requests || call.current) return;
      loading.current = null;
      const c = new KioskCall(
        client,
        (p) => {
          setPhase(p);
          if (p.kind === 'ended') setServed(c.served);
        },
        setHint,
      );
      call.current = c;
      setPhase(c.phase);
      void c.open();
    }, () => {
      // The call's code could not be loaded (the host went away under the page): the next tap tries again.
      if (loading.current === requests) loading.current = null;
    });
  }, [requests, client]);

  // The privacy wipe and every end of a visit go back to the attract screen: the call ends there.
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (pathname === '/' && lastPath.current !== '/' && (call.current || loading.current !== null)) {
      call.current?.hangup('privacy-wipe');
      close();
    }
    lastPath.current = pathname;
  }, [pathname]);
  useEffect(() => () => call.current?.dispose(), []);

  // What the agent sees (only when the resident agreed): sent on every change of the screen or the form.
  const inCall = phase?.kind === 'in-call';
  useEffect(() => {
    const c = call.current;
    if (!inCall || !c) return;
    const main = document.getElementById('main');
    let timer: ReturnType<typeof setTimeout> | null = null;
    const push = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => c.sendView(readSharedView(document, currentJourneyView())), 150);
    };
    c.onChannelOpen = push;
    push();
    const observer = new MutationObserver(push);
    if (main) observer.observe(main, { childList: true, subtree: true, characterData: true });
    const noteThing = () => {
      callThing.current = currentJourneyView()?.thingId ?? callThing.current;
    };
    noteThing();
    const off = onJourneyViewChange(() => {
      noteThing();
      push();
    });
    return () => {
      observer.disconnect();
      off();
      if (timer) clearTimeout(timer);
      c.onChannelOpen = null;
    };
  }, [inCall]);

  useEffect(() => {
    if (phase && phase.kind !== 'in-call') heading.current?.focus();
  }, [phase?.kind]);

  if (!phase) return null;
  const hotline = <p className="video-hotline">{t('video.unavailable.hotline')}</p>;

  if (phase.kind === 'in-call') {
    return (
      <aside className="video-call" aria-labelledby="video-call-heading" data-testid="video-call">
        <h2 id="video-call-heading" ref={heading} tabIndex={-1}>
          {t('video.inCall', { agent: phase.agent })}
        </h2>
        <div className="video-frames">
          <Video stream={phase.remote} label={t('video.agentVideo')} muted={false} testId="video-remote" />
          <Video stream={phase.local} label={t('video.selfVideo')} muted testId="video-self" />
        </div>
        <p className="video-share">{phase.share ? t('video.sharing') : t('video.notSharing')}</p>
        <div className="video-hint" role="status" aria-live="polite">
          {hint && (
            <>
              <strong>{t('video.hint')}：</strong>
              <span data-testid="video-hint">{hint}</span>
            </>
          )}
        </div>
        <button
          type="button"
          className="video-hangup"
          onClick={() => {
            call.current?.hangup('resident');
          }}
          data-testid="video-hangup"
        >
          {t('video.hangup')}
        </button>
      </aside>
    );
  }

  return (
    <div className="video-backdrop">
      <section className="video-dialog" role="dialog" aria-modal="true" aria-labelledby="video-heading" data-testid="video-dialog" data-phase={phase.kind}>
        <h2 id="video-heading" ref={heading} tabIndex={-1}>
          {t('video.heading')}
        </h2>
        {phase.kind === 'checking' && <p role="status">{t('video.checking')}</p>}
        {phase.kind === 'unavailable' && (
          <div role="alert" data-testid="video-unavailable" data-reason={phase.reason}>
            <p>{phase.reason === 'failed' ? t('video.unavailable.failed', { reason: phase.detail ?? '' }) : t(`video.unavailable.${phase.reason === 'no-agent' ? 'noAgent' : phase.reason}`)}</p>
            {hotline}
          </div>
        )}
        {phase.kind === 'ready' && (
          <>
            <p>{t('video.consent.lead')}</p>
            <p>{t('video.consent.share')}</p>
            <div className="video-actions">
              <button type="button" className="primary" onClick={() => call.current?.call(true, locale)} data-testid="video-consent-share">
                {t('video.consent.callShare')}
              </button>
              <button type="button" onClick={() => call.current?.call(false, locale)} data-testid="video-consent-only">
                {t('video.consent.callOnly')}
              </button>
            </div>
          </>
        )}
        {phase.kind === 'queued' && (
          <div role="status" data-testid="video-queued">
            <p>{t('video.queued', { position: phase.position })}</p>
            {phase.agentsFree === 0 && <p>{t('video.allBusy')}</p>}
          </div>
        )}
        {phase.kind === 'ended' && (
          <p role="status" data-testid="video-ended" data-reason={phase.reason}>
            {phase.reason === 'agent' || phase.reason === 'disconnected' ? t(`video.endedBy.${phase.reason}`) : t('video.ended')}
          </p>
        )}
        {/* 好差评 of a call an agent answered and one side ended (the privacy wipe closes the panel instead: the resident has left). */}
        {phase.kind === 'ended' && served && (phase.reason === 'agent' || phase.reason === 'resident') && (
          <Suspense fallback={null}>
            <RatingPanel service="video" reference={served.callId} agentId={served.agentId} thingId={callThing.current} onDone={close} doneLabel={t('video.close')} />
          </Suspense>
        )}
        <div className="video-actions">
          <button type="button" onClick={close} data-testid="video-close">
            {phase.kind === 'ready' || phase.kind === 'queued' || phase.kind === 'checking' ? t('video.consent.cancel') : t('video.close')}
          </button>
        </div>
      </section>
    </div>
  );
}
