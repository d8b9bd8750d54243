import { useEffect } from 'react';

/**
 * Holding a receipt up to the camera is not being idle: no touch comes while
 * a resident lines the paper up, and the privacy countdown must not wipe the
 * screen mid-scan. A component that is reading from the resident without a
 * touch (the camera scanner while it scans) holds the session awake; the
 * idle clock then counts from the latest of the last touch and each hold's
 * activity, which is "now" while the hold lasts, but never later than
 * `maxSeconds` after the hold began: a camera left open (the resident walked
 * away) still ends the session, at most `maxSeconds` + idle + countdown after
 * it opened. A released hold counts as activity at its release (the scan has
 * just finished), bounded the same way.
 */
export const KEEP_AWAKE_MAX_SECONDS = 120;

export class KeepAwake {
  private readonly holds = new Map<number, number>();
  private nextId = 1;
  private released = 0;

  constructor(private readonly maxSeconds = KEEP_AWAKE_MAX_SECONDS) {}

  /** Starts a hold at `nowMs`; the returned function ends it (at its own `nowMs`), once. */
  hold(nowMs: number): (nowMs: number) => void {
    const id = this.nextId++;
    this.holds.set(id, nowMs);
    return (at: number) => {
      const started = this.holds.get(id);
      if (started === undefined) return;
      this.holds.delete(id);
      this.released = Math.max(this.released, Math.min(at, started + this.maxSeconds * 1000));
    };
  }

  /** The activity time the idle clock counts from, given the last touch. */
  activity(lastTouchMs: number, nowMs: number): number {
    let latest = Math.max(lastTouchMs, this.released);
    for (const started of this.holds.values()) latest = Math.max(latest, Math.min(nowMs, started + this.maxSeconds * 1000));
    return latest;
  }

  get holding(): boolean {
    return this.holds.size > 0;
  }
}

/** The renderer's one keep-awake, read by the IdleGuard. */
export const sessionKeepAwake = new KeepAwake();

/** Keeps the resident's session from the idle wipe while `active` (bounded by `KEEP_AWAKE_MAX_SECONDS`). */
export function useKeepAwake(active: boolean, keepAwake: KeepAwake = sessionKeepAwake): void {
  useEffect(() => {
    if (!active) return;
    const release = keepAwake.hold(Date.now());
    return () => release(Date.now());
  }, [active, keepAwake]);
}
