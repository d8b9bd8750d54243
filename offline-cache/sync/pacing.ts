import { DEFAULT_BACKOFF, type BackoffPolicy, type Random } from '../outbox/backoff';

/**
 * When the sync engine tries next. Shared by the engine and the
 * reconnect-herd benchmark, so the benchmark measures the code that runs.
 *
 * * After a failure: full jitter over min(cap, base·2^(n−1)); from the
 *   `herdAfterFailures`-th failure on, the window is at least
 *   `reconnectSpreadMs`. A blip of a second or two is retried at once; an
 *   outage long enough that the whole fleet noticed ends with the fleet
 *   spread over half a minute or more, not arriving in the same second.
 * * The platform seen again by the health probe after an outage: the wait
 *   in progress is cut to a uniform draw over `returnSpreadMs` (never
 *   lengthened), so a long outage does not leave the queue waiting out a
 *   backoff of many minutes with the platform back, and the fleet still
 *   returns spread out.
 * * `Retry-After` is a floor, plus jitter.
 * * Idle: the earlier of the next due item and the status-poll interval.
 */
export interface PacingPolicy {
  readonly backoff: BackoffPolicy;
  readonly reconnectSpreadMs: number;
  readonly herdAfterFailures: number;
  readonly idlePollMs: number;
  readonly returnSpreadMs: number;
}

export const DEFAULT_PACING: PacingPolicy = {
  backoff: DEFAULT_BACKOFF,
  reconnectSpreadMs: 30_000,
  herdAfterFailures: 3,
  idlePollMs: 30_000,
  returnSpreadMs: 120_000,
};

export function failureWindow(failures: number, p: PacingPolicy = DEFAULT_PACING): number {
  const exp = Math.min(p.backoff.capMs, p.backoff.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 40));
  return failures >= p.herdAfterFailures ? Math.min(p.backoff.capMs, Math.max(exp, p.reconnectSpreadMs)) : exp;
}

export function waitAfterFailure(failures: number, retryAfterMs: number | null, p: PacingPolicy = DEFAULT_PACING, random: Random = Math.random): number {
  const jitter = Math.floor(random() * failureWindow(failures, p));
  if (retryAfterMs === null) return jitter;
  return retryAfterMs + Math.floor(random() * Math.min(retryAfterMs, p.backoff.capMs));
}

export function waitWhenIdle(dueInMs: number | null, p: PacingPolicy = DEFAULT_PACING): number {
  return dueInMs === null ? p.idlePollMs : Math.min(p.idlePollMs, Math.max(0, dueInMs));
}

/** The platform is back (health probe): the wait in progress ends this long from now, if that is sooner. */
export function waitAfterReturn(p: PacingPolicy = DEFAULT_PACING, random: Random = Math.random): number {
  return Math.floor(random() * p.returnSpreadMs);
}
