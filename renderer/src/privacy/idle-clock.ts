/**
 * The privacy clock as a pure state machine, so its rules are unit-tested
 * apart from timers and React: `idleSeconds` without a touch → a countdown
 * of `countdownSeconds` → wipe. Any touch before the wipe starts over.
 */
export type IdlePhase = { readonly kind: 'active' } | { readonly kind: 'warning'; readonly secondsLeft: number } | { readonly kind: 'wipe' };

export interface IdleClockConfig {
  readonly idleSeconds: number;
  readonly countdownSeconds: number;
}

export function idlePhase(config: IdleClockConfig, lastActivityMs: number, nowMs: number): IdlePhase {
  const idle = (nowMs - lastActivityMs) / 1000;
  if (idle < config.idleSeconds) return { kind: 'active' };
  const left = Math.ceil(config.idleSeconds + config.countdownSeconds - idle);
  return left > 0 ? { kind: 'warning', secondsLeft: left } : { kind: 'wipe' };
}
