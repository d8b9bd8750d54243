/**
 * Wrong-PIN lockout as pure functions over a small persisted state, so a
 * restart cannot reset the count and the rule is tested without a clock.
 */
export interface LockoutState {
  readonly failures: number;
  readonly lockedUntil: string | null;
}

export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
}

export const MAINTENANCE_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };
export const UNLOCKED: LockoutState = { failures: 0, lockedUntil: null };

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime();
}

/** A lock that has run out starts a fresh count. */
export function current(state: LockoutState, now: Date): LockoutState {
  return state.lockedUntil !== null && !isLocked(state, now) ? UNLOCKED : state;
}

export function attemptsLeft(state: LockoutState, now: Date, policy: LockoutPolicy = MAINTENANCE_LOCKOUT): number {
  const s = current(state, now);
  return isLocked(s, now) ? 0 : Math.max(0, policy.maxFailures - s.failures);
}

export function recordFailure(state: LockoutState, now: Date, policy: LockoutPolicy = MAINTENANCE_LOCKOUT): LockoutState {
  const s = current(state, now);
  const failures = s.failures + 1;
  return failures >= policy.maxFailures
    ? { failures, lockedUntil: new Date(now.getTime() + policy.lockMs).toISOString() }
    : { failures, lockedUntil: null };
}

export function recordSuccess(): LockoutState {
  return UNLOCKED;
}
