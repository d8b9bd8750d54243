import { Device, done, failed, type DeviceResult, type DeviceTimings, type HealthLevel, type HealthReport, type SerialLinkHandlers } from '../device';
import { openPrinterLink, transportFor, type ByteLink, type PrinterTransport } from './byte-link';
import { EscPosBuilder, automaticStatusBack, realtimeStatusRequest } from './escpos/commands';
import {
  PrinterReplyReader,
  blockingReason,
  healthFromFlags,
  parseRealtimeStatus,
  type PrinterFlags,
  type PrinterHealth,
  type StatusQuery,
} from './escpos/status';

export interface ReceiptPrinterOptions {
  readonly id?: string;
  readonly path: string;
  readonly baudRate: number;
  /** Shown on the dashboard: `sim` when the host started the virtual printer. */
  readonly source?: 'sim' | 'serial' | 'usb';
  /** Default: a file for `/dev/usb/lp*`, a serial port otherwise. */
  readonly transport?: PrinterTransport;
  /** Another way to reach the printer (the in-process virtual printer); replaces path and transport. */
  readonly openLink?: (handlers: SerialLinkHandlers) => Promise<DeviceResult<ByteLink>>;
  /** Status poll while idle. */
  readonly pollMs?: number;
  /** Wait for one `DLE EOT` answer. */
  readonly replyMs?: number;
  /** How long a job may take to send and come out (a receipt is a few KiB). */
  readonly jobMs?: number;
  readonly timings?: Partial<DeviceTimings>;
}

export interface PrintReport {
  readonly bytes: number;
  readonly health: PrinterHealth;
}

/** Resident-facing words for each technician code: what happened and where to get paper. */
export const PRINTER_RESIDENT_MESSAGE: Readonly<Record<string, string>> = {
  'PAPER-END': '打印机缺纸，回执已显示在屏幕上，请用手机拍下二维码，或到服务窗口领取纸质回执。',
  'PAPER-END-MID-JOB': '打印中途缺纸，回执已显示在屏幕上，请用手机拍下二维码，或到服务窗口领取纸质回执。',
  'COVER-OPEN': '打印机仓门未关好，回执已显示在屏幕上，请拍下二维码或到服务窗口领取。',
  OFFLINE: '打印机暂时不能使用，回执已显示在屏幕上，请拍下二维码或到服务窗口领取。',
  CUTTER: '打印机切纸故障，回执已显示在屏幕上，请拍下二维码或到服务窗口领取。',
  MECHANICAL: '打印机故障，回执已显示在屏幕上，请拍下二维码或到服务窗口领取。',
  UNRECOVERABLE: '打印机故障，回执已显示在屏幕上，请拍下二维码或到服务窗口领取。',
  'AUTO-RECOVERABLE': '打印机正在自动恢复，回执已显示在屏幕上，请拍下二维码或到服务窗口领取。',
};

export function residentMessageFor(code: string): string {
  return PRINTER_RESIDENT_MESSAGE[code] ?? '回执暂时不能打印，已显示在屏幕上，请拍下二维码或到服务窗口领取。';
}

/** bit1 online/offline, bit2 error, bit3 paper sensor. */
const ASB_MASK = 0b0000_1110;

/**
 * An ESC/POS receipt printer on a serial port or a USB printer node. Before
 * every job it asks all four real-time statuses; a job that cannot print is
 * refused with the reason (the caller holds it, nothing is lost). After the
 * job it asks again, so paper that ran out in the middle is caught too.
 * While idle it polls, and listens to automatic status back.
 */
export class ReceiptPrinter extends Device<PrinterHealth> {
  private link: ByteLink | null = null;
  private readonly reader: PrinterReplyReader;
  private waiting: ((b: number | null) => void) | null = null;
  private statusChain: Promise<unknown> = Promise.resolve();
  private poll: NodeJS.Timeout | null = null;
  private health: PrinterHealth | null = null;
  private readonly pollMs: number;
  private readonly replyMs: number;
  private readonly jobMs: number;

  constructor(private readonly options: ReceiptPrinterOptions) {
    const source = options.source ?? (transportFor(options.path) === 'file' ? 'usb' : 'serial');
    super({ id: options.id ?? 'printer', kind: 'printer', name: '回执打印机', source, path: options.path }, options.timings);
    this.pollMs = options.pollMs ?? 1000;
    this.replyMs = options.replyMs ?? 800;
    this.jobMs = options.jobMs ?? 15_000;
    this.reader = new PrinterReplyReader(
      (b) => {
        const w = this.waiting;
        this.waiting = null;
        w?.(b);
      },
      (flags) => this.absorb(flags),
    );
  }

  /** Last known condition; null before the first answer. */
  get condition(): PrinterHealth | null {
    return this.health;
  }

  /** Sends one print job (from `composeReceipt`), checking the printer before and after. */
  print(job: Uint8Array): Promise<DeviceResult<PrintReport>> {
    return this.exclusive(
      'PRINT',
      async (signal) => {
        const before = await this.queryHealth();
        if (!before.ok) return before;
        const reason = blockingReason(before.value);
        if (reason) return failed('extended', reason, residentMessageFor(reason));
        if (signal.aborted) return failed('timeout', 'TIMEOUT-PRINT');
        const wrote = await this.link!.write(job);
        if (!wrote.ok) return wrote;
        // The status request travels behind the job, so its answer describes the printer after the job.
        const after = await this.queryHealth();
        if (!after.ok) return after;
        const afterReason = blockingReason(after.value);
        if (afterReason) {
          const code = afterReason === 'PAPER-END' ? 'PAPER-END-MID-JOB' : afterReason;
          return failed('extended', code, residentMessageFor(code));
        }
        this.count('jobsPrinted');
        this.count('bytesPrinted', job.length);
        return done({ bytes: job.length, health: after.value });
      },
      this.jobMs,
    );
  }

  // ---- device model ----------------------------------------------------------

  protected async connect(): Promise<DeviceResult<void>> {
    const handlers: SerialLinkHandlers = {
      onBytes: (chunk) => this.reader.push(chunk),
      onLost: (reason) => {
        this.failWaiting();
        this.portLost(`PORT-LOST: ${reason}`);
      },
    };
    const opened = this.options.openLink
      ? await this.options.openLink(handlers)
      : await openPrinterLink(this.options.path, this.options.baudRate, handlers, this.options.transport);
    if (!opened.ok) return opened;
    this.link = opened.value;
    const first = await this.queryHealth();
    if (!first.ok) {
      await this.disconnect();
      return failed('no-hardware', 'NO-ESCPOS-REPLY', '打印机没有应答，请联系工作人员。');
    }
    await this.link.write(automaticStatusBack(ASB_MASK));
    return done(undefined);
  }

  protected async disconnect(): Promise<void> {
    this.stopPolling();
    this.failWaiting();
    const link = this.link;
    this.link = null;
    await link?.close();
  }

  protected async probe(level: HealthLevel): Promise<DeviceResult<HealthReport>> {
    const h = await this.queryHealth();
    if (!h.ok) return h;
    const reason = blockingReason(h.value);
    if (level === 'internal' || reason) {
      return done({ level, healthy: reason === null, detail: reason ?? `paper ${h.value.paper}` });
    }
    const slip = new EscPosBuilder().init().align('center').line('打印测试 / Test print').line(new Date().toISOString()).feed(2).cut().bytes();
    const wrote = await this.link!.write(slip);
    if (!wrote.ok) return wrote;
    const after = await this.queryHealth();
    if (!after.ok) return after;
    const afterReason = blockingReason(after.value);
    return done({ level, healthy: afterReason === null, detail: afterReason ?? 'test slip printed' });
  }

  protected override onActive(): void {
    this.stopPolling();
    this.poll = setInterval(() => {
      if (this.status().state === 'busy') return; // the job checks for itself
      void this.queryHealth().then((r) => {
        if (!r.ok && this.isOnline) this.portLost(r.error.extended ?? 'NO-REPLY');
      });
    }, this.pollMs);
    this.poll.unref();
  }

  protected override onInactive(): void {
    this.stopPolling();
  }

  // ---- status ------------------------------------------------------------------

  /** Asks DLE EOT 1..4 in turn (one outstanding question at a time) and merges the answers. */
  private queryHealth(): Promise<DeviceResult<PrinterHealth>> {
    const run = this.statusChain.then(async (): Promise<DeviceResult<PrinterHealth>> => {
      let flags: PrinterFlags = {};
      for (const n of [1, 2, 3, 4] as const) {
        const r = await this.ask(n);
        if (!r.ok) return r;
        flags = { ...flags, ...r.value };
      }
      this.seen();
      return done(this.absorb(flags));
    });
    this.statusChain = run;
    return run;
  }

  private ask(n: StatusQuery): Promise<DeviceResult<PrinterFlags>> {
    const link = this.link;
    if (!link) return Promise.resolve(failed('offline', 'PORT-GONE'));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve(failed('timeout', `NO-STATUS-${n}`, '打印机没有响应，请稍候再试。'));
      }, this.replyMs);
      this.waiting = (b) => {
        clearTimeout(timer);
        if (b === null) return resolve(failed('offline', 'PORT-GONE'));
        const flags = parseRealtimeStatus(n, b);
        resolve(flags ? done(flags) : failed('failure', `BAD-STATUS-${n}`));
      };
      void link.write(realtimeStatusRequest(n)).then((w) => {
        if (!w.ok && this.waiting) {
          clearTimeout(timer);
          this.waiting = null;
          resolve(w);
        }
      });
    });
  }

  /** Folds an answer or an automatic status frame into the device's published conditions. */
  private absorb(flags: PrinterFlags): PrinterHealth {
    const h = healthFromFlags(flags);
    this.health = h;
    this.setCondition('paper', h.paper);
    this.setCondition('cover', h.coverOpen ? 'open' : 'closed');
    this.setCondition('online', h.online);
    this.setCondition('error', h.error ?? 'none');
    this.publishData(h);
    return h;
  }

  private failWaiting(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.(null);
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }
}
