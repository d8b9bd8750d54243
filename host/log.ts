import pino, { type Logger } from 'pino';
import type { LogRing } from './log-ring';

/**
 * Structured logs that never hold personal data. Redaction is the last line
 * of defence: code should not put a name, ID number or address in a log line
 * in the first place.
 */
export const REDACTED_KEYS = [
  'name',
  'nameEn',
  'idNumber',
  'address',
  'birthDate',
  'phone',
  'mobile',
  'identity',
  'photo',
  'token',
  'pin',
] as const;

export function createLogger(options: { level?: string; destination?: pino.DestinationStream; ring?: LogRing } = {}): Logger {
  // Root-level `name` is pino's logger name; personal names only ever appear nested.
  const paths = REDACTED_KEYS.flatMap((k): string[] => [...(k === 'name' ? [] : [k]), `*.${k}`, `*.*.${k}`]);
  return pino(
    {
      name: 'kiosk',
      level: options.level ?? 'info',
      redact: { paths, censor: '[redacted]' },
      base: undefined,
    },
    withRing(options.destination ?? pino.destination({ dest: 2, sync: false }), options.ring),
  );
}

export type { Logger };

/** The ring (maintenance live tail) receives every line the logger lets through, after redaction. */
function withRing(destination: pino.DestinationStream, ring: LogRing | undefined): pino.DestinationStream {
  if (!ring) return destination;
  return pino.multistream([
    { stream: destination, level: 'trace' },
    { stream: ring, level: 'trace' },
  ]);
}
