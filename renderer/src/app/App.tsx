import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { StaffProvider } from '../assisted/staff';
import { ActionBar } from '../components/ActionBar';
import { StatusBar } from '../components/StatusBar';
import { CardWatcher } from '../devices/CardWatcher';
import { MaintenanceCorner } from '../maintenance/MaintenanceCorner';
import { MaintenanceProvider } from '../maintenance/maintenance-session';
import { CardRemovedPrompt } from '../privacy/CardRemovedPrompt';
import { IdleGuard } from '../privacy/IdleGuard';
import { VisitRouter } from '../privacy/VisitRouter';
import { AttractScreen } from '../screens/AttractScreen';
import { ScanTestShortcut } from '../scan/ScanTestShortcut';
import { VideoHelp } from '../video/VideoHelp';
import { afterPageLoad } from './after-load';
import { useKiosk } from './kiosk-context';
import { UiHeartbeat } from './UiHeartbeat';

/**
 * Every screen but the attract screen is its own chunk, loaded when first shown (and fetched ahead once
 * the attract screen is up): the first load carries only what the attract screen needs — the journeys,
 * keyboard and handwriting, camera decoder, maintenance and the demo dock come after (docs/packaging.md
 * "Start-up").
 */
const SCREENS = {
  home: () => import('../screens/HomeScreen').then((m) => ({ default: m.HomeScreen })),
  help: () => import('../screens/HelpScreen').then((m) => ({ default: m.HelpScreen })),
  journey: () => import('../journey/JourneyScreen').then((m) => ({ default: m.JourneyScreen })),
  progress: () => import('../screens/ProgressScreen').then((m) => ({ default: m.ProgressScreen })),
  appointments: () => import('../screens/AppointmentScreen').then((m) => ({ default: m.AppointmentScreen })),
  feedback: () => import('../screens/FeedbackScreen').then((m) => ({ default: m.FeedbackScreen })),
  assisted: () => import('../screens/AssistedScreen').then((m) => ({ default: m.AssistedScreen })),
  pin: () => import('../maintenance/PinScreen').then((m) => ({ default: m.PinScreen })),
  dashboard: () => import('../maintenance/DashboardScreen').then((m) => ({ default: m.DashboardScreen })),
  scanTest: () => import('../scan/ScanTestScreen').then((m) => ({ default: m.ScanTestScreen })),
  devDock: () => import('../devdock/DevDock').then((m) => ({ default: m.DevDock })),
} satisfies Record<string, () => Promise<{ default: ComponentType }>>;

const HomeScreen = lazy(SCREENS.home);
const HelpScreen = lazy(SCREENS.help);
const JourneyScreen = lazy(SCREENS.journey);
const ProgressScreen = lazy(SCREENS.progress);
const AppointmentScreen = lazy(SCREENS.appointments);
const FeedbackScreen = lazy(SCREENS.feedback);
const AssistedScreen = lazy(SCREENS.assisted);
const PinScreen = lazy(SCREENS.pin);
const DashboardScreen = lazy(SCREENS.dashboard);
const ScanTestScreen = lazy(SCREENS.scanTest);
const DevDock = lazy(SCREENS.devDock);

/**
 * Once the page has loaded (its own script, styles and fonts first) and the browser is idle: the resident's
 * next screens, so a touch never waits for a download.
 */
function usePrefetchScreens(demo: boolean): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    let handle: number | null = null;
    const prefetch = () => {
      handle = idle(() => {
        for (const load of [SCREENS.home, SCREENS.journey, SCREENS.help, SCREENS.progress, SCREENS.appointments, SCREENS.feedback, SCREENS.assisted, ...(demo ? [SCREENS.devDock] : [])]) void load().catch(() => undefined);
      });
    };
    const cancel = afterPageLoad(prefetch);
    return () => {
      cancel();
      if (handle !== null) (window.cancelIdleCallback ?? window.clearTimeout)(handle);
    };
  }, [demo]);
}

/** Screens live in memory routes: a kiosk has no address bar and nothing to bookmark. */
export function App() {
  const { t } = useTranslation();
  const { info } = useKiosk();
  const demo = info.mode === 'demo';
  usePrefetchScreens(demo);
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
          <Suspense fallback={<div className="screen-loading" aria-busy="true" />}>
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
          </Suspense>
        </main>
        <CardWatcher />
        <CardRemovedPrompt />
        <ActionBar />
        <VideoHelp />
        <IdleGuard />
        <MaintenanceCorner />
        <UiHeartbeat />
        <ScanTestShortcut />
        {/* The simulated devices' dock: demo only (a production kiosk never loads its code). */}
        {demo && (
          <Suspense fallback={null}>
            <DevDock />
          </Suspense>
        )}
      </div>
      </StaffProvider>
      </MaintenanceProvider>
    </VisitRouter>
  );
}
