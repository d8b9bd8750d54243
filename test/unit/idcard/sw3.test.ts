import { describe, expect, it } from 'vitest';
import { SW3, sw3Code, sw3Meaning } from '../../../drivers/idcard';

/** Every SW3 status of GA/T 467 (protocols.md). */
const DOCUMENTED = [0x90, 0x9f, 0x91, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81];

describe('SW3 status mapping', () => {
  it('maps every documented code, and only those', () => {
    expect(Object.keys(SW3).map(Number).sort((a, b) => a - b)).toEqual([...DOCUMENTED].sort((a, b) => a - b));
  });

  it('treats 90/9F as success and 80/81 (no card) as a normal answer, not an error', () => {
    expect(sw3Meaning(0x90).outcome).toBe('ok');
    expect(sw3Meaning(0x9f).outcome).toBe('ok');
    expect(sw3Meaning(0x80).outcome).toBe('no-card');
    expect(sw3Meaning(0x81).outcome).toBe('no-card');
  });

  it('gives every error a plain-Chinese resident message and a technician code', () => {
    for (const code of DOCUMENTED) {
      const m = sw3Meaning(code);
      if (m.outcome !== 'error') continue;
      expect(m.resident).toMatch(/^[\u4e00-\u9fff，。、；：（）\w\s]+$/u);
      expect(m.technician.length).toBeGreaterThan(3);
    }
    expect(sw3Code(0x41)).toBe('SW3-41');
    expect(sw3Meaning(0x60).code).toBe('failure');
    expect(sw3Meaning(0x41).code).toBe('extended');
  });

  it('maps an undocumented code to a failure that names it', () => {
    expect(sw3Meaning(0x77)).toMatchObject({ outcome: 'error', code: 'failure', technician: 'undocumented SW3 77' });
  });
});
