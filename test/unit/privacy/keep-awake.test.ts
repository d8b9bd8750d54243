import { describe, expect, it } from 'vitest';
import { idlePhase } from '../../../renderer/src/privacy/idle-clock';
import { KeepAwake, KEEP_AWAKE_MAX_SECONDS } from '../../../renderer/src/privacy/keep-awake';

const config = { idleSeconds: 60, countdownSeconds: 15 };
const s = (n: number) => n * 1000;

describe('keep-awake: a camera scan on screen is not idle', () => {
  it('holds the privacy clock active while the camera scans, however long without a touch (within the bound)', () => {
    const awake = new KeepAwake();
    const release = awake.hold(s(10));
    // Without the hold the countdown would have started at 60 s and wiped at 75 s.
    expect(idlePhase(config, 0, s(80))).toEqual({ kind: 'wipe' });
    for (const now of [s(61), s(80), s(110)]) expect(idlePhase(config, awake.activity(0, now), now)).toEqual({ kind: 'active' });
    release(s(110));
    expect(awake.holding).toBe(false);
    // The scan's end counts as activity: a full idle period from there.
    expect(idlePhase(config, awake.activity(0, s(169)), s(169))).toEqual({ kind: 'active' });
    expect(idlePhase(config, awake.activity(0, s(170)), s(170))).toEqual({ kind: 'warning', secondsLeft: 15 });
    expect(idlePhase(config, awake.activity(0, s(185)), s(185))).toEqual({ kind: 'wipe' });
  });

  it('a camera left open still ends the session: the hold counts for at most KEEP_AWAKE_MAX_SECONDS', () => {
    const awake = new KeepAwake();
    awake.hold(0);
    const bound = s(KEEP_AWAKE_MAX_SECONDS);
    expect(idlePhase(config, awake.activity(0, bound), bound)).toEqual({ kind: 'active' });
    expect(idlePhase(config, awake.activity(0, bound + s(60)), bound + s(60))).toEqual({ kind: 'warning', secondsLeft: 15 });
    expect(idlePhase(config, awake.activity(0, bound + s(75)), bound + s(75))).toEqual({ kind: 'wipe' });
    // Releasing it late does not give it more time either.
    const late = new KeepAwake();
    const release = late.hold(0);
    release(bound + s(500));
    expect(late.activity(0, bound + s(500))).toBe(bound);
  });

  it('a touch after the hold still counts, and one release does not end another hold; releasing twice is harmless', () => {
    const awake = new KeepAwake();
    const first = awake.hold(s(0));
    const second = awake.hold(s(5));
    first(s(20));
    first(s(90));
    expect(awake.holding).toBe(true);
    expect(awake.activity(0, s(100))).toBe(s(100));
    second(s(30));
    expect(awake.activity(s(50), s(100))).toBe(s(50));
    expect(awake.activity(0, s(100))).toBe(s(30));
  });
});
