import { Device, done, failed, type DeviceResult, type DeviceTimings, type HealthLevel, type HealthReport } from '../device';
import { HidPosAssembler, type HidPosLayout } from './hid-pos-reports';
import type { ScannedCode } from './scanned-code';

/** What the scanner needs of a HID device: input reports, an error on unplug, close. */
export interface HidReportSource {
  onReport(listener: (report: Uint8Array) => void): void;
  onError(listener: (e: Error) => void): void;
  close(): void;
}

/** Opens the HID interface; a value, not an exception, when it is not there. */
export type HidOpener = () => Promise<DeviceResult<HidReportSource>>;

export interface HidScannerOptions {
  readonly id?: string;
  /** `hid:VID:PID` as configured, for the dashboard. */
  readonly path: string;
  readonly layout: HidPosLayout;
  readonly open: HidOpener;
  readonly timings?: Partial<DeviceTimings>;
}

/**
 * A USB HID POS scanner (usage page 0x8C) through node-hid. node-hid has no
 * attach/detach events: an unplug surfaces as an `error`, and the device base
 * re-opens with backoff until the scanner is back.
 */
export class HidScanner extends Device<ScannedCode> {
  private source: HidReportSource | null = null;
  private readonly assembler: HidPosAssembler;

  constructor(private readonly options: HidScannerOptions) {
    super({ id: options.id ?? 'scanner', kind: 'scanner', name: '条码扫描器', source: 'hid', path: options.path }, options.timings);
    this.assembler = new HidPosAssembler(options.layout, (outcome) => {
      if (!this.isEnabled) return;
      if (outcome.ok) {
        this.seen();
        this.count('scans');
        this.publishData({ ...outcome.code, source: 'hid' });
      } else {
        this.count('rejectedReports');
        this.setCondition('lastRejected', outcome.reason);
      }
    });
  }

  protected async connect(): Promise<DeviceResult<void>> {
    const opened = await this.options.open();
    if (!opened.ok) return opened;
    const source = opened.value;
    this.source = source;
    source.onReport((r) => this.assembler.push(r));
    source.onError((e) => this.portLost(`HID-ERROR: ${e.message}`));
    return done(undefined);
  }

  protected async disconnect(): Promise<void> {
    const s = this.source;
    this.source = null;
    try {
      s?.close();
    } catch {
      // already gone with the unplug
    }
  }

  protected async probe(level: HealthLevel): Promise<DeviceResult<HealthReport>> {
    if (!this.source) return failed('offline', 'HID-GONE');
    return done({ level, healthy: true, detail: 'HID interface open' });
  }
}
