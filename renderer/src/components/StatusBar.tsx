import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { IdentityBadge } from '../devices/IdentityBadge';

/** Top of every screen: who we are, and whether the network is there — in words, never colour alone. */
export function StatusBar() {
  const { t } = useTranslation();
  const { info, connectivity, hostConnected } = useKiosk();
  const online = connectivity?.online ?? false;
  return (
    <header className="status-bar">
      <div className="status-title">
        <span className="brand">{t('app.title')}</span>
        <span className="service-point">{info.servicePoint}</span>
      </div>
      <div role="status" aria-live="polite" className="status-pills">
        <IdentityBadge />
        {!hostConnected ? (
          <span className="pill pill-net pill-warn" data-testid="host-status">
            <span aria-hidden="true">⚠ </span>
            {t('connectivity.hostDown')}
          </span>
        ) : connectivity ? (
          <span className={online ? 'pill pill-net pill-ok' : 'pill pill-net pill-warn'} data-testid="connectivity" data-online={online}>
            <span aria-hidden="true">{online ? '● ' : '⚠ '}</span>
            {online ? t('connectivity.online') : t('connectivity.offline')}
          </span>
        ) : null}
      </div>
    </header>
  );
}
