import { readMeta, writeMeta, type Db } from './store/database';

/**
 * The case clock: wall time plus an offset tests and demos can push forward
 * (`POST /admin/clock/advance`). It drives status progression only; request
 * signatures are checked against the real wall clock.
 */
export class CaseClock {
  private offsetMs: number;

  constructor(private readonly db: Db) {
    this.offsetMs = Number(readMeta(db, 'clock.offsetMs') ?? '0');
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    writeMeta(this.db, 'clock.offsetMs', String(this.offsetMs));
  }

  offset(): number {
    return this.offsetMs;
  }
}
