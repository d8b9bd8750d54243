import { describe, expect, it } from 'vitest';
import { chineseNumber, englishNumber, secondsInWords } from '../../../renderer/src/privacy/countdown-words';
import { idlePhase } from '../../../renderer/src/privacy/idle-clock';

const config = { idleSeconds: 60, countdownSeconds: 15 };

describe('privacy clock', () => {
  it('stays active until the idle time has passed', () => {
    expect(idlePhase(config, 0, 59_999)).toEqual({ kind: 'active' });
  });
  it('counts down from the configured seconds, then wipes', () => {
    expect(idlePhase(config, 0, 60_000)).toEqual({ kind: 'warning', secondsLeft: 15 });
    expect(idlePhase(config, 0, 70_500)).toEqual({ kind: 'warning', secondsLeft: 5 });
    expect(idlePhase(config, 0, 75_000)).toEqual({ kind: 'wipe' });
  });
});

describe('countdown in words and numbers', () => {
  it.each([
    [0, '零'],
    [5, '五'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [42, '四十二'],
    [100, '一百'],
    [105, '一百零五'],
    [120, '一百二十'],
  ])('%i → %s', (n, words) => expect(chineseNumber(n)).toBe(words));
  it('reads English too', () => {
    expect(englishNumber(15)).toBe('fifteen');
    expect(englishNumber(42)).toBe('forty-two');
  });
  it('puts words and digits together', () => {
    expect(secondsInWords(15, 'zh-CN')).toBe('十五秒（15 秒）');
    expect(secondsInWords(1, 'en')).toBe('one (1) second');
  });
});
