import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adviseDevice, type EventMessage } from '../../../contract';
import { A4Printer } from '../../../drivers/printer/a4/a4-printer';
import type { A4Request } from '../../../drivers/printer/a4/compose';
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

const notice = (localNumber: string): A4Request => ({ document: 'acceptance-notice', receipt: { ...sampleReceipt, localNumber } });

/**
 * Toner low and paper out as the real CUPS reports them: the private cupsd's
 * kiosk-a4 queue (cups-pdf) is given printer-state-reasons with
 * CUPS-Add-Modify-Printer (cups-pdf itself never reports a marker or the
 * paper; a real printer's backend sets the same attribute with STATE:
 * lines). The kiosk reads them with Get-Printer-Attributes like any other
 * state: its A4 status, the resident's view, the technician's finding, and
 * whether the job goes ahead.
 */
describe('toner low and paper out reported by CUPS', { timeout: 120_000 }, () => {
  let cups: PrivateCups;
  let store: Store;
  let jobs: PrintJobStore;
  const logger = createLogger({ level: 'silent' });
  const printers: A4Printer[] = [];
  const kiosk = () => {
    const bus = new EventBus();
    const events: EventMessage[] = [];
    bus.subscribe((m) => events.push(m));
    const session = new SessionService(bus);
    const printer = new A4Printer(cups.queue, { pollMs: 250 });
    printers.push(printer);
    const a4 = new A4DocumentService(printer, jobs, session, bus, logger, { followMs: 200 });
    const printerEvents = () => events.filter((e) => e.event === 'a4.printer').map((e) => e.payload);
    return { session, printer, a4, printerEvents };
  };

  beforeAll(async () => {
    cups = await startPrivateCups();
    store = Store.open({ dataDir: tempDir('a4-reasons') });
    jobs = new PrintJobStore(store, createRecordCipher(randomBytes(32)));
  });
  afterAll(async () => {
    for (const p of printers) p.stop();
    store?.close();
    await cups?.stop();
  });

  it('toner low: a warning for the resident and the technician, and the document prints', async () => {
    const { session, printer, a4, printerEvents } = kiosk();
    await printer.check();
    expect(a4.view()).toEqual({ fitted: true, ready: true, problem: null, warnings: [] });
    printer.start();

    cups.setReasons('toner-low-warning');
    await until('toner low seen', () => (printer.condition.warnings.length > 0 ? true : null));
    expect(printer.condition).toMatchObject({ reachable: true, state: 'idle', reasons: ['toner-low-warning'], problem: null, warnings: ['TONER-LOW'] });
    // The resident's view (a4.printer, what A4Print shows): ready, with the warning.
    expect(a4.view()).toEqual({ fitted: true, ready: true, problem: null, warnings: ['TONER-LOW'] });
    expect(printerEvents().at(-1)).toEqual({ fitted: true, ready: true, problem: null, warnings: ['TONER-LOW'] });
    // The technician's dashboard: the device is not in error, its finding is a warning with the fix.
    const status = printer.status();
    expect(status).toMatchObject({ state: 'idle', power: 'online', lastError: null, conditions: { reasons: 'toner-low-warning', problem: 'none', warnings: 'TONER-LOW' } });
    expect(adviseDevice(status)).toMatchObject({ level: 'warn', code: 'A4-TONER-LOW', problem: { 'zh-CN': 'A4 打印机碳粉不足' } });

    // Printing goes ahead.
    const sid = session.begin().id;
    const queued = await a4.enqueue(sid, [notice('SX-A4-0002-000201')]);
    const jobId = queued.ok ? queued.value[0]!.jobId : '';
    expect(queued.ok && queued.value[0]!.status).not.toBe('waiting');
    await until('printed', () => jobs.get(jobId)?.state === 'printed');
    const [pdf] = await until('its PDF', () => (cups.pdfsOf(jobId).length === 1 ? cups.pdfsOf(jobId) : null));
    expect(cups.textOf(pdf!)).toContain('SX-A4-0002-000201');
    expect(jobs.get(jobId)).toMatchObject({ problem: null, attempts: 1 });

    // Replaced: the warning goes from the view and the finding.
    cups.setReasons();
    await until('toner no longer low', () => (printer.condition.warnings.length === 0 ? true : null));
    expect(printerEvents().at(-1)).toEqual({ fitted: true, ready: true, problem: null, warnings: [] });
    expect(adviseDevice(printer.status())).toBeNull();
    printer.stop();
    session.end('finished');
  });

  it('paper out: the job is kept with the problem, nothing reaches CUPS; paper back → printed once', async () => {
    const { session, printer, a4, printerEvents } = kiosk();
    cups.setReasons('media-empty-error');
    await until('paper out seen', async () => ((await printer.check()).problem === 'MEDIA-EMPTY' ? true : null));
    expect(a4.view()).toEqual({ fitted: true, ready: false, problem: 'MEDIA-EMPTY', warnings: [] });
    const status = printer.status();
    expect(status).toMatchObject({ state: 'error', lastError: { extended: 'MEDIA-EMPTY' }, conditions: { reasons: 'media-empty-error', problem: 'MEDIA-EMPTY' } });
    expect(adviseDevice(status)).toMatchObject({ level: 'fault', code: 'A4-MEDIA-EMPTY' });

    const sentBefore = cups.jobsEver();
    const sid = session.begin().id;
    const queued = await a4.enqueue(sid, [notice('SX-A4-0002-000202')]);
    const jobId = queued.ok ? queued.value[0]!.jobId : '';
    expect(queued.ok && queued.value[0]).toMatchObject({ status: 'waiting', problem: 'MEDIA-EMPTY' });
    printer.start();
    await new Promise((r) => setTimeout(r, 1500));
    expect(jobs.get(jobId)).toMatchObject({ state: 'waiting', problem: 'MEDIA-EMPTY', printerJob: null });
    expect(cups.jobsEver()).toBe(sentBefore);
    expect(cups.pdfsOf(jobId)).toEqual([]);

    // Paper loaded: the printer's reasons clear, the kiosk's poll sees it, the kept job prints once.
    cups.setReasons();
    await until('printed', () => jobs.get(jobId)?.state === 'printed');
    await until('its PDF', () => cups.pdfsOf(jobId).length === 1);
    expect(cups.textOf(cups.pdfsOf(jobId)[0]!)).toContain('SX-A4-0002-000202');
    expect(printerEvents().at(-1)).toEqual({ fitted: true, ready: true, problem: null, warnings: [] });
    await new Promise((r) => setTimeout(r, 1000));
    expect(cups.jobsEver()).toBe(sentBefore + 1);
    expect(jobs.get(jobId)?.attempts).toBe(1);
    printer.stop();
    session.end('finished');
  });

  it('paper and toner low together are both warnings; paper out with toner low is the problem, toner low still a warning', async () => {
    const { printer } = kiosk();
    cups.setReasons('marker-supply-low-report', 'media-low-warning');
    expect(await printer.check()).toMatchObject({ problem: null, warnings: ['TONER-LOW', 'MEDIA-LOW'], reasons: ['marker-supply-low-report', 'media-low-warning'] });
    cups.setReasons('media-empty-error', 'toner-low-warning');
    expect(await printer.check()).toMatchObject({ problem: 'MEDIA-EMPTY', warnings: ['TONER-LOW'] });
    cups.setReasons();
    expect(await printer.check()).toMatchObject({ problem: null, warnings: [], reasons: [] });
  });
});
