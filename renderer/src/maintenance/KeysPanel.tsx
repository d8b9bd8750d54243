import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyFingerprints } from '../../../contract';
import { useMaintenance } from './maintenance-session';

/** Kiosk id and key fingerprints, as `onething-kiosk-provision show` prints them, for the phone call with the platform operator. */
export function KeysPanel() {
  const { t } = useTranslation();
  const m = useMaintenance();
  const [keys, setKeys] = useState<KeyFingerprints | null>(null);
  useEffect(() => {
    void m.call('maintenance.keys', {}).then((r) => r.ok && setKeys(r.value));
  }, [m]);
  if (!keys) return null;
  return (
    <div className="panel" aria-labelledby="keys-heading" data-testid="keys-panel">
      <h2 id="keys-heading">{t('maintenance.keys.heading')}</h2>
      <p>{t('maintenance.keys.hint')}</p>
      <dl>
        <dt>{t('maintenance.keys.kioskId')}</dt>
        <dd data-testid="keys-kiosk-id">{keys.kioskId}</dd>
        <dt>{t('maintenance.keys.deviceKey')}</dt>
        <dd data-testid="keys-device">
          <code>{keys.deviceKey}</code>
        </dd>
        <dt>{t('maintenance.keys.platformKey')}</dt>
        <dd data-testid="keys-platform">
          {keys.platformKey ? <code>{keys.platformKey}</code> : t('maintenance.keys.none')} {keys.platformKeySource ? t(`maintenance.keys.${keys.platformKeySource}`) : ''}
        </dd>
        <dt>{t('maintenance.keys.platformSm2Key')}</dt>
        <dd data-testid="keys-platform-sm2">{keys.platformSm2Key ? <code>{keys.platformSm2Key}</code> : t('maintenance.keys.none')}</dd>
        <dt>{t('maintenance.keys.sealing')}</dt>
        <dd data-testid="keys-sealing">
          <code>{keys.keySealing}</code> {keys.keySealing.startsWith('file-0600') ? t('maintenance.keys.unsealed') : ''}
        </dd>
      </dl>
    </div>
  );
}
