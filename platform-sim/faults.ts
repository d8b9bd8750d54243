import { FaultConfigSchema, type FaultConfig, type FaultConfigInput, type FaultState } from '../contract/platform';

export type FaultAction =
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  | { readonly kind: 'error' }
  | { readonly kind: 'none' };

export interface FaultDecision {
  readonly latencyMs: number;
  readonly action: FaultAction;
  /** Commit, then destroy the socket instead of answering (for a 2xx only). */
  readonly dropAfterCommit: boolean;
  readonly dropOnlyNew: boolean;
}

/** mulberry32: a tiny seeded generator so a faulty run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NONE: FaultDecision = { latencyMs: 0, action: { kind: 'none' }, dropAfterCommit: false, dropOnlyNew: false };

/**
 * Fault injection for /v1 (and /gw) requests, set from flags at start and replaced at
 * run time through `PUT /admin/faults`. One decision per request.
 */
export class FaultInjector {
  private config: FaultConfig = FaultConfigSchema.parse({});
  private random = seeded(1);
  private remaining: number | null = null;
  private readonly injected = { latency: 0, error: 0, rateLimit: 0, reset: 0, hang: 0, dropAfterCommit: 0 };
  private second = 0;
  private inSecond = 0;

  set(input: FaultConfigInput): FaultConfig {
    this.config = FaultConfigSchema.parse(input);
    this.random = seeded(this.config.seed);
    this.remaining = this.config.count;
    return this.config;
  }

  state(): FaultState {
    return { ...this.config, count: this.remaining, injected: { ...this.injected } };
  }

  decide(path: string, nowMs: number = Date.now()): FaultDecision {
    const c = this.config;
    if (c.paths.length && !c.paths.some((p) => path.startsWith(p))) return NONE;
    if (c.capacityPerSecond !== null) {
      const second = Math.floor(nowMs / 1000);
      if (second !== this.second) {
        this.second = second;
        this.inSecond = 0;
      }
      if (++this.inSecond > c.capacityPerSecond) return { ...NONE, action: { kind: 'rate-limit', retryAfterSeconds: 1 } };
    }
    const roll = (rate: number) => rate > 0 && this.random() < rate;
    let action: FaultAction = { kind: 'none' };
    if (roll(c.resetRate)) action = { kind: 'reset' };
    else if (roll(c.hangRate)) action = { kind: 'hang' };
    else if (roll(c.rateLimitRate)) action = { kind: 'rate-limit', retryAfterSeconds: c.retryAfterSeconds };
    else if (roll(c.errorRate)) action = { kind: 'error' };
    const dropAfterCommit = action.kind === 'none' && roll(c.dropAfterCommitRate);
    const decision: FaultDecision = { latencyMs: c.latencyMs, action, dropAfterCommit, dropOnlyNew: c.dropOnlyNew };
    if (decision.latencyMs === 0 && action.kind === 'none' && !dropAfterCommit) return NONE;
    if (this.remaining !== null && --this.remaining <= 0) this.set({});
    return decision;
  }

  /** Counted when the fault actually happened (a drop only counts once the response was dropped). */
  count(kind: keyof FaultState['injected']): void {
    this.injected[kind]++;
  }
}
