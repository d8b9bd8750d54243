import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { VoicePrompt } from '../voice/VoicePrompt';

export function HelpScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // From a 一件事 (the action bar passes it on): the feedback names it.
  const thingId = ((useLocation().state ?? {}) as { thingId?: string }).thingId ?? null;
  return (
    <section className="help" aria-labelledby="help-heading">
      <h1 id="help-heading">{t('help.heading')}</h1>
      <p className="hotline-big">
        {t('help.hotline')}
        <strong className="number">{t('help.hotlineNumber')}</strong>
      </p>
      <VoicePrompt text={`${t('help.hotline')} ${t('help.hotlineNumber')}`} />
      <p>{t('help.staff')}</p>
      <div className="step-actions">
        <button type="button" className="primary" onClick={() => navigate('/feedback', { state: thingId ? { thingId } : null })} data-testid="help-feedback">
          {t('journey.home.feedback')}
        </button>
        <button type="button" onClick={() => navigate('/progress')}>
          {t('journey.home.progress')}
        </button>
      </div>
    </section>
  );
}
