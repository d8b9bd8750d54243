import { useTranslation } from 'react-i18next';

export function HelpScreen() {
  const { t } = useTranslation();
  return (
    <section className="help" aria-labelledby="help-heading">
      <h1 id="help-heading">{t('help.heading')}</h1>
      <p className="hotline-big">
        {t('help.hotline')}
        <strong className="number">{t('help.hotlineNumber')}</strong>
      </p>
      <p>{t('help.staff')}</p>
    </section>
  );
}
