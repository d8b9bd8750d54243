import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeReceipt } from '../../../drivers/printer/receipt/compose';
import { ReceiptPrinter } from '../../../drivers/printer/receipt-printer';
import { startSimulatedPrinter, type SimulatedPrinter } from '../../../drivers/printer/sim/pty-sim';
import type { PrintedDocument } from '../../../drivers/printer/sim/virtual-printer';
import { REPO_ROOT, tempDir } from '../../support/processes';
import { openPtyPair } from '../../support/pty';
import { sampleReceipt } from '../../support/receipts';

const ARTIFACTS = path.join(REPO_ROOT, 'artifacts', 'receipts');

/** zbar (Debian zbar-tools) is the independent decoder: it never saw our encoder. */
function zbar(png: Buffer, name: string): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  writeFileSync(file, png);
  const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sqrcode.enable', '-Scode128.enable', file], { encoding: 'utf8' });
  return out.trim().split('\n').sort();
}

const docText = (d: PrintedDocument) => d.elements.flatMap((e) => (e.kind === 'text' ? [e.runs.map((r) => r.text).join('')] : [])).join('\n');

describe('receipt printer driver ⇄ virtual printer over a socat pty pair', () => {
  let sim: SimulatedPrinter;
  let driver: ReceiptPrinter;
  const job = () => {
    const r = composeReceipt(sampleReceipt, { paperWidthMm: 80 });
    if (!r.ok) throw new Error(r.reason);
    return r.bytes;
  };

  beforeEach(async () => {
    sim = await startSimulatedPrinter({ paperDots: 576 });
    driver = new ReceiptPrinter({ path: sim.path, baudRate: 115200, pollMs: 100, replyMs: 400, timings: { callMs: 2000, backoff: { initialMs: 50, maxMs: 200, factor: 2 } } });
    await driver.open();
    driver.claim();
    driver.enable();
  });

  afterEach(async () => {
    await driver.close();
    await sim.close();
  });

  it('prints a receipt whose PNG reads back: Chinese text, QR = progress URL, CODE128 = local number', async () => {
    const r = await driver.print(job());
    expect(r).toMatchObject({ ok: true });
    await expect.poll(() => sim.printer.lastDocument()?.complete).toBe(true);
    const doc = sim.printer.lastDocument()!;
    expect(docText(doc)).toContain('受理编号：SX-DEV-0001-000001');
    expect(docText(doc)).toContain('新生儿出生"一件事"');
    const png = await sim.printer.renderPng(doc);
    expect(zbar(png, 'printed-over-pty')).toEqual([sampleReceipt.localNumber, sampleReceipt.progressUrl].sort());
    expect(driver.status().counters['jobsPrinted']).toBe(1);
  });

  it('refuses a job while out of paper, and the refusal names the reason', async () => {
    sim.printer.set({ paper: 'end' });
    await expect.poll(() => driver.status().conditions['paper']).toBe('end');
    const r = await driver.print(job());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.extended).toBe('PAPER-END');
      expect(r.error.message).toContain('屏幕');
    }
    expect(sim.printer.documents()).toHaveLength(0);
    sim.printer.set({ paper: 'ok' });
    expect(await driver.print(job())).toMatchObject({ ok: true });
    await expect.poll(() => sim.printer.documents().length).toBe(1);
  });

  it('catches paper running out in the middle of a job: torn paper, job reported not printed', async () => {
    sim.printer.set({ linesLeft: 6 });
    const r = await driver.print(job());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.extended).toBe('PAPER-END-MID-JOB');
    await expect.poll(() => sim.printer.lastDocument()?.complete).toBe(false);
    expect(driver.status().conditions['paper']).toBe('end');
  });

  it('reports cover open through status back and polling, and prints again once closed', async () => {
    sim.printer.set({ coverOpen: true });
    await expect.poll(() => driver.status().conditions['cover']).toBe('open');
    const r = await driver.print(job());
    expect(!r.ok && r.error.extended).toBe('COVER-OPEN');
    sim.printer.set({ coverOpen: false });
    await expect.poll(() => driver.status().conditions['cover']).toBe('closed');
    expect((await driver.print(job())).ok).toBe(true);
  });

  it('reports paper near end without refusing jobs', async () => {
    sim.printer.set({ paper: 'near-end' });
    await expect.poll(() => driver.status().conditions['paper']).toBe('near-end');
    expect((await driver.print(job())).ok).toBe(true);
  });

  it('goes offline on unplug, refuses jobs meanwhile, and comes back by itself on replug', async () => {
    await sim.pty.unplug();
    await expect.poll(() => driver.status().power).toBe('offline');
    const r = await driver.print(job());
    expect(!r.ok && r.error.code).toBe('offline');
    await sim.pty.replug();
    await sim.reattach();
    await expect.poll(() => driver.status().power, { timeout: 10_000 }).toBe('online');
    expect((await driver.print(job())).ok).toBe(true);
    await expect.poll(() => sim.printer.lastDocument()?.complete).toBe(true);
  });

  it('prints through the USB printer-class transport (a device file, no serial settings) too', async () => {
    const usb = new ReceiptPrinter({ id: 'usb', path: sim.path, baudRate: 115200, transport: 'file', replyMs: 400, timings: { callMs: 2000 } });
    await driver.close(); // one opener per pty end
    await usb.open();
    expect(usb.status().power).toBe('online');
    expect((await usb.print(job())).ok).toBe(true);
    await expect.poll(() => sim.printer.lastDocument()?.complete).toBe(true);
    await usb.close();
  });

  it('a port where nothing answers ESC/POS fails to open with a technician code and stays offline', async () => {
    const pair = await openPtyPair({ dir: tempDir('silent-printer') });
    const lonely = new ReceiptPrinter({ id: 'p2', path: pair.a, baudRate: 115200, replyMs: 200, timings: { callMs: 1500, backoff: { initialMs: 5000, maxMs: 5000, factor: 1 } } });
    await lonely.open();
    expect(lonely.status().lastError?.extended).toBe('NO-ESCPOS-REPLY');
    expect(lonely.status().power).toBe('offline');
    await lonely.close();
    await pair.close();
  });
});
