/**
 * 10,000 kiosks come back at once. A discrete-event model on a virtual clock
 * whose timing decisions are the sync engine's own (offline-cache/sync/pacing.ts:
 * full-jitter backoff, the reconnect spread, the idle poll) and whose
 * per-kiosk traffic is what one engine cycle sends (one batch per non-empty
 * stream, a coalesced heartbeat, one status pull). The health probe
 * (every 5 s, two good answers in a row to count as back) cuts a kiosk's
 * backoff to the return spread when the platform answers again
 * (SyncEngine.platformReturned). Measured: the platform's
 * peak request rate (busiest 10 s) after the fleet returns, against its
 * steady-state rate measured in the same run before the outage.
 */
import { DEFAULT_PACING, waitAfterFailure, waitAfterReturn, type PacingPolicy } from '../../offline-cache/sync/pacing';
import { figure, percentile, type Emit } from './format';
import { seeded } from '../../platform-sim/faults';

const KIOSKS = 10_000;
const HEARTBEAT_MS = 180_000; // operations.heartbeatIntervalMs default
const SUBMISSION_MEAN_MS = 30 * 60_000; // a busy kiosk: one application (+ its 好差评) every half hour
const BOOT_JITTER_MS = 120_000; // offline.bootJitterMs default
const HEALTH_MS = 5_000; // platform.healthIntervalMs default
const CONFIRMATIONS = 2; // ConnectivityMonitor's hysteresis
const WARMUP_MS = 30 * 60_000;
const STEADY_MS = 60 * 60_000;
const AFTER_MS = 60 * 60_000;

/** Min-heap of [time, kiosk, kind, token]. */
class EventQueue {
  private t: number[] = [];
  private k: number[] = [];
  private kind: number[] = [];
  private tok: number[] = [];
  get size() {
    return this.t.length;
  }
  push(time: number, kiosk: number, kind: number, token: number) {
    let i = this.t.length;
    this.t.push(time);
    this.k.push(kiosk);
    this.kind.push(kind);
    this.tok.push(token);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.t[p]! <= this.t[i]!) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): [number, number, number, number] {
    const top: [number, number, number, number] = [this.t[0]!, this.k[0]!, this.kind[0]!, this.tok[0]!];
    const last = this.t.length - 1;
    this.swap(0, last);
    this.t.pop();
    this.k.pop();
    this.kind.pop();
    this.tok.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.t.length && this.t[l]! < this.t[m]!) m = l;
      if (r < this.t.length && this.t[r]! < this.t[m]!) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
  private swap(a: number, b: number) {
    for (const arr of [this.t, this.k, this.kind, this.tok]) {
      const x = arr[a]!;
      arr[a] = arr[b]!;
      arr[b] = x;
    }
  }
}

const WAKE = 0;
const SUBMIT = 1;
const HEARTBEAT = 2;
const RETURN = 3;

interface Scenario {
  readonly name: string;
  readonly pacing?: PacingPolicy;
  readonly bootJitterMs?: number;
  /** Platform unreachable for this long (kiosks keep running and keep submitting). */
  readonly outageMs: number;
  /** Kiosks powered off during the outage and booting together at its end. */
  readonly powerCut: boolean;
  /** The health probe does not cut the backoff (the engine before platformReturned). */
  readonly noReturnCut?: boolean;
}

function simulate(s: Scenario, seed: number): { steady: number; peak: number; waits: number[] } {
  const random = seeded(seed); // the simulator's repeatable generator
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const downFrom = WARMUP_MS + STEADY_MS;
  const upAt = downFrom + s.outageMs;
  const end = upAt + AFTER_MS;
  const perSecond = new Float64Array(Math.ceil(end / 1000) + 1);
  const failures = new Int32Array(KIOSKS);
  const apps = new Int32Array(KIOSKS);
  const evals = new Int32Array(KIOSKS);
  const heartbeat = new Uint8Array(KIOSKS);
  const catalog = new Uint8Array(KIOSKS);
  const token = new Int32Array(KIOSKS);
  const due = new Float64Array(KIOSKS);
  // When the oldest application still queued on the kiosk was submitted (-1: none queued).
  const queuedSince = new Float64Array(KIOSKS).fill(-1);
  // For each kiosk holding an application from before the return: how long after the return it was delivered.
  const waits: number[] = [];
  const q = new EventQueue();
  const wakeAt = (k: number, at: number) => {
    due[k] = at;
    q.push(at, k, WAKE, ++token[k]!);
  };
  const pacing = s.pacing ?? DEFAULT_PACING;

  for (let k = 0; k < KIOSKS; k++) {
    wakeAt(k, random() * DEFAULT_PACING.idlePollMs);
    q.push(exp(SUBMISSION_MEAN_MS), k, SUBMIT, 0);
    q.push(random() * HEARTBEAT_MS, k, HEARTBEAT, 0);
    // The probe's phase is the kiosk's own; the return counts at the second good answer after the platform is up.
    if (!s.powerCut && !s.noReturnCut) q.push(upAt + random() * HEALTH_MS + (CONFIRMATIONS - 1) * HEALTH_MS, k, RETURN, 0);
  }
  let booted = !s.powerCut;
  while (q.size) {
    const [t, k, kind, tok] = q.pop();
    if (t >= end) break;
    if (s.powerCut && !booted && t >= upAt) {
      // Power returns: every kiosk boots now; its engine starts after the boot jitter.
      booted = true;
      for (let j = 0; j < KIOSKS; j++) {
        failures[j] = 0;
        heartbeat[j] = 1;
        catalog[j] = 1;
        wakeAt(j, upAt + random() * (s.bootJitterMs ?? BOOT_JITTER_MS));
        q.push(upAt + exp(SUBMISSION_MEAN_MS), j, SUBMIT, 0);
        q.push(upAt + random() * HEARTBEAT_MS, j, HEARTBEAT, 0);
      }
      q.push(t, k, kind, tok);
      continue;
    }
    const off = s.powerCut && t >= downFrom && t < upAt;
    if (off) continue; // a powered-off kiosk does nothing; its timers restart at boot
    if (kind === SUBMIT) {
      if (apps[k] === 0) queuedSince[k] = t;
      apps[k]!++;
      evals[k]!++;
      q.push(t + exp(SUBMISSION_MEAN_MS), k, SUBMIT, 0);
      if (failures[k] === 0) wakeAt(k, t); // kick: only an engine not in backoff
      continue;
    }
    if (kind === RETURN) {
      const at = t + waitAfterReturn(pacing, random);
      if (failures[k]! > 0 && at < due[k]!) wakeAt(k, at);
      continue;
    }
    if (kind === HEARTBEAT) {
      heartbeat[k] = 1;
      q.push(t + HEARTBEAT_MS, k, HEARTBEAT, 0);
      if (failures[k] === 0) wakeAt(k, t);
      continue;
    }
    if (tok !== token[k]) continue; // superseded by a kick
    const platformUp = t < downFrom || t >= upAt;
    if (!platformUp) {
      failures[k]!++;
      wakeAt(k, t + waitAfterFailure(failures[k]!, null, pacing, random));
      continue;
    }
    const requests = (apps[k]! > 0 ? Math.ceil(apps[k]! / 1000) : 0) + (evals[k]! > 0 ? 1 : 0) + heartbeat[k]! + catalog[k]! + 1;
    perSecond[Math.floor(t / 1000)]! += requests;
    if (t >= upAt && queuedSince[k]! >= 0 && queuedSince[k]! < upAt) waits.push(t - upAt);
    queuedSince[k] = -1;
    apps[k] = 0;
    evals[k] = 0;
    heartbeat[k] = 0;
    catalog[k] = 0;
    failures[k] = 0;
    wakeAt(k, t + DEFAULT_PACING.idlePollMs);
  }
  let steadySum = 0;
  for (let i = WARMUP_MS / 1000; i < downFrom / 1000; i++) steadySum += perSecond[i]!;
  const steady = steadySum / (STEADY_MS / 1000);
  let peak = 0;
  let window = 0;
  const from = Math.floor(upAt / 1000);
  for (let i = from; i < end / 1000; i++) {
    window += perSecond[i]!;
    if (i - from >= 10) window -= perSecond[i - 10]!;
    if (i - from >= 9) peak = Math.max(peak, window / 10);
  }
  return { steady, peak, waits: waits.sort((a, b) => a - b) };
}

export default async function reconnectHerd(emit: Emit): Promise<void> {
  const scenarios: Scenario[] = [
    { name: 'platform down 30 s', outageMs: 30_000, powerCut: false },
    { name: 'platform down 2 min', outageMs: 120_000, powerCut: false },
    { name: 'platform down 1 h', outageMs: 3_600_000, powerCut: false },
    { name: 'platform down 1 day', outageMs: 86_400_000, powerCut: false },
    { name: 'power cut 1 h, all boot together', outageMs: 3_600_000, powerCut: true },
  ];
  let worst = 0;
  let worstSteady = 0;
  for (const [i, s] of scenarios.entries()) {
    const { steady, peak, waits } = simulate(s, 1000 + i);
    emit(figure(`peak request rate (busiest 10 s) after: ${s.name}`, peak, 'req/s', steady));
    if (peak / steady > worst / (worstSteady || 1)) {
      worst = peak;
      worstSteady = steady;
    }
    if (s.powerCut) continue;
    // What the resident's application gains: against the same fleet whose probe does not cut the backoff.
    const before = simulate({ ...s, noReturnCut: true }, 1000 + i).waits;
    emit(figure(`p99 wait from the platform's return to delivery of a queued application, against no return cut: ${s.name}`, percentile(waits, 99) / 1000, 's', percentile(before, 99) / 1000));
  }
  emit(figure('worst peak vs steady state (target ≤ 2×)', worst, 'req/s', worstSteady));
  // For contrast, the same fleet without the measures (not part of the target).
  const plainJitter: PacingPolicy = { ...DEFAULT_PACING, herdAfterFailures: Number.POSITIVE_INFINITY };
  const contrast: Scenario[] = [
    { name: 'platform down 30 s, plain full jitter (no reconnect spread)', outageMs: 30_000, powerCut: false, pacing: plainJitter },
    { name: 'platform down 2 min, plain full jitter (no reconnect spread)', outageMs: 120_000, powerCut: false, pacing: plainJitter },
    { name: 'power cut 1 h, 3 s boot jitter', outageMs: 3_600_000, powerCut: true, bootJitterMs: 3_000 },
  ];
  for (const [i, s] of contrast.entries()) {
    const { steady, peak } = simulate(s, 2000 + i);
    emit(figure(`contrast — ${s.name}`, peak, 'req/s', steady));
  }
}
