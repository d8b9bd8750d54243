import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useKiosk } from '../app/kiosk-context';

/** Dev dock: make the simulated serial scanner read a code; open the scan test screen. */
export function ScannerDockSection() {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const navigate = useNavigate();
  const [text, setText] = useState('SX-DEV-0001-000001');
  const [note, setNote] = useState('');
  const scan = async () => {
    const r = await client.api['scanner.simulate']({ text, aim: ']C0' });
    setNote(r.ok ? t('scan.dock.sent', { text }) : r.message);
  };
  return (
    <div className="devdock-scanner">
      <label htmlFor="dock-scan-text">{t('scan.dock.code')}</label>
      <input id="dock-scan-text" value={text} onChange={(e) => setText(e.target.value)} data-testid="dock-scan-text" />
      <ul className="devdock-buttons">
        <li>
          <button type="button" onClick={() => void scan()} data-testid="dock-scan">
            {t('scan.dock.scan')}
          </button>
        </li>
        <li>
          <button type="button" onClick={() => void navigate('/scan-test')} data-testid="dock-scan-test">
            {t('scan.dock.test')}
          </button>
        </li>
      </ul>
      <p className="devdock-note" role="status">
        {note}
      </p>
    </div>
  );
}
