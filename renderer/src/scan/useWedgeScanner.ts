import { useEffect, useRef } from 'react';
import { DEFAULT_WEDGE, WedgeDetector, type WedgeOptions } from './wedge';

/**
 * Listens to the whole window for keyboard-wedge scans. Typing goes where
 * it was going; only the suffix key of a recognised scan is stopped, so it
 * does not also press a focused button.
 */
export function useWedgeScanner(onScan: (text: string) => void, options: WedgeOptions = DEFAULT_WEDGE, enabled = true): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector(options);
    const onKey = (e: KeyboardEvent) => {
      const text = detector.key(e.key, e.timeStamp);
      if (text === null) return;
      e.preventDefault();
      e.stopPropagation();
      handler.current(text);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, options]);
}
