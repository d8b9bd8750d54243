import type { DeviceStatus } from '../../contract';
import type { Device } from './device';
import { TypedEmitter } from './emitter';

interface ManagerEvents extends Record<string, unknown> {
  status: DeviceStatus;
}

/**
 * Every configured peripheral, whatever its kind. The host adds the devices
 * its configuration names, calls `start()`, and forwards `status` events to
 * the Kiosk API (`device.status`). A device that is missing at start is still
 * listed (power offline) and keeps being re-probed by its own driver.
 */
export class DeviceManager extends TypedEmitter<ManagerEvents> {
  private readonly devices = new Map<string, Device<unknown>>();
  private readonly unsubscribe = new Map<string, () => void>();

  add<D extends Device<unknown>>(device: D): D {
    if (this.devices.has(device.id)) throw new Error(`device id ${device.id} added twice`);
    this.devices.set(device.id, device);
    this.unsubscribe.set(device.id, device.on('statusUpdate', (s) => this.emit('status', s)));
    return device;
  }

  get(id: string): Device<unknown> | undefined {
    return this.devices.get(id);
  }

  list(): DeviceStatus[] {
    return [...this.devices.values()].map((d) => d.status());
  }

  /** open → claim → enable each device; one device failing never stops the others. */
  async start(): Promise<void> {
    await Promise.all(
      [...this.devices.values()].map(async (d) => {
        const opened = await d.open();
        if (!opened.ok) return;
        if (d.claim().ok) d.enable();
      }),
    );
  }

  async stop(): Promise<void> {
    await Promise.all([...this.devices.values()].map((d) => d.close()));
    for (const off of this.unsubscribe.values()) off();
    this.unsubscribe.clear();
  }
}
