import HID from 'node-hid';
import { done, failed, type DeviceResult } from '../device';
import { HID_POS_USAGE_PAGE } from './hid-pos-reports';
import type { HidOpener, HidReportSource } from './hid-scanner';

/** `hid:0C2E:0B61` → vendor and product ids. */
export function parseHidAddress(spec: string): { vendorId: number; productId: number } | null {
  const m = /^hid:([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(spec);
  return m ? { vendorId: parseInt(m[1]!, 16), productId: parseInt(m[2]!, 16) } : null;
}

/**
 * Opens the scanner's HID POS interface (usage page 0x8C) with node-hid. A
 * scanner exposes several interfaces (keyboard, POS); only the POS one
 * carries scanned-data reports. Needs a udev rule (or root) on Linux.
 */
export function nodeHidOpener(spec: string): HidOpener {
  return async (): Promise<DeviceResult<HidReportSource>> => {
    const address = parseHidAddress(spec);
    if (!address) return failed('failure', 'HID-ADDRESS');
    let infos: HID.Device[];
    try {
      infos = await HID.devicesAsync(address.vendorId, address.productId);
    } catch {
      return failed('no-hardware', 'HID-ENUMERATE');
    }
    const pos = infos.find((d) => d.usagePage === HID_POS_USAGE_PAGE && d.path);
    if (!pos?.path) return failed('no-hardware', infos.length ? 'HID-NO-POS-INTERFACE' : 'HID-MISSING');
    try {
      const device = await HID.HIDAsync.open(pos.path);
      return done({
        onReport: (l) => device.on('data', (b: Buffer) => l(new Uint8Array(b))),
        onError: (l) => device.on('error', (e: Error) => l(e)),
        close: () => void device.close(),
      });
    } catch (e) {
      return failed(/permission|EACCES/i.test((e as Error).message) ? 'failure' : 'no-hardware', 'HID-OPEN');
    }
  };
}
