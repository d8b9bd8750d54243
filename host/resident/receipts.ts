import { randomUUID } from 'node:crypto';
import {
  err,
  ok,
  progressQueryUrl,
  type PrintOutcome,
  type PrinterCondition,
  type ReceiptData,
  type ReceiptDataInput,
  type Result,
} from '../../contract';
import type { HeldReceipt, NotPrintedJob } from '../../contract/api/receipts';
import type { DeviceStatus } from '../../contract';
import type { DeviceResult } from '../../drivers/device';
import type { PrintReport } from '../../drivers/printer/receipt-printer';
import { residentMessageFor } from '../../drivers/printer/receipt-printer';
import { composeReceipt } from '../../drivers/printer/receipt/compose';
import type { EventBus } from '../api/events';
import type { Logger } from '../log';
import { MemoryPrintJobs, type PrintJobsPort } from './print-jobs';
import type { SessionEndReason, SessionService } from './session';

/** What the service needs of a printer driver (`ReceiptPrinter` provides it). */
export interface ReceiptPrinterPort {
  print(job: Uint8Array): Promise<DeviceResult<PrintReport>>;
  status(): DeviceStatus;
  on(event: 'statusUpdate', listener: (s: DeviceStatus) => void): () => void;
}

/** What a journey knows about its application; the service adds kiosk, service point, URL and hotline. */
export interface ReceiptRequest {
  readonly localNumber: string;
  readonly oneThingName: string;
  readonly subItems: readonly { readonly name: string; readonly department: string }[];
  /** Masked (张*三, 140…1234): the composer refuses plaintext. */
  readonly applicantName: string;
  readonly applicantIdNumber: string;
  /** Whom the matter is for, when the form names them (孩子姓名): masked too. */
  readonly subject?: { readonly label: string; readonly name: string };
  readonly submittedAt: string;
  readonly deadline: string;
  /** Materials promised under 告知承诺, listed on the receipt. */
  readonly commitments?: readonly string[];
  /** 预约凭条 instead of 办件回执 (default). */
  readonly kind?: 'application' | 'appointment';
}

export interface ReceiptServiceOptions {
  readonly kioskId: string;
  readonly servicePoint: string;
  readonly paperWidthMm: 58 | 80;
  /** Public progress-query page; the receipt QR is this with `?n=<local number>&c=<receipt code>`. */
  readonly progressBaseUrl: string;
  readonly hotline?: string;
}

const NO_PRINTER = 'NO-PRINTER';

/**
 * Receipts (回执): compose, print for the session that asked, and when the
 * printer cannot print, keep the job in the durable print queue and hand
 * the receipt back for the screen (QR to photograph). A kept job prints when
 * the printer recovers while its session is the one at the kiosk (also
 * after a host restart that resumed the visit), and is abandoned when the
 * session ends: it never prints later, into someone else's visit (the
 * application itself is in the store and at the platform; the dashboard
 * lists it). A job found `printing` at boot is abandoned as `interrupted`:
 * an ESC/POS printer tells nothing about a job, so the paper may already
 * have come out; the resident keeps the screen copy, never a blind second.
 */
export class ReceiptService {
  private queryCode: ((localNumber: string) => string) | null = null;
  private lastCondition = '';
  private retrying = false;

  constructor(
    private readonly options: ReceiptServiceOptions,
    private readonly printer: ReceiptPrinterPort | null,
    private readonly session: SessionService,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly jobs: PrintJobsPort = new MemoryPrintJobs(),
  ) {
    session.onEnd((sessionId, reason) => this.dropSession(sessionId, reason));
    printer?.on('statusUpdate', () => this.onPrinterChange());
    this.publishCondition();
  }

  /** The store's receipt codes, once it is open: the QR then carries `c=` (progress without the card). */
  useQueryCodes(code: (localNumber: string) => string): void {
    this.queryCode = code;
  }

  /** Fills what every receipt from this kiosk shares. */
  receiptFor(request: ReceiptRequest): ReceiptDataInput {
    return {
      kind: request.kind ?? 'application',
      kioskId: this.options.kioskId,
      servicePoint: this.options.servicePoint,
      oneThingName: request.oneThingName,
      subItems: request.subItems.map((s) => ({ name: s.name, department: s.department })),
      applicantName: request.applicantName,
      applicantIdNumber: request.applicantIdNumber,
      ...(request.subject ? { subject: { label: request.subject.label, name: request.subject.name } } : {}),
      localNumber: request.localNumber,
      submittedAt: request.submittedAt,
      deadline: request.deadline,
      commitments: [...(request.commitments ?? [])],
      progressUrl: progressQueryUrl(this.options.progressBaseUrl, request.localNumber, this.queryCode?.(request.localNumber)),
      hotline: this.options.hotline ?? '12345',
    };
  }

  /** Prints for `sessionId`, which must be the session at the kiosk now. */
  async print(sessionId: string, request: ReceiptRequest): Promise<Result<PrintOutcome>> {
    if (this.session.currentId !== sessionId) return err('no-session', '本次办理已结束，请重新开始', { detail: 'receipts: job for a session that is not current' });
    const composed = composeReceipt(this.receiptFor(request), { paperWidthMm: this.options.paperWidthMm });
    if (!composed.ok) return err('invalid-input', '回执内容不完整，请联系工作人员', { detail: `receipts: ${composed.reason}` });
    const jobId = randomUUID();
    this.jobs.add({ jobId, sessionId, kind: 'receipt', document: composed.receipt.kind, payload: composed.receipt });
    return this.send(sessionId, jobId, composed.bytes, composed.receipt);
  }

  held(sessionId: string | null): HeldReceipt[] {
    if (sessionId === null) return [];
    return this.jobs.open(sessionId, 'receipt').flatMap((row) => {
      const job = this.jobs.get(row.jobId);
      if (!job) return [];
      const reason = row.problem ?? NO_PRINTER;
      return [{ jobId: row.jobId, reason, message: residentMessageFor(reason), receipt: job.payload as ReceiptData, heldAt: new Date(row.createdAt).toISOString() }];
    });
  }

  async retry(sessionId: string | null, jobId: string): Promise<Result<PrintOutcome>> {
    const job = this.jobs.get(jobId);
    if (!job || job.kind !== 'receipt' || job.sessionId !== sessionId || sessionId === null || job.state !== 'waiting') {
      return err('not-found', '没有找到这张回执', { detail: 'receipts: held job not in this session' });
    }
    const receipt = job.payload as ReceiptData;
    const composed = composeReceipt(receipt, { paperWidthMm: this.options.paperWidthMm });
    if (!composed.ok) {
      this.jobs.abandon(jobId, 'render-failed');
      return err('internal', '回执内容不完整，请联系工作人员', { detail: composed.reason });
    }
    return this.send(sessionId, jobId, composed.bytes, receipt);
  }

  /**
   * At boot, once the session is resumed (or not): jobs of any other visit
   * are abandoned, a job caught `printing` is abandoned as interrupted, and
   * what the resumed visit left waiting prints if the printer is ready.
   */
  reconcile(): void {
    const current = this.session.currentId;
    for (const job of this.jobs.allOpen()) {
      if (job.kind !== 'receipt') continue;
      const reason = job.state === 'printing' ? 'interrupted' : job.sessionId !== current ? 'session-ended' : null;
      if (!reason) continue;
      this.jobs.abandon(job.jobId, reason);
      this.logger.warn({ jobId: job.jobId, reason }, 'receipt not printed (the application is kept; the platform copy stands)');
      this.bus.emit('receipts.job', { jobId: job.jobId, sessionId: job.sessionId, status: 'dropped', reason });
    }
    this.publishCondition();
    this.onPrinterChange();
  }

  /** What will not print (any kind), newest first: the maintenance dashboard's list. */
  notPrinted(limit = 50): NotPrintedJob[] {
    return this.jobs.abandoned(limit).map((j) => ({
      jobId: j.jobId,
      kind: j.kind,
      document: j.document,
      reason: j.reason ?? 'session-ended',
      problem: j.problem,
      attempts: j.attempts,
      createdAt: new Date(j.createdAt).toISOString(),
      settledAt: new Date(j.updatedAt).toISOString(),
    }));
  }

  /** A sample receipt through the real path (technician check, dev dock). */
  async printTest(): Promise<Result<PrintOutcome>> {
    const sessionId = this.session.currentId ?? this.session.begin().id;
    return this.print(sessionId, {
      localNumber: 'TEST-' + new Date().toISOString().slice(2, 10).replaceAll('-', ''),
      oneThingName: '打印测试',
      subItems: [{ name: '回执打印机检查', department: '便民服务中心' }],
      applicantName: '测*试',
      applicantIdNumber: '000…0000',
      submittedAt: new Date().toISOString(),
      deadline: '即办',
    });
  }

  condition(): PrinterCondition {
    const sessionId = this.session.currentId;
    const heldJobs = sessionId ? this.jobs.open(sessionId, 'receipt').length : 0;
    if (!this.printer) return { online: false, paper: 'unknown', coverOpen: false, error: NO_PRINTER, heldJobs };
    const s = this.printer.status();
    const c = s.conditions;
    const paper = c['paper'];
    return {
      online: s.power === 'online' && c['online'] !== false,
      paper: paper === 'ok' || paper === 'near-end' || paper === 'end' ? paper : 'unknown',
      coverOpen: c['cover'] === 'open',
      error: typeof c['error'] === 'string' && c['error'] !== 'none' ? c['error'] : null,
      heldJobs,
    };
  }

  private async send(sessionId: string, jobId: string, bytes: Uint8Array, receipt: ReceiptData): Promise<Result<PrintOutcome>> {
    const taken = this.printer !== null && this.jobs.markPrinting(jobId);
    const r = taken ? await this.printer!.print(bytes) : null;
    if (r?.ok) {
      this.jobs.markPrinted(jobId);
      this.logger.info({ jobId, bytes: bytes.length }, 'receipt printed');
      this.bus.emit('receipts.job', { jobId, sessionId, status: 'printed', reason: null });
      this.publishCondition();
      return ok({ status: 'printed', jobId, printedAt: new Date().toISOString() });
    }
    const reason = r ? (r.error.extended ?? r.error.code.toUpperCase()) : NO_PRINTER;
    const message = r?.error.code === 'extended' ? r.error.message : residentMessageFor(reason);
    this.jobs.markWaiting(jobId, reason);
    this.logger.warn({ jobId, reason }, 'receipt held: shown on screen instead');
    this.bus.emit('receipts.job', { jobId, sessionId, status: 'held', reason });
    this.publishCondition();
    return ok({ status: 'held', jobId, reason, message, receipt });
  }

  /** The visit ended: its kept receipts will never print (a host shutdown keeps them for the resumed visit). */
  private dropSession(sessionId: string, reason: SessionEndReason): void {
    if (reason === 'shutdown') return;
    for (const job of this.jobs.abandonSession(sessionId, 'receipt')) {
      this.logger.info({ jobId: job.jobId, problem: job.problem }, 'kept receipt not printed: its session ended (application kept in the store)');
      this.bus.emit('receipts.job', { jobId: job.jobId, sessionId, status: 'dropped', reason: job.problem });
    }
    this.publishCondition();
  }

  private onPrinterChange(): void {
    this.publishCondition();
    const c = this.condition();
    const ready = c.online && c.paper !== 'end' && !c.coverOpen && c.error === null;
    if (ready) void this.retryHeldOfCurrentSession();
  }

  /** Paper refilled while the resident is still here: print what was held. */
  private async retryHeldOfCurrentSession(): Promise<void> {
    const sessionId = this.session.currentId;
    if (this.retrying || !sessionId) return;
    this.retrying = true;
    try {
      for (const job of this.held(sessionId)) await this.retry(sessionId, job.jobId);
    } finally {
      this.retrying = false;
    }
  }

  private publishCondition(): void {
    const c = this.condition();
    const key = JSON.stringify(c);
    if (key === this.lastCondition) return;
    this.lastCondition = key;
    this.bus.emit('receipts.printer', c);
  }
}
