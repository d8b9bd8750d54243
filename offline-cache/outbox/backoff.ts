/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential
 * Backoff And Jitter"): the wait is uniform in [0, min(cap, base·2^n)]. The
 * randomness is what keeps thousands of kiosks that lost the network at the
 * same moment from coming back at the same moment.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 15 * 60_000 };

export type Random = () => number;

/** Delay before retry number `failures` (1 = first retry). */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: Random = Math.random): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 40));
  return Math.floor(random() * exp);
}

/**
 * The platform's `Retry-After` is a floor, never a ceiling: a kiosk told to
 * wait 30 s waits at least 30 s, plus its own jitter so every kiosk told the
 * same thing does not return in the same second.
 */
export function delayHonouringRetryAfter(failures: number, retryAfterMs: number | null, policy: BackoffPolicy = DEFAULT_BACKOFF, random: Random = Math.random): number {
  const jitter = backoffDelay(failures, policy, random);
  if (retryAfterMs === null) return jitter;
  return retryAfterMs + Math.floor(random() * Math.min(retryAfterMs, policy.capMs));
}

/** Parses a Retry-After header (delta-seconds or HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
