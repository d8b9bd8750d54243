import { ok, type DeviceStatus } from '../../../contract';
import type { HandlerTable } from '../../api/dispatch';

/** What the host needs from the device layer; the drivers' DeviceManager provides it. */
export interface DeviceDirectory {
  list(): readonly DeviceStatus[];
}

export function devicesHandlers(devices: DeviceDirectory): Pick<HandlerTable, 'devices.list'> {
  return {
    'devices.list': () => ok([...devices.list()]),
  };
}
