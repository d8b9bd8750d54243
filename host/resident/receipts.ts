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
import type { HeldReceipt } from '../../contract/api/receipts';
import type { DeviceStatus } from '../../contract';
import type { DeviceResult } from '../../drivers/device';
import type { PrintReport } from '../../drivers/printer/receipt-printer';
import { residentMessageFor } from '../../drivers/printer/receipt-printer';
import { composeReceipt } from '../../drivers/printer/receipt/compose';
import type { EventBus } from '../api/events';
import type { Logger } from '../log';
import type { SessionService } from './session';

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

interface HeldJob extends HeldReceipt {
  readonly sessionId: string;
}

const NO_PRINTER = 'NO-PRINTER';

/**
 * Receipts (回执): compose, print for the session that asked, and when the
 * printer cannot print, hold the job and hand the receipt back for the
 * screen (QR to photograph). Held jobs are retried when the printer recovers
 * while their session lasts, and dropped when it ends: the application
 * itself is in the store, so a paper copy can be printed later from the
 * progress query or at the service window.
 */
export class ReceiptService {
  private readonly heldJobs = new Map<string, HeldJob>();
  private queryCode: ((localNumber: string) => string) | null = null;
  private lastCondition = '';
  private retrying = false;

  constructor(
    private readonly options: ReceiptServiceOptions,
    private readonly printer: ReceiptPrinterPort | null,
    private readonly session: SessionService,
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {
    session.onEnd((sessionId) => this.dropSession(sessionId));
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
    return this.send(sessionId, randomUUID(), composed.bytes, composed.receipt);
  }

  held(sessionId: string | null): HeldReceipt[] {
    return [...this.heldJobs.values()].filter((j) => j.sessionId === sessionId).map(({ sessionId: _s, ...view }) => view);
  }

  async retry(sessionId: string | null, jobId: string): Promise<Result<PrintOutcome>> {
    const job = this.heldJobs.get(jobId);
    if (!job || job.sessionId !== sessionId || sessionId === null) return err('not-found', '没有找到这张回执', { detail: 'receipts: held job not in this session' });
    const composed = composeReceipt(job.receipt, { paperWidthMm: this.options.paperWidthMm });
    if (!composed.ok) return err('internal', '回执内容不完整，请联系工作人员', { detail: composed.reason });
    return this.send(sessionId, jobId, composed.bytes, job.receipt);
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
    const heldJobs = sessionId ? this.held(sessionId).length : 0;
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
    const r = this.printer ? await this.printer.print(bytes) : null;
    if (r?.ok) {
      this.heldJobs.delete(jobId);
      this.logger.info({ jobId, bytes: bytes.length }, 'receipt printed');
      this.bus.emit('receipts.job', { jobId, sessionId, status: 'printed', reason: null });
      this.publishCondition();
      return ok({ status: 'printed', jobId, printedAt: new Date().toISOString() });
    }
    const reason = r ? (r.error.extended ?? r.error.code.toUpperCase()) : NO_PRINTER;
    const message = r?.error.code === 'extended' ? r.error.message : residentMessageFor(reason);
    const heldAt = this.heldJobs.get(jobId)?.heldAt ?? new Date().toISOString();
    this.heldJobs.set(jobId, { jobId, sessionId, reason, message, receipt, heldAt });
    this.logger.warn({ jobId, reason }, 'receipt held: shown on screen instead');
    this.bus.emit('receipts.job', { jobId, sessionId, status: 'held', reason });
    this.publishCondition();
    return ok({ status: 'held', jobId, reason, message, receipt });
  }

  private dropSession(sessionId: string): void {
    for (const [jobId, job] of this.heldJobs) {
      if (job.sessionId !== sessionId) continue;
      this.heldJobs.delete(jobId);
      this.logger.info({ jobId, reason: job.reason }, 'held receipt dropped with its session (application kept in the store)');
      this.bus.emit('receipts.job', { jobId, sessionId, status: 'dropped', reason: job.reason });
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
