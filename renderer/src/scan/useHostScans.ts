import { useEffect, useRef } from 'react';
import type { Scanned } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';

/** Every scan from any scanner, as the host publishes it (`scanner.scanned`). */
export function useHostScans(onScan: (scan: Scanned) => void): void {
  const { client } = useKiosk();
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => client.on('scanner.scanned', (s) => handler.current(s)), [client]);
}
