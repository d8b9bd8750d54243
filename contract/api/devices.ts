import { z } from 'zod';
import { DeviceStatusSchema } from '../devices';
import { event, method } from './define';

export const devicesMethods = {
  'devices.list': method({
    doc: 'Status of every configured peripheral.',
    input: z.object({}).strict(),
    output: z.array(DeviceStatusSchema),
  }),
} as const;

export const devicesEvents = {
  'device.status': event({
    doc: 'A peripheral changed state, power or condition (paper, cover…).',
    payload: DeviceStatusSchema,
  }),
} as const;
