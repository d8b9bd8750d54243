import { useTranslation } from 'react-i18next';
import { DEV_DOCK_SECTIONS } from './sections';

/** The open dock: one section per simulated peripheral (sections.tsx). */
export function DevDockPanel() {
  const { t } = useTranslation();
  return (
    <div id="devdock-panel" className="devdock-panel">
      <h2 className="devdock-title">{t('devices.dock.title')}</h2>
      {DEV_DOCK_SECTIONS.map(({ id, titleKey, Component }) => (
        <section key={id} className="devdock-section" aria-labelledby={`devdock-${id}`} data-testid={`devdock-section-${id}`}>
          <h3 id={`devdock-${id}`}>{t(titleKey)}</h3>
          <Component />
        </section>
      ))}
    </div>
  );
}
