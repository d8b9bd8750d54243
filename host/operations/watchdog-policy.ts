/**
 * How the kiosk recovers a UI that stopped answering: reload the page first;
 * when reloads keep failing within a short window, relaunch the whole shell
 * (Chromium process, or Electron via app.relaunch). Pure, so Electron's main
 * process, the web-shell launcher and the tests share one rule.
 */
export type RecoveryAction = 'reload' | 'relaunch';

export interface RecoveryRecord {
  readonly at: number;
  readonly action: RecoveryAction;
}

export interface RecoveryPolicy {
  /** Reloads counted within this window… */
  readonly windowMs: number;
  /** …before the next recovery is a relaunch instead. */
  readonly maxReloads: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = { windowMs: 5 * 60_000, maxReloads: 2 };

export function decideRecovery(
  history: readonly RecoveryRecord[],
  now: number = Date.now(),
  policy: RecoveryPolicy = DEFAULT_RECOVERY_POLICY,
): RecoveryAction {
  let reloads = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const r = history[i]!;
    if (now - r.at > policy.windowMs) break;
    // A relaunch starts the count afresh: the new shell deserves its own reloads.
    if (r.action === 'relaunch') break;
    reloads++;
  }
  return reloads >= policy.maxReloads ? 'relaunch' : 'reload';
}

/** The UI is hung when it has beaten once and then fallen silent for longer than `staleMs`. */
export function uiIsStale(lastBeatAt: number | null, now: number, staleMs: number): boolean {
  return lastBeatAt !== null && now - lastBeatAt > staleMs;
}
