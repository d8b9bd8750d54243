import type { KioskConfig } from '../config';
import type { Device } from '../../drivers/device';
import { ReceiptPrinter } from '../../drivers/printer/receipt-printer';
import { paperGeometry } from '../../drivers/printer/receipt/layout';
import { startSimulatedPrinter, type SimulatedPrinter } from '../../drivers/printer/sim/pty-sim';
import type { VirtualPrinter } from '../../drivers/printer/sim/virtual-printer';
import { HidScanner } from '../../drivers/scanner/hid-scanner';
import { nodeHidOpener } from '../../drivers/scanner/node-hid-source';
import type { ScannedCode } from '../../drivers/scanner/scanned-code';
import { SerialScanner } from '../../drivers/scanner/serial-scanner';
import { startSimulatedSerialScanner, type SimulatedSerialScanner } from '../../drivers/scanner/sim/serial-scanner-sim';

export interface ReceiptDevices {
  readonly printer: ReceiptPrinter | null;
  /** Set when `devices.printer` is `sim`: the dev dock drives it. */
  readonly virtualPrinter: VirtualPrinter | null;
  readonly scanner: Device<ScannedCode> | null;
  readonly scannerSimulator: SimulatedSerialScanner | null;
  close(): Promise<void>;
}

/**
 * Chooses, once, real or simulated printer and scanner from the
 * configuration. Simulators sit behind real ptys, so the drivers run the
 * same code either way. `auto` means: no device until a technician names
 * the port (printers and serial scanners cannot be told apart by probing
 * without printing or waiting for a scan).
 */
export async function createReceiptDevices(devices: KioskConfig['devices']): Promise<ReceiptDevices> {
  let simPrinter: SimulatedPrinter | null = null;
  let printer: ReceiptPrinter | null = null;
  if (devices.printer === 'sim') {
    simPrinter = await startSimulatedPrinter({ paperDots: paperGeometry(devices.paperWidthMm).widthDots, baudRate: devices.printerBaud });
    printer = new ReceiptPrinter({ path: simPrinter.path, baudRate: devices.printerBaud, source: 'sim' });
  } else if (devices.printer !== 'none' && devices.printer !== 'auto' && !devices.printer.startsWith('hid:')) {
    printer = new ReceiptPrinter({ path: devices.printer, baudRate: devices.printerBaud });
  }

  let simScanner: SimulatedSerialScanner | null = null;
  let scanner: Device<ScannedCode> | null = null;
  if (devices.scanner === 'sim') {
    simScanner = await startSimulatedSerialScanner(devices.scannerBaud);
    scanner = new SerialScanner({ path: simScanner.path, baudRate: devices.scannerBaud, source: 'sim' });
  } else if (devices.scanner.startsWith('hid:')) {
    scanner = new HidScanner({ path: devices.scanner, layout: 'aim', open: nodeHidOpener(devices.scanner) });
  } else if (devices.scanner !== 'none' && devices.scanner !== 'auto') {
    scanner = new SerialScanner({ path: devices.scanner, baudRate: devices.scannerBaud });
  }

  return {
    printer,
    virtualPrinter: simPrinter?.printer ?? null,
    scanner,
    scannerSimulator: simScanner,
    async close() {
      await printer?.close();
      await scanner?.close();
      await simPrinter?.close();
      await simScanner?.close();
    },
  };
}
