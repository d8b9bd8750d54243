import { Device, SerialLink, done, failed, type DeviceResult, type DeviceTimings, type HealthLevel, type HealthReport } from '../device';
import type { ScannedCode } from './scanned-code';
import { ScannerLineReader } from './serial-lines';

export interface SerialScannerOptions {
  readonly id?: string;
  readonly path: string;
  readonly baudRate: number;
  readonly source?: 'sim' | 'serial';
  readonly timings?: Partial<DeviceTimings>;
}

/**
 * A barcode scanner on a serial port (RS-232 or USB CDC): codes arrive as
 * lines. A scanner never answers a query, so an open port is all the health
 * there is; garbage lines are counted and shown to technicians, not passed on.
 */
export class SerialScanner extends Device<ScannedCode> {
  private link: SerialLink | null = null;
  private readonly reader: ScannerLineReader;

  constructor(private readonly options: SerialScannerOptions) {
    super({ id: options.id ?? 'scanner', kind: 'scanner', name: '条码扫描器', source: options.source ?? 'serial', path: options.path }, options.timings);
    this.reader = new ScannerLineReader((outcome) => {
      if (!this.isEnabled) return;
      if (outcome.ok) {
        this.seen();
        this.count('scans');
        this.publishData({ ...outcome.code, source: 'serial' });
      } else {
        this.count('rejectedLines');
        this.setCondition('lastRejected', outcome.reason);
      }
    });
  }

  protected async connect(): Promise<DeviceResult<void>> {
    const opened = await SerialLink.open(this.options.path, this.options.baudRate, {
      onBytes: (chunk) => this.reader.push(chunk),
      onLost: (reason) => this.portLost(`PORT-LOST: ${reason}`),
    });
    if (!opened.ok) return opened;
    this.link = opened.value;
    return done(undefined);
  }

  protected async disconnect(): Promise<void> {
    const link = this.link;
    this.link = null;
    await link?.close();
  }

  protected async probe(level: HealthLevel): Promise<DeviceResult<HealthReport>> {
    if (!this.link?.isOpen) return failed('offline', 'PORT-GONE');
    return done({ level, healthy: true, detail: level === 'internal' ? 'port open' : 'port open (scan a code to test)' });
  }
}
