import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { StepHeader } from './StepHeader';

/** Before the form: the card fills it. Moves on by itself once `session.changed` brings an identity. */
export function IdentifyStep({ onIdentified }: { onIdentified: () => void }) {
  const { t } = useTranslation();
  const { session } = useKiosk();
  const identified = session?.identity != null;
  // Once, when the card arrives: the callback changes every render, and calling it again
  // on each render would keep interrupting the router's navigation (a transition).
  const moveOn = useRef(onIdentified);
  moveOn.current = onIdentified;
  useEffect(() => {
    if (identified) moveOn.current();
  }, [identified]);
  return (
    <section className="journey identify" aria-labelledby="step-heading">
      <StepHeader title={t('journey.identify.heading')} prompt={`${t('journey.identify.heading')}。${t('journey.identify.lead')}`} />
      <div className="card-slot" aria-hidden="true">
        <span className="card-drawing" />
        <span className="card-arrow">▼</span>
      </div>
      <p role="status" data-testid="identify-waiting">
        {/* A card that could not be read is told by the card watcher, on every screen. */}
        {t('journey.identify.waiting')}
      </p>
      <p className="hint">{t('journey.identify.again')}</p>
    </section>
  );
}
