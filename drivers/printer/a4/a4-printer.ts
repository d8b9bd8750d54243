import type { DeviceStatus } from '../../../contract';
import { TypedEmitter } from '../../device/emitter';
import type { IppPrinterState, IppQueue } from './ipp';

/**
 * Why the A4 printer cannot print now (technician codes; the resident and
 * technician texts are keyed by them):
 *  MEDIA-EMPTY  paper out (media-empty, media-needed)
 *  MEDIA-JAM    paper jam
 *  COVER-OPEN   a door or cover open
 *  TONER-EMPTY  toner or ink used up (toner-empty, marker-supply-empty)
 *  OFFLINE      the printer does not answer CUPS (offline-report, connecting-to-device)
 *  PAUSED       the CUPS queue is paused (cupsdisable, Pause-Printer) or stopped after an error
 *  NOT-ACCEPTING the queue refuses new jobs (cupsreject)
 *  UNREACHABLE  CUPS itself does not answer (cupsd not running, wrong URI)
 */
export type A4Problem = 'MEDIA-EMPTY' | 'MEDIA-JAM' | 'COVER-OPEN' | 'TONER-EMPTY' | 'OFFLINE' | 'PAUSED' | 'NOT-ACCEPTING' | 'UNREACHABLE';
/** Worth telling the technician, but the printer still prints. */
export type A4Warning = 'TONER-LOW' | 'MEDIA-LOW';

export interface A4Condition {
  /** CUPS answered the last Get-Printer-Attributes. */
  readonly reachable: boolean;
  readonly state: 'idle' | 'processing' | 'stopped' | 'unknown';
  readonly accepting: boolean;
  /** printer-state-reasons as CUPS gave them (none → []). */
  readonly reasons: readonly string[];
  /** The one thing that stops printing, most important first; null = ready. */
  readonly problem: A4Problem | null;
  readonly warnings: readonly A4Warning[];
  /** printer-state-message, or the IPP error when CUPS did not answer. */
  readonly message: string;
  readonly checkedAt: string;
}

/** IPP keywords carry a severity suffix (media-empty-error, toner-low-warning, offline-report). */
const base = (reason: string) => reason.replace(/-(error|warning|report)$/, '');

/** The condition from one Get-Printer-Attributes answer. */
export function conditionOf(s: IppPrinterState, at = new Date()): A4Condition {
  const reasons = s.reasons.filter((r) => r !== 'none');
  const has = (...names: string[]) => reasons.some((r) => names.includes(base(r)));
  const problem: A4Problem | null = has('media-empty', 'media-needed')
    ? 'MEDIA-EMPTY'
    : has('media-jam')
      ? 'MEDIA-JAM'
      : has('door-open', 'cover-open', 'interlock-open')
        ? 'COVER-OPEN'
        : has('toner-empty', 'marker-supply-empty', 'marker-waste-full')
          ? 'TONER-EMPTY'
          : has('offline', 'connecting-to-device', 'shutdown', 'timed-out')
            ? 'OFFLINE'
            : has('paused', 'stopped') || s.state === 5
              ? 'PAUSED'
              : !s.accepting
                ? 'NOT-ACCEPTING'
                : null;
  const warnings: A4Warning[] = [];
  if (has('toner-low', 'marker-supply-low')) warnings.push('TONER-LOW');
  if (has('media-low')) warnings.push('MEDIA-LOW');
  return {
    reachable: true,
    state: s.state === 3 ? 'idle' : s.state === 4 ? 'processing' : s.state === 5 ? 'stopped' : 'unknown',
    accepting: s.accepting,
    reasons,
    problem,
    warnings,
    message: s.message,
    checkedAt: at.toISOString(),
  };
}

export function unreachableCondition(message: string, at = new Date()): A4Condition {
  return { reachable: false, state: 'unknown', accepting: false, reasons: [], problem: 'UNREACHABLE', warnings: [], message, checkedAt: at.toISOString() };
}

export interface A4PrinterOptions {
  /** How often the printer's state is asked while nothing is printing (ms). */
  readonly pollMs?: number;
}

/**
 * The kiosk's A4 printer as a CUPS queue: asks CUPS for the printer's state
 * every few seconds (Get-Printer-Attributes) and says when it changed. The
 * jobs themselves are the A4 service's (host); this is the device and its
 * condition, in the devices list beside the receipt printer.
 */
export class A4Printer extends TypedEmitter<{ change: A4Condition }> {
  private last: A4Condition;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<A4Condition> | null = null;
  private readonly pollMs: number;

  constructor(
    readonly queue: IppQueue,
    options: A4PrinterOptions = {},
  ) {
    super();
    this.pollMs = options.pollMs ?? 3000;
    this.last = { ...unreachableCondition('not checked yet'), problem: 'UNREACHABLE' };
  }

  get condition(): A4Condition {
    return this.last;
  }

  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Asks CUPS now (one question at a time); emits `change` when the condition differs. */
  check(): Promise<A4Condition> {
    this.checking ??= (async () => {
      let next: A4Condition;
      try {
        next = conditionOf(await this.queue.printerState());
      } catch (e) {
        next = unreachableCondition((e as Error).message);
      }
      const changed = JSON.stringify({ ...next, checkedAt: '' }) !== JSON.stringify({ ...this.last, checkedAt: '' });
      this.last = next;
      if (changed) this.emit('change', next);
      return next;
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /** The devices list's entry (maintenance dashboard, doctor, heartbeat). */
  status(counters: Record<string, number> = {}): DeviceStatus {
    const c = this.last;
    const conditions: Record<string, string | number | boolean> = { printerState: c.state, accepting: c.accepting, reasons: c.reasons.join(',') || 'none', problem: c.problem ?? 'none' };
    if (c.warnings.length > 0) conditions['warnings'] = c.warnings.join(',');
    if (c.message) conditions['message'] = c.message;
    return {
      id: 'a4-printer',
      kind: 'a4-printer',
      name: 'A4 打印机',
      source: 'ipp',
      path: this.queue.printerUri,
      state: c.problem ? 'error' : c.state === 'processing' ? 'busy' : 'idle',
      power: c.reachable && c.problem !== 'OFFLINE' ? 'online' : 'offline',
      claimed: false,
      enabled: true,
      lastError: c.problem ? { code: c.reachable ? 'extended' : 'offline', extended: c.problem, message: c.message || c.problem, at: c.checkedAt } : null,
      conditions,
      counters,
      lastSeenAt: c.reachable ? c.checkedAt : null,
    };
  }
}
