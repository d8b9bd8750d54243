import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';

export function HomeScreen() {
  const { t } = useTranslation();
  const { session } = useKiosk();
  const identity = session?.identity ?? null;
  return (
    <section className="home" aria-labelledby="home-heading">
      <h1 id="home-heading">{identity ? t('home.greeting', { name: identity.name }) : t('home.heading')}</h1>
      <p className="identity-line" data-testid="identity" role="status">
        {identity ? t('home.identified', { name: identity.name, id: identity.idNumber }) : t('home.notIdentified')}
      </p>
      {identity?.expired && <p className="warning">{t('home.expired')}</p>}
    </section>
  );
}
