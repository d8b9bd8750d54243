import { randomUUID } from 'node:crypto';
import { err, ok, type A4Document, type A4Job, type A4PrinterView, type Result } from '../../contract';
import type { A4Condition } from '../../drivers/printer/a4/a4-printer';
import type { A4Composed } from '../../drivers/printer/a4/compose';
import { A4_DOCUMENT_TITLES, DEFAULT_A4_FONTS, type A4FontFiles, type A4Request } from '../../drivers/printer/a4/documents';
import type { EventBus } from '../api/events';
import type { Logger } from '../log';
import type { PrintJobRow, PrintJobsPort } from './print-jobs';
import type { SessionEndReason, SessionService } from './session';

/** What the service needs of the A4 printer (`A4Printer` over an `IppQueue`). */
export interface A4PrinterPort {
  readonly condition: A4Condition;
  check(): Promise<A4Condition>;
  on(event: 'change', listener: (c: A4Condition) => void): () => void;
  readonly queue: {
    printPdf(jobName: string, pdf: Uint8Array): Promise<number>;
    /** 3 pending, 4 held, 5 processing, 6 stopped, 7 canceled, 8 aborted, 9 completed; null = CUPS does not know it. */
    jobState(jobId: number): Promise<number | null>;
    cancel(jobId: number): Promise<boolean>;
  };
}

export interface A4ServiceOptions {
  /** How often a job CUPS holds is asked after (ms). */
  readonly followMs?: number;
  readonly fonts?: A4FontFiles;
}

const CUPS_COMPLETED = 9;
const CUPS_GONE = new Set([7, 8]); // canceled, aborted

/**
 * A4 documents (申请表, 告知承诺书, 受理通知书, 预约凭条) for the resident at
 * the kiosk, through the durable print queue (`print_jobs`, kind `a4`) to
 * the kiosk's CUPS queue:
 *
 *  - a job is written `waiting` before anything is composed or sent;
 *  - it goes to CUPS (Print-Job) only while the printer is ready and only for
 *    the session at the kiosk; paper out, offline or a paused queue keeps it
 *    `waiting` with the problem, and it prints once when the printer is back
 *    (the `waiting → printing` step is one durable update);
 *  - `printing` carries the CUPS job id; the job is followed with
 *    Get-Job-Attributes until CUPS says completed → `printed`;
 *  - the visit ends → waiting jobs are abandoned (`session-ended`) and a job
 *    CUPS still holds is cancelled (Cancel-Job): it never comes out into the
 *    next resident's visit; the platform copy stands, the dashboard lists it;
 *  - at boot, a job left `printing` is decided by asking CUPS about its
 *    stored job id — completed → printed; still held and its visit resumed →
 *    followed; still held otherwise → cancelled and abandoned; unknown,
 *    cancelled or aborted → abandoned `interrupted`. A `printing` job with no
 *    CUPS id (a stop between the two writes) is abandoned `interrupted`, never
 *    sent again: nothing is printed twice blindly.
 */
export class A4DocumentService {
  private readonly bySession = new Map<string, string[]>();
  private readonly followed = new Set<string>();
  private pumping: Promise<void> | null = null;
  private again = false;
  private lastView = '';
  private readonly followMs: number;
  private readonly fonts: A4FontFiles;

  constructor(
    private readonly printer: A4PrinterPort | null,
    private readonly jobs: PrintJobsPort,
    private readonly session: SessionService,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    options: A4ServiceOptions = {},
  ) {
    this.followMs = options.followMs ?? 700;
    this.fonts = options.fonts ?? DEFAULT_A4_FONTS;
    session.onEnd((sessionId, reason) => void this.dropSession(sessionId, reason));
    // Ready again → what the visit has waiting prints; a new problem is noted on each waiting job.
    printer?.on('change', () => {
      this.publishPrinter();
      void this.pump();
    });
    this.publishPrinter();
  }

  view(): A4PrinterView {
    if (!this.printer) return { fitted: false, ready: false, problem: null, warnings: [] };
    const c = this.printer.condition;
    return { fitted: true, ready: c.problem === null, problem: c.problem, warnings: [...c.warnings] };
  }

  get fitted(): boolean {
    return this.printer !== null;
  }

  /** Queues documents for the session at the kiosk; returns their state after the first attempt. */
  async enqueue(sessionId: string, requests: readonly A4Request[]): Promise<Result<A4Job[]>> {
    if (this.session.currentId !== sessionId) return err('no-session', '本次办理已结束，请重新开始', { detail: 'a4: job for a session that is not current' });
    if (!this.printer) return err('device-no-hardware', '这台终端没有 A4 打印机，可在三晋通 App 查看和下载办件材料', { detail: 'a4: devices.a4Printer is none' });
    const ids: string[] = [];
    for (const request of requests) {
      const jobId = randomUUID();
      this.jobs.add({ jobId, sessionId, kind: 'a4', document: request.document, payload: request });
      ids.push(jobId);
      this.logger.info({ jobId, document: request.document }, 'a4 job queued');
    }
    this.bySession.set(sessionId, [...(this.bySession.get(sessionId) ?? []), ...ids]);
    await this.printer.check();
    this.publishPrinter();
    await this.pump();
    return ok(ids.map((id) => this.jobView(id)).filter((j): j is A4Job => j !== null));
  }

  /** The session's A4 jobs, oldest first (printed ones too, while the visit lasts). */
  jobsOf(sessionId: string | null): A4Job[] {
    if (!sessionId) return [];
    return (this.bySession.get(sessionId) ?? []).map((id) => this.jobView(id)).filter((j): j is A4Job => j !== null);
  }

  /** At boot, after the session was resumed (or not): decide every open A4 job (see the class comment). */
  async reconcile(): Promise<void> {
    const current = this.session.currentId;
    for (const job of this.jobs.allOpen()) {
      if (job.kind !== 'a4') continue;
      if (job.sessionId === current) this.bySession.set(current, [...(this.bySession.get(current) ?? []), job.jobId]);
      if (job.state === 'waiting') {
        if (job.sessionId !== current) this.drop(job, 'session-ended');
        continue;
      }
      if (job.printerJob === null || !this.printer) {
        this.drop(job, 'interrupted');
        continue;
      }
      let state: number | null;
      try {
        state = await this.printer.queue.jobState(job.printerJob);
      } catch (e) {
        // CUPS not answering at boot: nothing is sent again; the job is followed once CUPS answers (if its visit is here) or dropped.
        this.logger.warn({ jobId: job.jobId, err: (e as Error).message }, 'a4: CUPS did not answer about a job left printing');
        if (job.sessionId === current) this.follow(job.jobId, job.printerJob);
        else this.drop(job, 'interrupted');
        continue;
      }
      if (state === CUPS_COMPLETED) {
        this.jobs.markPrinted(job.jobId);
        this.logger.info({ jobId: job.jobId, cupsJob: job.printerJob }, 'a4: job left printing had completed in CUPS');
      } else if (state === null || CUPS_GONE.has(state)) {
        this.drop(job, 'interrupted');
      } else if (job.sessionId === current) {
        this.follow(job.jobId, job.printerJob);
      } else {
        await this.cancelQuietly(job.printerJob);
        this.drop(job, 'session-ended');
      }
    }
    await this.pump();
  }

  /** Sends what the current visit has waiting, if the printer is ready; else notes the problem on each. */
  pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      do {
        this.again = false;
        await this.pumpOnce();
      } while (this.again);
    })().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private async pumpOnce(): Promise<void> {
    const sessionId = this.session.currentId;
    if (!this.printer || !sessionId) return;
    for (const row of this.jobs.open(sessionId, 'a4')) {
      if (row.state !== 'waiting') continue;
      // Asked again for every job: the printer may have stopped while the previous one was sent.
      const problem = this.printer.condition.problem;
      if (problem) {
        if (row.problem !== problem) {
          this.jobs.markWaiting(row.jobId, problem);
          this.emitJob(row.jobId);
          this.logger.warn({ jobId: row.jobId, problem }, 'a4 job kept: the printer cannot print now');
        }
        continue;
      }
      if (this.session.currentId !== row.sessionId || !this.jobs.markPrinting(row.jobId)) continue;
      const job = this.jobs.get(row.jobId);
      const composed = job ? await compose(job.payload as A4Request, this.fonts) : { ok: false as const, reason: 'a4: job vanished' };
      if (!composed.ok) {
        this.jobs.abandon(row.jobId, 'render-failed');
        this.logger.error({ jobId: row.jobId, reason: composed.reason }, 'a4 document could not be composed');
        this.emitJob(row.jobId);
        continue;
      }
      const request = job!.payload as A4Request;
      let cupsJob: number;
      try {
        cupsJob = await this.printer.queue.printPdf(jobName(row.jobId, request), composed.pdf);
      } catch (e) {
        const c = await this.printer.check();
        this.jobs.markWaiting(row.jobId, c.problem ?? 'UNREACHABLE');
        this.logger.warn({ jobId: row.jobId, err: (e as Error).message }, 'a4 job kept: CUPS did not take it');
        this.emitJob(row.jobId);
        this.publishPrinter();
        continue;
      }
      this.jobs.notePrinterJob(row.jobId, cupsJob);
      this.logger.info({ jobId: row.jobId, cupsJob, bytes: composed.pdf.length, pages: composed.pages }, 'a4 job sent to CUPS');
      this.emitJob(row.jobId);
      this.follow(row.jobId, cupsJob);
    }
  }

  /** Asks CUPS about a sent job until it completed (printed), went away (abandoned) or its visit ended. */
  private follow(jobId: string, cupsJob: number): void {
    if (this.followed.has(jobId) || !this.printer) return;
    this.followed.add(jobId);
    const printer = this.printer;
    const tick = async (): Promise<void> => {
      const row = this.jobs.get(jobId);
      if (!row || row.state !== 'printing') return void this.followed.delete(jobId);
      // CUPS not answering this time (0) is asked again next tick.
      const state = await printer.queue.jobState(cupsJob).catch(() => 0);
      if (state === CUPS_COMPLETED) {
        this.followed.delete(jobId);
        if (this.jobs.markPrinted(jobId)) {
          this.logger.info({ jobId, cupsJob }, 'a4 job printed');
          this.emitJob(jobId);
        }
        return;
      }
      if (state === null || CUPS_GONE.has(state)) {
        this.followed.delete(jobId);
        if (this.jobs.abandon(jobId, 'printer-rejected')) {
          this.logger.warn({ jobId, cupsJob, state }, 'a4 job cancelled or aborted in CUPS: not sent again');
          this.emitJob(jobId);
        }
        return;
      }
      // Still in CUPS (pending, held, processing, stopped): the printer's problem, if any, is the job's.
      const problem = printer.condition.problem;
      if ((row.problem ?? null) !== problem) {
        this.jobs.noteProblem(jobId, problem);
        this.emitJob(jobId);
      }
      setTimeout(() => void tick(), this.followMs).unref();
    };
    void tick();
  }

  /** The visit ended (not a host shutdown, which keeps its jobs for the resumed visit). */
  private async dropSession(sessionId: string, reason: SessionEndReason): Promise<void> {
    if (reason === 'shutdown') return;
    const open = this.jobs.open(sessionId, 'a4');
    // Waiting jobs first, synchronously: nothing can take them to the printer after this.
    for (const job of open.filter((j) => j.state === 'waiting')) this.drop(job, 'session-ended');
    for (const job of open.filter((j) => j.state === 'printing')) {
      if (job.printerJob !== null && this.printer) {
        const state = await this.printer.queue.jobState(job.printerJob).catch(() => null);
        if (state === CUPS_COMPLETED) {
          this.jobs.markPrinted(job.jobId);
          continue;
        }
        await this.cancelQuietly(job.printerJob);
      }
      this.drop(job, 'session-ended');
    }
    this.bySession.delete(sessionId);
  }

  private drop(job: PrintJobRow, reason: 'session-ended' | 'interrupted'): void {
    if (!this.jobs.abandon(job.jobId, reason)) return;
    this.logger.info({ jobId: job.jobId, reason, problem: job.problem }, 'a4 job not printed (the application is kept; the platform copy stands)');
    this.bus.emit('a4.job', { jobId: job.jobId, sessionId: job.sessionId, document: asDocument(job.document), status: 'dropped', problem: problemOf(job.problem) });
  }

  private async cancelQuietly(cupsJob: number): Promise<void> {
    try {
      await this.printer?.queue.cancel(cupsJob);
    } catch (e) {
      this.logger.warn({ cupsJob, err: (e as Error).message }, 'a4: Cancel-Job failed');
    }
  }

  private jobView(jobId: string): A4Job | null {
    const row = this.jobs.get(jobId);
    if (!row) return null;
    const status = row.state === 'abandoned' ? 'dropped' : row.state;
    return { jobId, document: asDocument(row.document), status, problem: row.state === 'waiting' || row.state === 'printing' ? problemOf(row.problem) : null };
  }

  private emitJob(jobId: string): void {
    const row = this.jobs.get(jobId);
    const view = this.jobView(jobId);
    if (row && view) this.bus.emit('a4.job', { ...view, sessionId: row.sessionId });
  }

  private publishPrinter(): void {
    const v = this.view();
    const key = JSON.stringify(v);
    if (key === this.lastView) return;
    this.lastView = key;
    this.bus.emit('a4.printer', v);
  }
}

/** The CUPS job name: the print job id first (unique; what a technician greps in CUPS logs), then what it is. */
export function jobName(jobId: string, request: A4Request): string {
  return `kiosk-${jobId} ${A4_DOCUMENT_TITLES[request.document]} ${request.receipt.localNumber}`;
}

const DOCUMENTS = new Set<string>(['application-form', 'commitment', 'acceptance-notice', 'appointment-slip']);
function asDocument(d: string): A4Document {
  return (DOCUMENTS.has(d) ? d : 'application-form') as A4Document;
}
const PROBLEMS = new Set<string>(['MEDIA-EMPTY', 'MEDIA-JAM', 'COVER-OPEN', 'TONER-EMPTY', 'OFFLINE', 'PAUSED', 'NOT-ACCEPTING', 'UNREACHABLE']);
function problemOf(p: string | null): A4Job['problem'] {
  return p && PROBLEMS.has(p) ? (p as A4Job['problem']) : null;
}

/**
 * The composer (pdf-lib + fontkit, 1.4 MB of JavaScript) is loaded with the first document, not at every
 * start (docs/packaging.md "Start-up"); a composer that cannot load fails that job, as a document that
 * cannot be drawn does.
 */
async function compose(request: A4Request, fonts: A4FontFiles): Promise<A4Composed> {
  try {
    const { composeA4 } = await import('../../drivers/printer/a4/compose');
    return await composeA4(request, fonts);
  } catch (e) {
    return { ok: false, reason: `a4: composer failed: ${(e as Error).message}` };
  }
}
