import { useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import './maintenance.css';

const HOLD_MS = 3000;

/**
 * The hidden way in: hold the top-left corner for 3 seconds on the attract
 * screen. Residents are never asked to long-press anything, no screen points
 * here, and it does nothing during a resident's session; the PIN is the lock.
 */
export function MaintenanceCorner() {
  const navigate = useNavigate();
  const location = useLocation();
  const timer = useRef<number | null>(null);
  if (location.pathname !== '/') return null;
  const cancel = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  return (
    <div
      className="maintenance-corner"
      aria-hidden="true"
      data-testid="maintenance-corner"
      onPointerDown={() => {
        cancel();
        timer.current = window.setTimeout(() => navigate('/maintenance/login'), HOLD_MS);
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(e) => e.preventDefault()}
    />
  );
}
