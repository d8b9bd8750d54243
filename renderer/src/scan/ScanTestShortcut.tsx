import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useKiosk } from '../app/kiosk-context';

/**
 * Demo mode only: Ctrl+Alt+S opens the scan test screen (technicians,
 * e2e tests) until the dev dock links it. Renders nothing, so no screen
 * gains an element residents could stumble on.
 */
export function ScanTestShortcut() {
  const { info } = useKiosk();
  const navigate = useNavigate();
  useEffect(() => {
    if (info.mode !== 'demo') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.altKey && (e.key === 's' || e.key === 'S' || e.code === 'KeyS')) {
        e.preventDefault();
        void navigate('/scan-test');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [info.mode, navigate]);
  return null;
}
