import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../../../drivers/printer/escpos/commands';
import { EscPosInterpreter, type PaperElement } from '../../../drivers/printer/sim/interpreter';

function collect() {
  const elements: PaperElement[] = [];
  const queries: number[] = [];
  const unknown: Uint8Array[] = [];
  const it = new EscPosInterpreter({ statusQuery: (n) => queries.push(n), autoStatusBack() {}, element: (e) => elements.push(e), unknown: (b) => unknown.push(b) });
  return { it, elements, queries, unknown };
}

describe('virtual printer interpreter', () => {
  it('decodes styled GB18030 runs even when a job arrives one byte at a time', () => {
    const bytes = new EscPosBuilder().init().align('right').bold(true).text('受理').bold(false).size(2, 2).line('编号A1').bytes();
    const c = collect();
    for (const b of bytes) c.it.push(Uint8Array.of(b));
    expect(c.elements).toEqual([
      {
        kind: 'text',
        align: 'right',
        runs: [
          { text: '受理', bold: true, width: 1, height: 1 },
          { text: '编号A1', bold: false, width: 2, height: 2 },
        ],
      },
    ]);
    expect(c.it.buffered).toBe(0);
  });

  it('answers status queries in the middle of a job, and holds an incomplete command', () => {
    const c = collect();
    const raster = new EscPosBuilder().raster({ widthBytes: 1, height: 2, data: Uint8Array.of(1, 2) }).bytes();
    c.it.push(Uint8Array.of(0x10, 0x04, 0x02, ...raster.slice(0, 5)));
    expect(c.queries).toEqual([2]);
    expect(c.elements).toEqual([]);
    expect(c.it.buffered).toBe(5);
    c.it.push(raster.slice(5));
    expect(c.elements[0]).toMatchObject({ kind: 'raster', widthBytes: 1, height: 2 });
  });

  it('skips commands outside the subset and reports them', () => {
    const c = collect();
    c.it.push(Uint8Array.of(0x1b, 0x74, 0x41, 0x0a)); // ESC t (code table) is not ours: skipped, then 'A' prints
    expect(c.unknown.length).toBe(1);
    expect(c.elements[0]).toMatchObject({ kind: 'text', runs: [{ text: 'A' }] });
  });
});
