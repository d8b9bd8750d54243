import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from '../../../offline-cache/outbox/backoff';
import { DEFAULT_PACING, failureWindow, waitAfterFailure, waitAfterReturn, waitWhenIdle } from '../../../offline-cache/sync/pacing';

const at = (x: number) => () => x;

describe('backoff and pacing', () => {
  it('full jitter: the wait spans [0, min(cap, base·2ⁿ⁻¹)]', () => {
    expect(backoffDelay(1, DEFAULT_BACKOFF, at(0.999999))).toBe(999);
    expect(backoffDelay(4, DEFAULT_BACKOFF, at(0.999999))).toBe(7999);
    expect(backoffDelay(40, DEFAULT_BACKOFF, at(0.999999))).toBe(DEFAULT_BACKOFF.capMs - 1);
    expect(backoffDelay(40, DEFAULT_BACKOFF, at(0))).toBe(0);
  });

  it('a blip is retried at once; from the third failure the fleet spreads over at least half a minute; never past the cap', () => {
    expect(failureWindow(1)).toBe(1_000);
    expect(failureWindow(2)).toBe(2_000);
    expect(failureWindow(3)).toBe(30_000);
    expect(failureWindow(5)).toBe(30_000);
    expect(failureWindow(8)).toBe(128_000);
    expect(failureWindow(30)).toBe(DEFAULT_BACKOFF.capMs);
  });

  it('Retry-After is a floor, plus jitter', () => {
    expect(waitAfterFailure(1, 30_000, DEFAULT_PACING, at(0))).toBe(30_000);
    expect(waitAfterFailure(1, 30_000, DEFAULT_PACING, at(0.5))).toBe(45_000);
    expect(waitAfterFailure(9, 2_000, DEFAULT_PACING, at(0.999))).toBeLessThan(4_000);
  });

  it('parses Retry-After as seconds or an HTTP date, and ignores garbage', () => {
    const now = Date.UTC(2026, 10, 26, 8, 0, 0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('idle: the earlier of the next due item and the poll interval', () => {
    expect(waitWhenIdle(null)).toBe(DEFAULT_PACING.idlePollMs);
    expect(waitWhenIdle(5_000)).toBe(5_000);
    expect(waitWhenIdle(-10)).toBe(0);
    expect(waitWhenIdle(10 * 60_000)).toBe(DEFAULT_PACING.idlePollMs);
  });

  it('the platform back: the retry is a uniform draw over the return spread, whatever the failures so far', () => {
    expect(DEFAULT_PACING.returnSpreadMs).toBe(120_000);
    expect(waitAfterReturn(DEFAULT_PACING, () => 0)).toBe(0);
    expect(waitAfterReturn(DEFAULT_PACING, () => 0.5)).toBe(60_000);
    expect(waitAfterReturn(DEFAULT_PACING, () => 0.999999)).toBeLessThan(120_000);
    expect(waitAfterReturn({ ...DEFAULT_PACING, returnSpreadMs: 10_000 }, () => 0.25)).toBe(2_500);
  });
});
