import { afterEach, describe, expect, it } from 'vitest';
import { done, failed } from '../../../drivers/device';
import { aimLayoutReports } from '../../../drivers/scanner/hid-pos-reports';
import { HidScanner, type HidReportSource } from '../../../drivers/scanner/hid-scanner';
import type { ScannedCode } from '../../../drivers/scanner/scanned-code';
import { SerialScanner } from '../../../drivers/scanner/serial-scanner';
import { startSimulatedSerialScanner, type SimulatedSerialScanner } from '../../../drivers/scanner/sim/serial-scanner-sim';

const fast = { callMs: 2000, backoff: { initialMs: 30, maxMs: 150, factor: 2 } };

describe('serial scanner over a socat pty', () => {
  let sim: SimulatedSerialScanner;
  let scanner: SerialScanner;
  afterEach(async () => {
    await scanner?.close();
    await sim?.close();
  });

  it('publishes codes with symbology and source, ignores noise, survives unplug/replug', async () => {
    sim = await startSimulatedSerialScanner();
    scanner = new SerialScanner({ path: sim.path, baudRate: 9600, timings: fast });
    const seen: ScannedCode[] = [];
    scanner.on('data', (c) => seen.push(c));
    await scanner.open();
    scanner.claim();
    scanner.enable();
    await sim.scan('SX2611260001', { aim: ']C0' });
    await sim.sendRaw(Uint8Array.of(0x00, 0x01, 0xfe, 0x0d));
    await sim.scan('https://x.cn/q?n=SX2611260001', { aim: ']Q1', suffix: '\r' });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toEqual([
      { symbology: 'code128', text: 'SX2611260001', source: 'serial' },
      { symbology: 'qr', text: 'https://x.cn/q?n=SX2611260001', source: 'serial' },
    ]);
    expect(scanner.status().counters['rejectedLines']).toBe(1);

    await sim.pty.unplug();
    await expect.poll(() => scanner.status().power).toBe('offline');
    await sim.pty.replug();
    await sim.reattach();
    await expect.poll(() => scanner.status().power, { timeout: 10_000 }).toBe('online');
    await sim.scan('AFTER-REPLUG');
    await expect.poll(() => seen.at(-1)?.text).toBe('AFTER-REPLUG');
  });
});

/** A HID device in-process: Linux here has no /dev/uhid, so reports are fed at the report level. */
class ReportFeed implements HidReportSource {
  private report: (r: Uint8Array) => void = () => undefined;
  private error: (e: Error) => void = () => undefined;
  closed = false;
  onReport(l: (r: Uint8Array) => void) {
    this.report = l;
  }
  onError(l: (e: Error) => void) {
    this.error = l;
  }
  close() {
    this.closed = true;
  }
  feed(r: Uint8Array) {
    this.report(r);
  }
  unplug() {
    this.error(new Error('could not read from HID device'));
  }
}

describe('HID POS scanner', () => {
  it('turns a report stream into codes and re-opens after node-hid reports an error (unplug)', async () => {
    const feeds: ReportFeed[] = [];
    let present = true;
    const scanner = new HidScanner({
      path: 'hid:0C2E:0B61',
      layout: 'aim',
      timings: fast,
      open: async () => {
        if (!present) return failed('no-hardware', 'HID-MISSING');
        const f = new ReportFeed();
        feeds.push(f);
        return done(f);
      },
    });
    const seen: ScannedCode[] = [];
    scanner.on('data', (c) => seen.push(c));
    await scanner.open();
    scanner.claim();
    scanner.enable();
    const long = 'https://kiosk.example.gov.cn/q?n=SX2611260001&padding=' + 'x'.repeat(80);
    for (const r of aimLayoutReports(']Q1', long)) feeds[0]!.feed(r);
    expect(seen).toEqual([{ symbology: 'qr', text: long, source: 'hid' }]);

    present = false;
    feeds[0]!.unplug();
    expect(scanner.status().power).toBe('offline');
    await expect.poll(() => scanner.status().counters['reconnectAttempts'] ?? 0).toBeGreaterThan(0);
    present = true;
    await expect.poll(() => scanner.status().power).toBe('online');
    for (const r of aimLayoutReports(']C0', 'SX2611260002')) feeds[1]!.feed(r);
    expect(seen.at(-1)).toEqual({ symbology: 'code128', text: 'SX2611260002', source: 'hid' });
    await scanner.close();
  });
});
