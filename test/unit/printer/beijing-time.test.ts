import { describe, expect, it } from 'vitest';
import { beijingTime } from '../../../contract/beijing-time';
import { formatShanghaiTime } from '../../../drivers/printer/receipt/compose';

describe('Beijing time everywhere a resident sees a time', () => {
  it('writes UTC instants in Asia/Shanghai, the way the receipt prints them, across midnight', () => {
    expect(beijingTime('2026-11-26T07:30:00Z')).toBe('2026-11-26 15:30');
    expect(beijingTime('2026-11-26T16:05:00Z')).toBe('2026-11-27 00:05');
    expect(beijingTime(new Date('2026-12-31T23:59:00+08:00'))).toBe('2026-12-31 23:59');
    expect(formatShanghaiTime('2026-11-26T16:05:00Z')).toBe(beijingTime('2026-11-26T16:05:00Z'));
  });
});
