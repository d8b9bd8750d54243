import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useKiosk } from '../app/kiosk-context';

/** Calm: what the kiosk does, one big button, where to put the card. No carousel. */
export function AttractScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { client } = useKiosk();
  const start = async () => {
    await client.api['session.begin']({});
    navigate('/home');
  };
  return (
    <section className="attract" aria-labelledby="attract-heading">
      <h1 id="attract-heading">{t('attract.heading')}</h1>
      <p className="lead">{t('attract.lead')}</p>
      <button type="button" className="primary huge" onClick={() => void start()} data-testid="start">
        {t('attract.start')}
      </button>
      <p className="hint">{t('attract.cardHint')}</p>
      <p className="hotline">{t('attract.hotline')}</p>
    </section>
  );
}
