import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageIn, type Err } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { useHostScans } from '../scan/useHostScans';
import { StepHeader } from './StepHeader';

type QrState = { readonly kind: 'off' } | { readonly kind: 'waiting' } | { readonly kind: 'checking' } | { readonly kind: 'offline' } | { readonly kind: 'refused'; readonly refusal: Err };

/**
 * Before the form: the card fills it. Moves on by itself once
 * `session.changed` brings an identity. Without the card, a resident may show
 * an e-ID QR (三晋通 / 网证) to the scanner: the host has the platform verify
 * it — online only; offline the screen says so plainly and offers the card.
 */
export function IdentifyStep({ onIdentified }: { onIdentified: () => void }) {
  const { t } = useTranslation();
  const { client, session, connectivity, locale } = useKiosk();
  const [qr, setQr] = useState<QrState>({ kind: 'off' });
  const identified = session?.identity != null;
  // Once, when the card arrives: the callback changes every render, and calling it again
  // on each render would keep interrupting the router's navigation (a transition).
  const moveOn = useRef(onIdentified);
  moveOn.current = onIdentified;
  useEffect(() => {
    if (identified) moveOn.current();
  }, [identified]);

  const online = connectivity?.online !== false;
  const startQr = () => setQr(online ? { kind: 'waiting' } : { kind: 'offline' });
  useHostScans((scan) => {
    if (qr.kind !== 'waiting' && qr.kind !== 'refused') return;
    setQr({ kind: 'checking' });
    void client.api['identity.verifyQr']({ code: scan.text }).then((r) => {
      if (r.ok) return; // session.changed brings the identity and moves on
      setQr(r.code === 'platform-unreachable' ? { kind: 'offline' } : { kind: 'refused', refusal: r });
    });
  });

  const qrOn = qr.kind !== 'off';
  return (
    <section className="journey identify" aria-labelledby="step-heading">
      <StepHeader
        title={qrOn ? t('identity.qr.heading') : t('journey.identify.heading')}
        prompt={qrOn ? `${t('identity.qr.heading')}。${t('identity.qr.lead')}` : `${t('journey.identify.heading')}。${t('journey.identify.lead')}`}
      />
      {!qrOn && (
        <>
          <div className="card-slot" aria-hidden="true">
            <span className="card-drawing" />
            <span className="card-arrow">▼</span>
          </div>
          <p role="status" data-testid="identify-waiting">
            {/* A card that could not be read is told by the card watcher, on every screen. */}
            {t('journey.identify.waiting')}
          </p>
          <p className="hint">{t('journey.identify.again')}</p>
          <div className="step-actions">
            <button type="button" className="huge" onClick={startQr} data-testid="identify-qr">
              {t('identity.qr.button')}
            </button>
          </div>
        </>
      )}
      {qrOn && (
        <>
          {qr.kind === 'offline' ? (
            <p className="field-error" role="alert" data-testid="qr-needs-network">
              {t('identity.qr.needsNetwork')}
            </p>
          ) : (
            <>
              <p className="lead">{t('identity.qr.lead')}</p>
              <p role="status" data-testid="qr-waiting">
                {qr.kind === 'checking' ? t('identity.qr.checking') : t('identity.qr.waiting')}
              </p>
              {qr.kind === 'refused' && (
                <p className="field-error" role="alert" data-testid="qr-refused">
                  {messageIn(qr.refusal, locale)}
                </p>
              )}
            </>
          )}
          <div className="step-actions">
            <button type="button" className="huge" onClick={() => setQr({ kind: 'off' })} data-testid="identify-card">
              {t('identity.qr.useCard')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
