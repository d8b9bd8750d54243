import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useKiosk } from '../app/kiosk-context';
import { VoicePrompt } from '../voice/VoicePrompt';
import { wipeBrowserStorage } from './IdleGuard';

/**
 * The card left the reader in the middle of a journey: ask whether to go
 * on (the session keeps what the card said until it ends) or to end and
 * clear. Shown in the page, above the action bar — not a pop-up.
 */
export function CardRemovedPrompt() {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const navigate = useNavigate();
  const location = useLocation();
  const [asking, setAsking] = useState(false);
  const inJourney = location.pathname.startsWith('/journey/');

  useEffect(() => client.on('idcard.removed', () => setAsking(true)), [client]);
  useEffect(() => client.on('idcard.presented', () => setAsking(false)), [client]);
  useEffect(() => {
    if (!inJourney) setAsking(false);
  }, [inJourney]);

  if (!asking || !inJourney) return null;
  return (
    <section className="card-removed" role="region" aria-labelledby="card-removed-heading" data-testid="card-removed">
      <h2 id="card-removed-heading">{t('journey.privacy.cardRemoved')}</h2>
      <VoicePrompt text={t('journey.privacy.cardRemoved')} />
      <div className="step-actions">
        <button type="button" className="primary" onClick={() => setAsking(false)} data-testid="card-removed-continue">
          {t('journey.privacy.cardContinue')}
        </button>
        <button
          type="button"
          onClick={() => {
            setAsking(false);
            wipeBrowserStorage();
            navigate('/', { replace: true });
            void client.api['session.end']({ reason: 'card-removed' });
          }}
          data-testid="card-removed-end"
        >
          {t('journey.privacy.cardEnd')}
        </button>
      </div>
    </section>
  );
}
