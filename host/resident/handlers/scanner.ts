import { err, ok } from '../../../contract';
import type { SimulatedSerialScanner } from '../../../drivers/scanner/sim/serial-scanner-sim';
import type { ScanHub } from '../scans';
import type { HandlerTable } from '../../api/dispatch';

export function scannerHandlers(hub: ScanHub, simulator: SimulatedSerialScanner | null): Pick<HandlerTable, 'scanner.report' | 'scanner.recent' | 'scanner.simulate'> {
  return {
    'scanner.report': (input) => ok(hub.publish(input)),
    'scanner.recent': () => ok(hub.recent()),
    'scanner.simulate': async ({ text, aim }) => {
      if (!simulator) return err('not-found', '没有模拟扫码器', { detail: 'scanner.simulate: scanner is not the simulator' });
      return ok({ sent: await simulator.scan(text, aim ? { aim } : {}) });
    },
  };
}
