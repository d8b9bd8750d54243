import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedPrinter, type SimulatedPrinter } from '../../../drivers/printer/sim/pty-sim';
import { paperGeometry } from '../../../drivers/printer/receipt/layout';
import { DEMO_MAINTENANCE_PIN } from '../../../host/operations';
import { startKioskProcess, startPlatformProcess, tempDir, type KioskProcess, type PlatformProcess } from '../../support/processes';
import { until } from '../../support/until';

interface Res<T> {
  ok: boolean;
  value: T;
  code?: string;
}


/**
 * A receipt held for paper is a row in the store, not a promise in memory:
 * it survives a restart of the kiosk process (same data folder, same
 * printer on its serial line), prints once when paper returns while the
 * same visit is at the kiosk, and never prints after that visit ended.
 */
describe('a receipt held for paper survives a kiosk restart', () => {
  let platform: PlatformProcess;
  let printer: SimulatedPrinter;
  const kiosks: KioskProcess[] = [];
  const completeDocuments = () => printer.printer.documents().filter((d) => d.complete).length;
  const start = async (dataDir: string) => {
    const k = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_PRINTER: printer.path, KIOSK_SCANNER: 'none', KIOSK_DATA_DIR: dataDir });
    kiosks.push(k);
    return k;
  };
  const printerReports = (k: KioskProcess, paper: string) =>
    until(`printer paper ${paper}`, async () => (await k.call<Res<{ paper: string }>>('receipts.condition')).body.value.paper === paper);

  beforeAll(async () => {
    platform = await startPlatformProcess();
    printer = await startSimulatedPrinter({ paperDots: paperGeometry(80).widthDots });
  });
  afterAll(async () => {
    for (const k of kiosks) await k.stop('SIGKILL').catch(() => undefined);
    await printer?.close();
    await platform?.stop();
  });

  it('held for paper → kiosk restarted → paper back while the same visit lasts → printed once', async () => {
    const dataDir = tempDir('durable-receipt');
    printer.printer.set({ paper: 'end', linesLeft: null });
    const first = await start(dataDir);
    await printerReports(first, 'end');
    const visit = (await first.call<Res<{ id: string }>>('session.begin')).body.value.id;
    const held = await first.call<Res<{ status: string; jobId: string }>>('receipts.printTest');
    expect(held.body.value.status).toBe('held');
    const before = completeDocuments();
    await first.stop();

    const second = await start(dataDir);
    const resumed = await second.call<Res<{ id: string } | null>>('session.current');
    expect(resumed.body.value?.id).toBe(visit);
    const kept = await second.call<Res<{ jobId: string; reason: string }[]>>('receipts.held');
    expect(kept.body.value.map((j) => j.jobId)).toEqual([held.body.value.jobId]);
    expect(kept.body.value[0]!.reason).toBe('PAPER-END');
    expect(completeDocuments()).toBe(before);

    printer.printer.set({ paper: 'ok', linesLeft: null });
    await until('the kept receipt printed', () => completeDocuments() === before + 1);
    await until('nothing held any more', async () => (await second.call<Res<unknown[]>>('receipts.held')).body.value.length === 0);
    // Printed once: another status change does not print it again.
    printer.printer.set({ coverOpen: true });
    printer.printer.set({ coverOpen: false });
    await new Promise((r) => setTimeout(r, 1500));
    expect(completeDocuments()).toBe(before + 1);
    await second.stop();
  });

  it('after its visit ended the kept receipt never prints, and the dashboard lists it', async () => {
    const dataDir = tempDir('durable-receipt-ended');
    printer.printer.set({ paper: 'end', linesLeft: null });
    const first = await start(dataDir);
    await printerReports(first, 'end');
    await first.call('session.begin');
    const held = await first.call<Res<{ status: string; jobId: string }>>('receipts.printTest');
    expect(held.body.value.status).toBe('held');
    // A crash this time (no orderly shutdown): the row is in the store all the same.
    await first.stop('SIGKILL');

    const second = await start(dataDir);
    const before = completeDocuments();
    const ended = await second.call<Res<{ ended: boolean }>>('session.end', { reason: 'finished' });
    expect(ended.body.value.ended).toBe(true);
    printer.printer.set({ paper: 'ok', linesLeft: null });
    await printerReports(second, 'ok');
    await second.call('session.begin');
    await new Promise((r) => setTimeout(r, 1500));
    expect(completeDocuments()).toBe(before);
    expect((await second.call<Res<unknown[]>>('receipts.held')).body.value).toEqual([]);

    const login = await second.call<Res<{ token: string }>>('maintenance.login', { pin: DEMO_MAINTENANCE_PIN, via: 'gesture' });
    expect(login.body.ok).toBe(true);
    const listed = await second.call<Res<{ jobs: { jobId: string; kind: string; reason: string; problem: string | null }[] }>>('receipts.notPrinted', { token: login.body.value.token });
    expect(listed.body.value.jobs).toEqual([expect.objectContaining({ jobId: held.body.value.jobId, kind: 'receipt', reason: 'session-ended', problem: 'PAPER-END' })]);
    const noToken = await second.call<Res<unknown>>('receipts.notPrinted', {});
    expect(noToken.body.ok).toBe(false);
    await second.stop();
  });
});
