import { describe, expect, it } from 'vitest';
import { adviseDevice, fixForCode, methods } from '../../../contract';
import { A4Printer, conditionOf, unreachableCondition } from '../../../drivers/printer/a4/a4-printer';
import { IppQueue } from '../../../drivers/printer/a4/ipp';
import { KioskConfigSchema } from '../../../host/config';

const idle = { state: 3, reasons: ['none'], accepting: true, message: '' };

/** The A4 printer's condition from CUPS's printer-state-reasons, and the technician's finding for each. */
describe('A4 printer condition', () => {
  it('maps printer-state-reasons (with their -error/-warning/-report suffixes) to one problem, most important first', () => {
    expect(conditionOf(idle)).toMatchObject({ state: 'idle', problem: null, warnings: [], reasons: [] });
    expect(conditionOf({ ...idle, reasons: ['media-empty-error'] }).problem).toBe('MEDIA-EMPTY');
    expect(conditionOf({ ...idle, reasons: ['media-needed'] }).problem).toBe('MEDIA-EMPTY');
    expect(conditionOf({ ...idle, state: 5, reasons: ['paused'] }).problem).toBe('PAUSED');
    // A stopped queue whose printer also reports paper out: paper out is what to fix.
    expect(conditionOf({ ...idle, state: 5, reasons: ['paused', 'media-empty-error'] }).problem).toBe('MEDIA-EMPTY');
    expect(conditionOf({ ...idle, state: 5, reasons: ['offline-report'] }).problem).toBe('OFFLINE');
    expect(conditionOf({ ...idle, state: 5, reasons: ['none'] }).problem).toBe('PAUSED');
    expect(conditionOf({ ...idle, accepting: false }).problem).toBe('NOT-ACCEPTING');
    expect(conditionOf({ ...idle, reasons: ['toner-low-warning'] })).toMatchObject({ problem: null, warnings: ['TONER-LOW'] });
    expect(conditionOf({ ...idle, reasons: ['marker-supply-low-report', 'media-low-warning'] }).warnings).toEqual(['TONER-LOW', 'MEDIA-LOW']);
    expect(conditionOf({ ...idle, reasons: ['toner-empty-error'] }).problem).toBe('TONER-EMPTY');
  });

  it('stands in the devices list; each problem is a finding in plain Chinese naming the queue in its fix', () => {
    const printer = new A4Printer(new IppQueue('ipp://localhost:631/printers/kiosk-a4'));
    const status = (c: ReturnType<typeof conditionOf>) => {
      (printer as unknown as { last: typeof c }).last = c;
      return printer.status();
    };
    expect(adviseDevice(status(conditionOf(idle)))).toBeNull();
    const paper = adviseDevice(status(conditionOf({ ...idle, reasons: ['media-empty-error'] })))!;
    expect(paper).toMatchObject({ level: 'fault', code: 'A4-MEDIA-EMPTY', area: 'device:a4-printer', problem: { 'zh-CN': 'A4 打印机缺纸' } });
    const paused = adviseDevice(status(conditionOf({ ...idle, state: 5, reasons: ['paused'] })))!;
    expect(paused).toMatchObject({ code: 'A4-PAUSED', problem: { 'zh-CN': 'A4 打印队列已暂停（kiosk-a4）' } });
    expect(paused.fix['zh-CN']).toContain('cupsenable kiosk-a4');
    expect(adviseDevice(status(conditionOf({ ...idle, state: 5, reasons: ['offline-report'] })))).toMatchObject({ code: 'A4-OFFLINE', problem: { 'zh-CN': 'A4 打印机离线' } });
    expect(adviseDevice(status(conditionOf({ ...idle, reasons: ['toner-low-warning'] })))).toMatchObject({ level: 'warn', code: 'A4-TONER-LOW', problem: { 'zh-CN': 'A4 打印机碳粉不足' } });
    const gone = status(unreachableCondition('connect ECONNREFUSED 127.0.0.1:631'));
    expect(gone).toMatchObject({ kind: 'a4-printer', source: 'ipp', power: 'offline', lastError: { code: 'offline', extended: 'UNREACHABLE' } });
    expect(adviseDevice(gone)).toMatchObject({ level: 'fault', code: 'A4-UNREACHABLE' });
    expect(fixForCode('A4-MEDIA-EMPTY')?.['zh-CN']).toContain('A4 纸');
  });

  it('config: a CUPS queue URI or none; anything else is refused naming the form', () => {
    expect(KioskConfigSchema.parse({}).devices.a4Printer).toBe('none');
    expect(KioskConfigSchema.parse({ devices: { a4Printer: 'ipp://localhost:631/printers/kiosk-a4' } }).devices.a4Printer).toBe('ipp://localhost:631/printers/kiosk-a4');
    const bad = KioskConfigSchema.safeParse({ devices: { a4Printer: 'kiosk-a4' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('ipp://localhost:631/printers/kiosk-a4');
  });

  it('contract: a4.print takes one to four known documents of an application number, and nothing else', () => {
    const input = methods['a4.print'].input;
    expect(input.safeParse({ applicationNumber: 'SX-DEV-0001-000001', documents: ['commitment'] }).success).toBe(true);
    expect(input.safeParse({ applicationNumber: 'SX-DEV-0001-000001', documents: [] }).success).toBe(false);
    expect(input.safeParse({ applicationNumber: 'SX-DEV-0001-000001', documents: ['passport'] }).success).toBe(false);
    expect(input.safeParse({ applicationNumber: 'SX-DEV-0001-000001', documents: ['commitment'], copies: 9 }).success).toBe(false);
    expect(input.safeParse({ documents: ['commitment'] }).success).toBe(false);
  });
});
