import { z } from 'zod';
import { event, method } from './define';

/**
 * The UI's heartbeat to the host's watchdog. A UI that stops sending it (hung
 * script, crashed renderer, white screen) is reloaded, then relaunched.
 */
export const watchdogMethods = {
  'ui.heartbeat': method({
    doc: 'The renderer is alive and drawing: sent every second or two.',
    input: z.object({ screen: z.string().max(80), seq: z.number().int().nonnegative() }).strict(),
    output: z.object({ intervalMs: z.number().int().positive() }),
  }),
} as const;

export const watchdogEvents = {
  'ui.reload': event({
    doc: 'The host asks the UI to reload itself (watchdog recovery or a remote restart-UI command).',
    payload: z.object({ reason: z.enum(['watchdog', 'remote-command', 'update']) }),
  }),
} as const;
