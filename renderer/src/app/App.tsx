import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { StaffProvider } from '../assisted/staff';
import { ActionBar } from '../components/ActionBar';
import { StatusBar } from '../components/StatusBar';
import { DevDock } from '../devdock/DevDock';
import { CardWatcher } from '../devices/CardWatcher';
import { JourneyScreen } from '../journey/JourneyScreen';
import { DashboardScreen } from '../maintenance/DashboardScreen';
import { MaintenanceCorner } from '../maintenance/MaintenanceCorner';
import { MaintenanceProvider } from '../maintenance/maintenance-session';
import { PinScreen } from '../maintenance/PinScreen';
import { CardRemovedPrompt } from '../privacy/CardRemovedPrompt';
import { IdleGuard } from '../privacy/IdleGuard';
import { VisitRouter } from '../privacy/VisitRouter';
import { AppointmentScreen } from '../screens/AppointmentScreen';
import { AssistedScreen } from '../screens/AssistedScreen';
import { AttractScreen } from '../screens/AttractScreen';
import { FeedbackScreen } from '../screens/FeedbackScreen';
import { HelpScreen } from '../screens/HelpScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { ProgressScreen } from '../screens/ProgressScreen';
import { ScanTestScreen } from '../scan/ScanTestScreen';
import { ScanTestShortcut } from '../scan/ScanTestShortcut';
import { VideoHelp } from '../video/VideoHelp';
import { UiHeartbeat } from './UiHeartbeat';

/** Screens live in memory routes: a kiosk has no address bar and nothing to bookmark. */
export function App() {
  const { t } = useTranslation();
  return (
    <VisitRouter>
      <MaintenanceProvider>
      <StaffProvider>
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
            <Route path="/journey/:thingId" element={<JourneyScreen />} />
            <Route path="/progress" element={<ProgressScreen />} />
            <Route path="/appointments" element={<AppointmentScreen />} />
            <Route path="/feedback" element={<FeedbackScreen />} />
            <Route path="/assisted" element={<AssistedScreen />} />
            <Route path="/maintenance/login" element={<PinScreen />} />
            <Route path="/maintenance" element={<DashboardScreen />} />
            <Route path="/scan-test" element={<ScanTestScreen />} />
          </Routes>
        </main>
        <CardWatcher />
        <CardRemovedPrompt />
        <ActionBar />
        <VideoHelp />
        <IdleGuard />
        <MaintenanceCorner />
        <UiHeartbeat />
        <ScanTestShortcut />
        <DevDock />
      </div>
      </StaffProvider>
      </MaintenanceProvider>
    </VisitRouter>
  );
}
