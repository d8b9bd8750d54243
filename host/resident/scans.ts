import type { Scanned, ScanSource, Symbology } from '../../contract';
import type { EventBus } from '../api/events';
import type { SessionService } from './session';

/**
 * Every scanner kind — serial, USB HID POS, keyboard wedge, camera — ends
 * here and leaves as one `scanner.scanned` event. The few most recent are
 * kept for the dev dock, and forgotten when the session ends.
 */
export class ScanHub {
  private readonly recentScans: Scanned[] = [];

  constructor(
    private readonly bus: EventBus,
    session: SessionService,
    private readonly keep = 10,
  ) {
    session.onEnd(() => {
      this.recentScans.length = 0;
    });
  }

  publish(code: { symbology: Symbology; text: string; source: ScanSource }): Scanned {
    const scanned: Scanned = { symbology: code.symbology, text: code.text, source: code.source, at: new Date().toISOString() };
    this.recentScans.push(scanned);
    if (this.recentScans.length > this.keep) this.recentScans.shift();
    this.bus.emit('scanner.scanned', scanned);
    return scanned;
  }

  recent(): Scanned[] {
    return [...this.recentScans];
  }
}
