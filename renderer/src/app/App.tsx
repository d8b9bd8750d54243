import { useTranslation } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ActionBar } from '../components/ActionBar';
import { StatusBar } from '../components/StatusBar';
import { AttractScreen } from '../screens/AttractScreen';
import { HelpScreen } from '../screens/HelpScreen';
import { HomeScreen } from '../screens/HomeScreen';

/** Screens live in memory routes: a kiosk has no address bar and nothing to bookmark. */
export function App() {
  const { t } = useTranslation();
  return (
    <MemoryRouter>
      <div className="kiosk">
        <a className="skip-link" href="#main">
          {t('app.skip')}
        </a>
        <StatusBar />
        <main id="main" tabIndex={-1}>
          <Routes>
            <Route path="/" element={<AttractScreen />} />
            <Route path="/home" element={<HomeScreen />} />
            <Route path="/help" element={<HelpScreen />} />
          </Routes>
        </main>
        <ActionBar />
      </div>
    </MemoryRouter>
  );
}
