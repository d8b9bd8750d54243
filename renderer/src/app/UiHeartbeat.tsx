import { useEffect } from 'react';
import { useKiosk } from './kiosk-context';

/**
 * Tells the host's watchdog the UI is alive. Beats are sent from an animation
 * frame, so a page whose script or rendering is stuck falls silent even if a
 * timer could still fire. The host answers a silence with `ui.reload`.
 */
export function UiHeartbeat() {
  const { client } = useKiosk();
  useEffect(() => {
    let stopped = false;
    let seq = 0;
    let intervalMs = 1000;
    let timer = 0;
    const beat = () => {
      if (stopped) return;
      // A hidden page gets no animation frames at all; it still beats (a hidden kiosk window is not a hung one).
      const onFrame = document.hidden ? (cb: () => void) => cb() : (cb: () => void) => window.requestAnimationFrame(cb);
      onFrame(() => {
        if (stopped) return;
        void client.api['ui.heartbeat']({ screen: window.location.pathname.slice(0, 80), seq: seq++ }).then((r) => {
          if (r.ok) intervalMs = r.value.intervalMs;
          if (!stopped) timer = window.setTimeout(beat, intervalMs);
        });
      });
    };
    beat();
    const off = client.on('ui.reload', () => window.location.reload());
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      off();
    };
  }, [client]);
  return null;
}
