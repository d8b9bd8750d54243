/**
 * What to do when the renderer crashes or hangs: reload it, and if it keeps
 * failing, relaunch the whole shell (a clean GPU process, fresh memory).
 */
export interface RecoveryPolicy {
  readonly windowMs: number;
  readonly maxReloads: number;
}

export const DEFAULT_RECOVERY: RecoveryPolicy = { windowMs: 5 * 60_000, maxReloads: 3 };

export function decideRecovery(failureTimes: readonly number[], now: number, policy: RecoveryPolicy = DEFAULT_RECOVERY): 'reload' | 'relaunch' {
  const recent = failureTimes.filter((t) => now - t <= policy.windowMs);
  return recent.length > policy.maxReloads ? 'relaunch' : 'reload';
}
