import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../contract';
import { A4Printer } from '../../../drivers/printer/a4/a4-printer';
import { composeA4, type A4Request } from '../../../drivers/printer/a4/compose';
import { IppQueue } from '../../../drivers/printer/a4/ipp';
import { EventBus } from '../../../host/api/events';
import { createLogger } from '../../../host/log';
import { A4DocumentService } from '../../../host/resident/a4-documents';
import { SessionService } from '../../../host/resident/session';
import { createRecordCipher } from '../../../offline-cache/crypto/record-cipher';
import { PrintJobStore } from '../../../offline-cache/print/print-jobs';
import { Store } from '../../../offline-cache/store/database';
import { startPrivateCups, type PrivateCups } from '../../support/cupsd';
import { tempDir } from '../../support/processes';
import { sampleReceipt } from '../../support/receipts';
import { until } from '../../support/until';


const form = (localNumber: string): A4Request => ({
  document: 'application-form',
  receipt: { ...sampleReceipt, localNumber },
  fields: [
    { label: '孩子姓名', value: '王*䶮' },
    { label: '出生日期', value: '2026-11-20' },
  ],
});

/**
 * The A4 service against a private cupsd whose kiosk-a4 queue is the real
 * cups-pdf virtual printer: every document that "comes out" is a PDF file,
 * read back with pdftotext; the durable queue is a real SQLite store.
 */
describe('A4 documents through the durable queue to CUPS + cups-pdf', { timeout: 120_000 }, () => {
  let cups: PrivateCups;
  let store: Store;
  let jobs: PrintJobStore;
  const cipher = createRecordCipher(randomBytes(32));
  const logger = createLogger({ level: 'silent' });
  const services: { printer: A4Printer }[] = [];
  const compose = () => {
    const bus = new EventBus();
    const events: EventMessage[] = [];
    bus.subscribe((m) => events.push(m));
    const session = new SessionService(bus);
    const printer = new A4Printer(cups.queue, { pollMs: 250 });
    const a4 = new A4DocumentService(printer, jobs, session, bus, logger, { followMs: 200 });
    services.push({ printer });
    return { bus, events, session, printer, a4 };
  };

  beforeAll(async () => {
    cups = await startPrivateCups();
    store = Store.open({ dataDir: tempDir('a4-service') });
    jobs = new PrintJobStore(store, cipher);
  });
  afterAll(async () => {
    for (const s of services) s.printer.stop();
    store?.close();
    await cups?.stop();
  });

  it('prints a 申请表: the PDF out of cups-pdf names the application number, the matter and the masked applicant', async () => {
    const { session, printer, a4 } = compose();
    await printer.check();
    expect(a4.view()).toEqual({ fitted: true, ready: true, problem: null, warnings: [] });
    const sid = session.begin().id;
    const queued = await a4.enqueue(sid, [form('SX-A4-0001-000101')]);
    expect(queued.ok).toBe(true);
    const jobId = queued.ok ? queued.value[0]!.jobId : '';
    await until('printed', () => jobs.get(jobId)?.state === 'printed');
    const [pdf, ...more] = await until('the PDF', () => (cups.pdfsOf(jobId).length > 0 ? cups.pdfsOf(jobId) : null));
    expect(more).toEqual([]);
    const text = cups.textOf(pdf!);
    expect(text).toContain('SX-A4-0001-000101');
    expect(text).toContain('新生儿出生"一件事"申请表');
    expect(text).toContain('张*三');
    expect(text).toContain('2026-11-20');
    expect(jobs.get(jobId)?.printerJob).toBeGreaterThan(0);
    expect(a4.jobsOf(sid)).toEqual([{ jobId, document: 'application-form', status: 'printed', problem: null }]);
    session.end('finished');
  });

  it('queue paused → the state says so and the job waits → resumed → printed once', async () => {
    const { session, printer, a4, events } = compose();
    cups.disable();
    await until('paused seen', async () => ((await printer.check()).problem === 'PAUSED' ? true : null));
    expect(printer.status()).toMatchObject({ kind: 'a4-printer', state: 'error', conditions: { problem: 'PAUSED', printerState: 'stopped' } });
    const sid = session.begin().id;
    const queued = await a4.enqueue(sid, [form('SX-A4-0001-000102')]);
    const jobId = queued.ok ? queued.value[0]!.jobId : '';
    expect(queued.ok && queued.value[0]).toMatchObject({ status: 'waiting', problem: 'PAUSED' });
    expect(events.some((e) => e.event === 'a4.printer' && (e.payload as { problem: string | null }).problem === 'PAUSED')).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(jobs.get(jobId)).toMatchObject({ state: 'waiting', problem: 'PAUSED', printerJob: null });
    expect(cups.pdfsOf(jobId)).toEqual([]);

    printer.start();
    cups.enable();
    await until('printed after resume', () => jobs.get(jobId)?.state === 'printed');
    await until('its PDF', () => cups.pdfsOf(jobId).length > 0);
    expect(cups.textOf(cups.pdfsOf(jobId)[0]!)).toContain('SX-A4-0001-000102');
    // Printed once: more printer changes and pumps send nothing again.
    cups.disable();
    await until('paused again', async () => ((await printer.check()).problem === 'PAUSED' ? true : null));
    cups.enable();
    await until('ready again', async () => ((await printer.check()).problem === null ? true : null));
    await a4.pump();
    await new Promise((r) => setTimeout(r, 2000));
    expect(cups.pdfsOf(jobId)).toHaveLength(1);
    expect(jobs.get(jobId)?.attempts).toBe(1);
    printer.stop();
    session.end('finished');
  });

  it('the visit ends while the job waits → never printed, listed as not printed (session-ended)', async () => {
    const { session, printer, a4 } = compose();
    cups.disable();
    await until('paused seen', async () => ((await printer.check()).problem === 'PAUSED' ? true : null));
    const sid = session.begin().id;
    const queued = await a4.enqueue(sid, [form('SX-A4-0001-000103')]);
    const jobId = queued.ok ? queued.value[0]!.jobId : '';
    session.end('idle');
    await until('abandoned', () => jobs.get(jobId)?.state === 'abandoned');
    expect(jobs.abandoned().find((j) => j.jobId === jobId)).toMatchObject({ kind: 'a4', document: 'application-form', reason: 'session-ended', problem: 'PAUSED' });
    // The next visit's printer recovery does not print it.
    session.begin();
    printer.start();
    cups.enable();
    await until('ready', async () => ((await printer.check()).problem === null ? true : null));
    await a4.pump();
    await new Promise((r) => setTimeout(r, 2000));
    expect(cups.pdfsOf(jobId)).toEqual([]);
    expect(jobs.get(jobId)?.state).toBe('abandoned');
    printer.stop();
    session.end('finished');
  });

  /** A job sent on the last ready check, then the queue stops: CUPS holds it (the kiosk learns of the stop on its next poll). */
  const heldInCups = async (localNumber: string) => {
    const c = compose();
    await c.printer.check();
    expect(c.printer.condition.problem).toBeNull();
    const sid = c.session.begin().id;
    cups.disable();
    const jobId = 'cups-held-' + randomBytes(4).toString('hex');
    jobs.add({ jobId, sessionId: sid, kind: 'a4', document: 'application-form', payload: form(localNumber) });
    await c.a4.pump();
    const row = await until('sent to CUPS', () => (jobs.get(jobId)?.printerJob ? jobs.get(jobId) : null));
    expect(row.state).toBe('printing');
    expect(await cups.queue.jobState(row.printerJob!)).toBe(3); // pending behind the stopped queue
    c.printer.start();
    await until('the problem noted on the job CUPS holds', () => jobs.get(jobId)?.problem === 'PAUSED');
    return { ...c, sid, jobId, cupsJob: row.printerJob! };
  };

  it('the queue stops after CUPS took a job: the job shows the problem, then completes once the queue resumes', async () => {
    const { a4, printer, session, sid, jobId } = await heldInCups('SX-A4-0001-000108');
    expect(a4.jobsOf(sid)).toEqual([]); // queued outside enqueue: the service lists only what this visit asked through it
    expect(jobs.get(jobId)).toMatchObject({ state: 'printing', problem: 'PAUSED' });
    cups.enable();
    await until('printed', () => jobs.get(jobId)?.state === 'printed');
    await until('its PDF', () => cups.pdfsOf(jobId).length === 1);
    expect(cups.textOf(cups.pdfsOf(jobId)[0]!)).toContain('SX-A4-0001-000108');
    expect(jobs.get(jobId)?.attempts).toBe(1);
    printer.stop();
    session.end('finished');
  });

  it('the visit ends while CUPS holds its job: Cancel-Job, abandoned, nothing comes out when the queue resumes', async () => {
    const { printer, session, jobId, cupsJob } = await heldInCups('SX-A4-0001-000109');
    session.end('idle');
    await until('abandoned', () => jobs.get(jobId)?.state === 'abandoned');
    expect(jobs.get(jobId)).toMatchObject({ reason: 'session-ended' });
    expect(await cups.queue.jobState(cupsJob)).toBe(7);
    cups.enable();
    await until('ready', async () => ((await printer.check()).problem === null ? true : null));
    await new Promise((r) => setTimeout(r, 2000));
    expect(cups.pdfsOf(jobId)).toEqual([]);
    printer.stop();
  });

  it('a restart while printing asks CUPS: a completed job is printed, not sent again; one CUPS still holds for an ended visit is cancelled', async () => {
    // A job CUPS completed, left `printing` by a stop before the host heard: the store row is written as the crash left it.
    const first = compose();
    await first.printer.check();
    const sid = first.session.begin().id;
    const done = await first.a4.enqueue(sid, [form('SX-A4-0001-000104')]);
    const doneId = done.ok ? done.value[0]!.jobId : '';
    await until('printed', () => jobs.get(doneId)?.state === 'printed');
    store.durable((db) => db.prepare("UPDATE print_jobs SET state = 'printing' WHERE job_id = ?").run(doneId));
    // A job CUPS still holds (queue paused after it was sent), from the same visit.
    cups.disable();
    await until('paused seen', async () => ((await first.printer.check()).problem === 'PAUSED' ? true : null));
    const heldId = 'held-' + randomBytes(4).toString('hex');
    jobs.add({ jobId: heldId, sessionId: sid, kind: 'a4', document: 'acceptance-notice', payload: { ...form('SX-A4-0001-000105'), document: 'acceptance-notice' } });
    jobs.markPrinting(heldId);
    const cupsJob = await cups.queue.printPdf(`kiosk-${heldId} 受理通知书`, await composeNotice('SX-A4-0001-000105'));
    jobs.notePrinterJob(heldId, cupsJob);
    expect(await cups.queue.jobState(cupsJob)).toBe(3);

    // The host comes back; the visit is not resumed (no marker): both are decided by asking CUPS.
    const second = compose();
    await second.printer.check();
    await second.a4.reconcile();
    expect(jobs.get(doneId)?.state).toBe('printed');
    expect(jobs.get(heldId)).toMatchObject({ state: 'abandoned', reason: 'session-ended' });
    expect(await cups.queue.jobState(cupsJob)).toBe(7); // cancelled in CUPS
    cups.enable();
    await until('ready', async () => ((await second.printer.check()).problem === null ? true : null));
    await new Promise((r) => setTimeout(r, 2000));
    expect(cups.pdfsOf(doneId)).toHaveLength(1);
    expect(cups.pdfsOf(heldId)).toEqual([]);
  });

  it('a job left printing without a CUPS id is abandoned as interrupted, never sent blindly', async () => {
    const { session, printer, a4 } = compose();
    await printer.check();
    const sid = session.begin().id;
    const id = 'lost-' + randomBytes(4).toString('hex');
    jobs.add({ jobId: id, sessionId: sid, kind: 'a4', document: 'application-form', payload: form('SX-A4-0001-000106') });
    jobs.markPrinting(id);
    await a4.reconcile();
    expect(jobs.get(id)).toMatchObject({ state: 'abandoned', reason: 'interrupted' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(cups.pdfsOf(id)).toEqual([]);
    session.end('finished');
  });

  it('a wrong queue: the printer is UNREACHABLE and the job waits with that problem', async () => {
    const bus = new EventBus();
    const session = new SessionService(bus);
    const printer = new A4Printer(new IppQueue(`ipp://127.0.0.1:${cups.port}/printers/no-such-queue`, 3000));
    const a4 = new A4DocumentService(printer, jobs, session, bus, logger);
    await printer.check();
    expect(printer.condition.problem).toBe('UNREACHABLE');
    expect(printer.status()).toMatchObject({ power: 'offline', lastError: { extended: 'UNREACHABLE' } });
    const sid = session.begin().id;
    const r = await a4.enqueue(sid, [form('SX-A4-0001-000107')]);
    expect(r.ok && r.value[0]).toMatchObject({ status: 'waiting', problem: 'UNREACHABLE' });
    session.end('finished');
  });
});

async function composeNotice(localNumber: string): Promise<Uint8Array> {
  const r = await composeA4({ document: 'acceptance-notice', receipt: { ...sampleReceipt, localNumber } });
  if (!r.ok) throw new Error(r.reason);
  return r.pdf;
}
