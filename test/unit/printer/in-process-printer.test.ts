import { describe, expect, it } from 'vitest';
import { composeReceipt } from '../../../drivers/printer/receipt/compose';
import { ReceiptPrinter } from '../../../drivers/printer/receipt-printer';
import { inProcessPrinterLink } from '../../../drivers/printer/sim/in-process';
import { VirtualPrinter } from '../../../drivers/printer/sim/virtual-printer';
import { sampleReceipt } from '../../support/receipts';

describe('driver ⇄ virtual printer in-process (no socat)', () => {
  it('prints, refuses on paper end and cutter error, reports the unplug and comes back', async () => {
    const sim = new VirtualPrinter(576);
    const wire = inProcessPrinterLink(sim);
    const driver = new ReceiptPrinter({ path: 'in-process', baudRate: 0, source: 'sim', openLink: wire.open, pollMs: 50, replyMs: 200, timings: { callMs: 1000, backoff: { initialMs: 20, maxMs: 50, factor: 2 } } });
    await driver.open();
    driver.claim();
    driver.enable();
    const job = composeReceipt(sampleReceipt, { paperWidthMm: 80 });
    if (!job.ok) throw new Error(job.reason);

    expect((await driver.print(job.bytes)).ok).toBe(true);
    expect(sim.lastDocument()?.complete).toBe(true);

    sim.set({ paper: 'end' });
    const held = await driver.print(job.bytes);
    expect(!held.ok && held.error.extended).toBe('PAPER-END');
    expect(sim.documents()).toHaveLength(1);

    sim.set({ paper: 'ok', cutterError: true });
    await expect.poll(() => driver.status().conditions['error']).toBe('CUTTER');
    const cutter = await driver.print(job.bytes);
    expect(!cutter.ok && cutter.error.extended).toBe('CUTTER');
    expect(!cutter.ok && cutter.error.message).toContain('切纸');
    sim.set({ cutterError: false });
    await expect.poll(() => driver.status().conditions['error']).toBe('none');

    wire.unplug();
    expect(driver.status().power).toBe('offline');
    await expect.poll(() => driver.status().power).toBe('online');
    expect((await driver.print(job.bytes)).ok).toBe(true);
    expect(sim.documents()).toHaveLength(2);
    await driver.close();
  });
});
