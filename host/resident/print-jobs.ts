import type { AbandonReason, PrintJobKind, PrintJobRow, PrintJobState, PrintJobWithPayload } from '../../offline-cache/print/print-jobs';

export type { AbandonReason, PrintJobKind, PrintJobRow, PrintJobWithPayload };

/** What the receipt and A4 services need of the durable print queue (`PrintJobStore` in the offline store). */
export interface PrintJobsPort {
  add(job: { readonly jobId: string; readonly sessionId: string; readonly kind: PrintJobKind; readonly document: string; readonly payload: unknown }): void;
  get(jobId: string): PrintJobWithPayload | null;
  open(sessionId: string, kind?: PrintJobKind): PrintJobRow[];
  allOpen(): PrintJobRow[];
  markPrinting(jobId: string): boolean;
  notePrinterJob(jobId: string, printerJob: number): void;
  noteProblem(jobId: string, problem: string | null): void;
  markPrinted(jobId: string): boolean;
  markWaiting(jobId: string, problem: string): boolean;
  abandon(jobId: string, reason: AbandonReason): boolean;
  abandonSession(sessionId: string, kind?: PrintJobKind): PrintJobRow[];
  abandoned(limit?: number): PrintJobRow[];
}

/**
 * The same queue in memory, for a composition without the offline store
 * (the dev tools' printer check, service tests of composition). The host
 * always composes the durable one.
 */
export class MemoryPrintJobs implements PrintJobsPort {
  private readonly jobs = new Map<string, PrintJobWithPayload>();

  add(job: { readonly jobId: string; readonly sessionId: string; readonly kind: PrintJobKind; readonly document: string; readonly payload: unknown }): void {
    const at = Date.now();
    this.jobs.set(job.jobId, { ...job, payload: structuredClone(job.payload), state: 'waiting', attempts: 0, problem: null, reason: null, printerJob: null, createdAt: at, updatedAt: at });
  }
  get(jobId: string): PrintJobWithPayload | null {
    return this.jobs.get(jobId) ?? null;
  }
  open(sessionId: string, kind?: PrintJobKind): PrintJobRow[] {
    return this.allOpen().filter((j) => j.sessionId === sessionId && (!kind || j.kind === kind));
  }
  allOpen(): PrintJobRow[] {
    return [...this.jobs.values()].filter((j) => j.state === 'waiting' || j.state === 'printing');
  }
  markPrinting(jobId: string): boolean {
    return this.move(jobId, ['waiting'], 'printing', (j) => ({ ...j, attempts: j.attempts + 1 }));
  }
  notePrinterJob(jobId: string, printerJob: number): void {
    const j = this.jobs.get(jobId);
    if (j) this.jobs.set(jobId, { ...j, printerJob });
  }
  noteProblem(jobId: string, problem: string | null): void {
    const j = this.jobs.get(jobId);
    if (j) this.jobs.set(jobId, { ...j, problem });
  }
  markPrinted(jobId: string): boolean {
    return this.move(jobId, ['printing', 'waiting'], 'printed', (j) => ({ ...j, problem: null }));
  }
  markWaiting(jobId: string, problem: string): boolean {
    return this.move(jobId, ['printing', 'waiting'], 'waiting', (j) => ({ ...j, problem }));
  }
  abandon(jobId: string, reason: AbandonReason): boolean {
    return this.move(jobId, ['printing', 'waiting'], 'abandoned', (j) => ({ ...j, reason }));
  }
  abandonSession(sessionId: string, kind?: PrintJobKind): PrintJobRow[] {
    const open = this.open(sessionId, kind);
    for (const j of open) this.abandon(j.jobId, 'session-ended');
    return open;
  }
  abandoned(limit = 50): PrintJobRow[] {
    return [...this.jobs.values()].filter((j) => j.state === 'abandoned').reverse().slice(0, limit);
  }
  private move(jobId: string, from: readonly PrintJobState[], to: PrintJobState, change: (j: PrintJobWithPayload) => PrintJobWithPayload): boolean {
    const j = this.jobs.get(jobId);
    if (!j || !from.includes(j.state)) return false;
    this.jobs.set(jobId, { ...change(j), state: to, updatedAt: Date.now() });
    return true;
  }
}
