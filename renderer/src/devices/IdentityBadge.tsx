import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';

/** In the status bar on every screen: who is identified, masked (张*三 140…1234). */
export function IdentityBadge() {
  const { t } = useTranslation();
  const { session } = useKiosk();
  const identity = session?.identity;
  if (!identity) return null;
  return (
    <span className="pill pill-identity" data-testid="status-identity">
      <span className="sr-only">{t('devices.identity.badgeLabel')}：</span>
      <span className="photo-placeholder" role="img" aria-label={t('devices.identity.photo')}>
        👤
      </span>
      {t('devices.identity.badge', { name: identity.name, id: identity.idNumber })}
    </span>
  );
}
