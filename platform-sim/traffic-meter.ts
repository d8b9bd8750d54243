import type { TrafficReport } from '../contract/platform';

const KEEP_SECONDS = 3600;

/** Counts /v1 requests per wall-clock second and route, in memory, for the last hour. */
export class TrafficMeter {
  private readonly buckets = new Map<number, { requests: number; byRoute: Map<string, number> }>();
  private total = 0;

  record(route: string, nowMs: number = Date.now()): void {
    const second = Math.floor(nowMs / 1000);
    let b = this.buckets.get(second);
    if (!b) {
      b = { requests: 0, byRoute: new Map() };
      this.buckets.set(second, b);
      for (const s of this.buckets.keys()) {
        if (s > second - KEEP_SECONDS) break;
        this.buckets.delete(s);
      }
    }
    b.requests++;
    b.byRoute.set(route, (b.byRoute.get(route) ?? 0) + 1);
    this.total++;
  }

  report(now: Date = new Date()): TrafficReport {
    const seconds = [...this.buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([second, b]) => ({ second, requests: b.requests, byRoute: Object.fromEntries(b.byRoute) }));
    return {
      generatedAt: now.toISOString(),
      seconds,
      totalRequests: this.total,
      peakPerSecond: seconds.reduce((m, s) => Math.max(m, s.requests), 0),
    };
  }
}
