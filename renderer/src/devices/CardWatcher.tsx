import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useKiosk } from '../app/kiosk-context';
import './devices.css';

/**
 * A card presented on the attract screen starts the visit: the host has
 * already identified the session; go to the home screen, which greets the
 * resident. A card that could not be read is said in plain words, calmly,
 * until the next attempt.
 */
export function CardWatcher() {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const navigate = useNavigate();
  const location = useLocation();
  const [failure, setFailure] = useState<{ message: string; code: string } | null>(null);
  const [numberInvalid, setNumberInvalid] = useState(false);
  const onAttract = location.pathname === '/';

  useEffect(
    () =>
      client.on('idcard.presented', (p) => {
        setFailure(null);
        setNumberInvalid(!p.idNumberValid);
        if (onAttract) navigate('/home');
      }),
    [client, navigate, onAttract],
  );
  useEffect(() => client.on('idcard.readFailed', (p) => setFailure(p)), [client]);
  useEffect(() => client.on('idcard.removed', () => setFailure(null)), [client]);
  useEffect(() => client.on('session.changed', (s) => s === null && setNumberInvalid(false)), [client]);

  return (
    <div className="card-notices" role="status" aria-live="polite">
      {failure && (
        <p className="warning" data-testid="card-read-failed">
          {t('devices.card.readFailed', { message: failure.message, code: failure.code })}
        </p>
      )}
      {numberInvalid && (
        <p className="warning" data-testid="card-number-invalid">
          {t('devices.identity.numberInvalid')}
        </p>
      )}
    </div>
  );
}
