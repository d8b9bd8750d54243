import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import './devdock.css';

// The sections (and the contract's schemas they use) load when the dock is first opened, not with the first screen.
const DevDockPanel = lazy(() => import('./DevDockPanel').then((m) => ({ default: m.DevDockPanel })));

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
        <Suspense fallback={<div id="devdock-panel" className="devdock-panel" aria-busy="true" />}>
          <DevDockPanel />
        </Suspense>
      )}
    </aside>
  );
}
