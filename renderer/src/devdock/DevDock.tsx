import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import { DEV_DOCK_SECTIONS } from './sections';
import './devdock.css';

/**
 * Try the kiosk without hardware: a tab at the right edge that opens a panel
 * of simulator controls. Rendered only in demo mode; the host refuses its
 * methods in production anyway.
 */
export function DevDock() {
  const { t } = useTranslation();
  const { info } = useKiosk();
  const [open, setOpen] = useState(false);
  if (info.mode !== 'demo') return null;
  return (
    <aside className={open ? 'devdock open' : 'devdock'} aria-label={t('devices.dock.title')} data-testid="devdock">
      <button
        type="button"
        className="devdock-tab"
        aria-expanded={open}
        aria-controls="devdock-panel"
        onClick={() => setOpen(!open)}
        data-testid="devdock-toggle"
      >
        {open ? t('devices.dock.close') : t('devices.dock.open')}
      </button>
      {open && (
        <div id="devdock-panel" className="devdock-panel">
          <h2 className="devdock-title">{t('devices.dock.title')}</h2>
          {DEV_DOCK_SECTIONS.map(({ id, titleKey, Component }) => (
            <section key={id} className="devdock-section" aria-labelledby={`devdock-${id}`} data-testid={`devdock-section-${id}`}>
              <h3 id={`devdock-${id}`}>{t(titleKey)}</h3>
              <Component />
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}
