import { describe, expect, it } from 'vitest';
import { KioskConfigSchema } from '../../../host/config';
import { expectedReconnectLoad, reconnectDelay, reconnectPolicy } from '../../../host/operations/fleet-link/fleet-link';

/** A small seeded PRNG (mulberry32), so a failing draw can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Herd {
  /** Messages a second the kiosks send in steady state: mean and busiest second (over one telemetry interval). */
  readonly steadyMean: number;
  readonly steadyPeak: number;
  /** After the restart: busiest second, and the busiest 10 s (mean per second), until the last kiosk is back. */
  readonly peak: number;
  readonly peak10: number;
  /** Seconds until the last kiosk is back. */
  readonly allBackS: number;
}

/**
 * N kiosks of the fleet link's behaviour, second by second: a periodic report every T from a random phase; the
 * broker restarts at t = 0 and is down for `downS`; each kiosk retries after reconnectDelay (attempt 0, 1, …, an
 * attempt while the broker is down fails and doubles the window), and on connect sends its retained status; the
 * periodic reports go on at their phase, those falling while it was away are not made up (FleetLink.onConnect).
 */
function simulate(n: number, telemetryIntervalMs: number, policy: { minMs: number; maxMs: number }, random: () => number, downS = 5): Herd {
  const T = telemetryIntervalMs / 1000;
  const horizon = Math.ceil(8 * (policy.maxMs / 1000) + 4 * T);
  const from = -Math.ceil(T);
  const buckets = new Float64Array(horizon - from);
  const add = (t: number) => {
    const i = Math.floor(t) - from;
    if (i >= 0 && i < buckets.length) buckets[i]!++;
  };
  let allBack = 0;
  for (let k = 0; k < n; k++) {
    const phase = random() * T;
    let at = 0;
    let attempt = 0;
    for (;;) {
      at += reconnectDelay(attempt++, policy.minMs, policy.maxMs, random()) / 1000;
      if (at >= downS) break;
    }
    allBack = Math.max(allBack, at);
    for (let tick = phase + Math.floor((from - phase) / T) * T; tick < horizon; tick += T) {
      if (tick >= from && !(tick >= 0 && tick < at)) add(tick); // reports that fall while it is away are not sent
    }
    add(at); // the retained online status
  }
  const steady = Array.from(buckets.subarray(0, -from));
  const after = Array.from(buckets.subarray(-from, -from + Math.ceil(allBack) + 1));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const tens = Array.from({ length: Math.floor(after.length / 10) }, (_, i) => mean(after.slice(i * 10, i * 10 + 10)));
  return { steadyMean: mean(steady), steadyPeak: Math.max(...steady), peak: Math.max(...after), peak10: Math.max(...tens), allBackS: allBack };
}

describe('the fleet link reconnect policy', () => {
  const defaults = KioskConfigSchema.parse({}).fleet;

  it('derives its defaults from the telemetry interval: first window 2T, cap twice that', () => {
    expect(defaults.reconnectMinMs).toBeNull();
    expect(reconnectPolicy(defaults)).toEqual({ minMs: 600_000, maxMs: 1_200_000 });
    expect(reconnectPolicy({ telemetryIntervalMs: 20_000, reconnectMinMs: null, reconnectMaxMs: null })).toEqual({ minMs: 40_000, maxMs: 80_000 });
    // A province's own window wins; a cap below it is raised to it.
    expect(reconnectPolicy({ telemetryIntervalMs: 300_000, reconnectMinMs: 5000, reconnectMaxMs: 300_000 })).toEqual({ minMs: 5000, maxMs: 300_000 });
    expect(reconnectPolicy({ telemetryIntervalMs: 300_000, reconnectMinMs: 60_000, reconnectMaxMs: 30_000 })).toEqual({ minMs: 60_000, maxMs: 60_000 });
    expect(expectedReconnectLoad(300_000, reconnectPolicy(defaults).minMs)).toBe(1.5);
  });

  it('full jitter: uniform in the window, doubling per failed attempt, capped, never below 100 ms', () => {
    expect(reconnectDelay(0, 5000, 300_000, 0.5)).toBe(2500);
    expect(reconnectDelay(3, 5000, 300_000, 0.5)).toBe(20_000);
    expect(reconnectDelay(30, 5000, 300_000, 0.999)).toBeLessThanOrEqual(300_000);
    expect(reconnectDelay(0, 5000, 300_000, 0)).toBe(100);
  });

  for (const n of [10_000, 50_000]) {
    it(`a broker restart with ${n.toLocaleString('en')} kiosks at the defaults stays under 2× the steady load`, () => {
      const h = simulate(n, defaults.telemetryIntervalMs, reconnectPolicy(defaults), prng(n));
      // Steady state is N/T a second; the return adds N/W: 1 + T/W = 1.5× expected at W = 2T, the busiest 10 s near it.
      expect(h.peak10 / h.steadyMean).toBeGreaterThan(1.3);
      expect(h.peak10 / h.steadyMean).toBeLessThanOrEqual(1.65);
      // The busiest single second, with the noise of N random draws on top, still under twice the steady mean.
      expect(h.peak / h.steadyMean).toBeLessThanOrEqual(2);
      expect(h.allBackS).toBeLessThanOrEqual(2 * reconnectPolicy(defaults).maxMs / 1000);
    });
  }

  it('the old 5 s window would land the whole fleet at once (the bound can fail)', () => {
    const h = simulate(10_000, 300_000, { minMs: 5000, maxMs: 300_000 }, prng(1));
    expect(h.peak / h.steadyMean).toBeGreaterThan(10);
  });
});
