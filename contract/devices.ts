import { z } from 'zod';

/** Device model after UnifiedPOS: every peripheral reports the same shape. */
export const DeviceKindSchema = z.enum(['idcard', 'printer', 'scanner', 'camera', 'a4-printer']);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

export const DeviceStateSchema = z.enum(['closed', 'idle', 'busy', 'error']);
export type DeviceState = z.infer<typeof DeviceStateSchema>;

export const PowerStateSchema = z.enum(['online', 'off', 'offline', 'unknown']);
export type PowerState = z.infer<typeof PowerStateSchema>;

export const DeviceErrorCodeSchema = z.enum([
  'no-hardware',
  'offline',
  'timeout',
  'busy',
  'failure',
  'extended',
]);
export type DeviceErrorCode = z.infer<typeof DeviceErrorCodeSchema>;

export const DeviceErrorSchema = z.object({
  code: DeviceErrorCodeSchema,
  /** Technician-facing, stable: e.g. `SW3-41`, `PAPER-END`. */
  extended: z.string().optional(),
  message: z.string(),
  at: z.string(),
});
export type DeviceError = z.infer<typeof DeviceErrorSchema>;

export const DeviceStatusSchema = z.object({
  id: z.string(),
  kind: DeviceKindSchema,
  /** Human name for the dashboard, e.g. 身份证阅读器. */
  name: z.string(),
  source: z.enum(['sim', 'serial', 'hid', 'usb', 'keyboard', 'camera', 'none', 'ipp']),
  path: z.string().nullable(),
  state: DeviceStateSchema,
  power: PowerStateSchema,
  claimed: z.boolean(),
  enabled: z.boolean(),
  lastError: DeviceErrorSchema.nullable(),
  /** Kind-specific conditions, e.g. paper: 'ok' | 'near-end' | 'end', cover: 'open'. */
  conditions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  counters: z.record(z.string(), z.number()),
  lastSeenAt: z.string().nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;
