import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useKiosk } from '../app/kiosk-context';
import { VideoHelpButton } from '../video/VideoHelp';

/** Help asked for during a 一件事 carries it, so 办不成事 from there names it. */
function helpFrom(pathname: string): { thingId: string } | null {
  const m = /^\/journey\/([^/]+)/.exec(pathname);
  return m ? { thingId: decodeURIComponent(m[1]!) } : null;
}

/**
 * The same four actions in the same place on every screen: back, home, help
 * and the elderly-mode switch (plus the language). Never a dead end.
 */
export function ActionBar() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { elderly, setElderly, locale, setLocale } = useKiosk();
  const onAttract = location.pathname === '/';
  return (
    <nav className="action-bar" aria-label={t('nav.label')}>
      {!onAttract && (
        <>
          <button type="button" className="action" onClick={() => navigate(-1)}>
            <span aria-hidden="true">←</span> {t('nav.back')}
          </button>
          <button type="button" className="action" onClick={() => navigate('/home')}>
            <span aria-hidden="true">⌂</span> {t('nav.home')}
          </button>
        </>
      )}
      <button type="button" className="action" onClick={() => navigate('/help', { state: helpFrom(location.pathname) })}>
        <span aria-hidden="true">☎</span> {t('nav.help')} 12345
      </button>
      <VideoHelpButton />
      <button type="button" className="action" aria-pressed={elderly} onClick={() => setElderly(!elderly)} data-testid="elderly-toggle">
        {elderly ? t('nav.elderlyOff') : t('nav.elderlyOn')}
      </button>
      <button type="button" className="action" lang={locale === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
        {t('nav.language')}
      </button>
    </nav>
  );
}
