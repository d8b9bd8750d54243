import { z } from 'zod';
import { event, method } from './define';

export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

export const SystemInfoSchema = z.object({
  kioskId: z.string(),
  servicePoint: z.string(),
  version: z.string(),
  /** demo: simulated devices and the dev dock; production: neither. */
  mode: z.enum(['demo', 'production']),
  hotline: z.string(),
  locale: LocaleSchema,
  elderlyDefault: z.boolean(),
  idleSeconds: z.number().int().positive(),
  countdownSeconds: z.number().int().positive(),
  bootedAt: z.string(),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

export const ConnectivitySchema = z.object({
  online: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  lastCheckAt: z.string().nullable(),
  latencyMs: z.number().nullable(),
});
export type Connectivity = z.infer<typeof ConnectivitySchema>;

export const systemMethods = {
  'system.info': method({
    doc: 'Kiosk identity, mode and UI defaults.',
    input: z.object({}).strict(),
    output: SystemInfoSchema,
  }),
  'system.ping': method({
    doc: 'Round trip check; echoes a nonce with the host clock.',
    input: z.object({ nonce: z.string().min(1).max(64) }).strict(),
    output: z.object({ nonce: z.string(), hostTime: z.string() }),
  }),
  'system.connectivity': method({
    doc: 'Current reachability of the provincial platform.',
    input: z.object({}).strict(),
    output: ConnectivitySchema,
  }),
} as const;

export const systemEvents = {
  'system.connectivity': event({
    sticky: true,
    doc: 'Platform reachability changed.',
    payload: ConnectivitySchema,
  }),
} as const;
