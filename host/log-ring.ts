import type { LogEntry, LogLevelName } from '../contract';

const LEVEL_NAMES: Record<number, LogLevelName> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const LEVEL_RANK: Record<LogLevelName, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/**
 * The last few thousand log lines in memory, for the maintenance live tail
 * and the diagnostics bundle. It is a pino destination, so it receives lines
 * after redaction: it can never hold more than the log file would.
 */
export class LogRing {
  private readonly entries: LogEntry[] = [];
  private nextSeq = 0;

  constructor(private readonly capacity = 2000) {}

  /** pino's destination interface: one JSON line per call. */
  write(line: string): boolean {
    for (const text of line.split('\n')) {
      if (text.trim()) this.push(text);
    }
    return true;
  }

  private push(text: string): void {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(text) as Record<string, unknown>;
    } catch {
      record = { level: 30, msg: text };
    }
    const { level, time, msg, ...rest } = record;
    const entry: LogEntry = {
      seq: this.nextSeq++,
      time: new Date(typeof time === 'number' ? time : Date.now()).toISOString(),
      level: LEVEL_NAMES[typeof level === 'number' ? level : 30] ?? 'info',
      msg: typeof msg === 'string' ? msg : '',
      fields: Object.keys(rest).length ? JSON.stringify(rest) : '',
    };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Lines at or above `level`, newer than `after`, oldest first, at most `limit` (the newest ones). */
  tail(options: { level?: LogLevelName; after?: number; limit?: number } = {}): LogEntry[] {
    const min = LEVEL_RANK[options.level ?? 'trace'];
    const after = options.after ?? -1;
    const picked = this.entries.filter((e) => e.seq > after && LEVEL_RANK[e.level] >= min);
    return picked.slice(-(options.limit ?? 200));
  }

  /** Everything held, as JSON lines, for the diagnostics bundle. */
  dump(): string {
    return this.entries.map((e) => JSON.stringify(e)).join('\n') + (this.entries.length ? '\n' : '');
  }
}
