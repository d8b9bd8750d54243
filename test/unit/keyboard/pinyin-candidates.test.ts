import { describe, expect, it } from 'vitest';
import { candidateIndex } from '../../../renderer/src/components/keyboard/pinyin-candidates';

describe('pinyin candidates for the on-screen keyboard', () => {
  const index = candidateIndex();

  it('offers the characters of a full syllable, primary readings first', () => {
    const r = index.lookup('zhang');
    expect(r.consumed).toBe(5);
    expect(r.candidates).toEqual(expect.arrayContaining(['张', '章', '长']));
    // 长 reads cháng first: it comes after characters whose first reading is zhang.
    expect(r.candidates.indexOf('张')).toBeLessThan(r.candidates.indexOf('长'));
  });

  it('takes the longest syllable at the start of a longer buffer', () => {
    const r = index.lookup('wangxiaoming');
    expect(r.consumed).toBe(4);
    expect(r.candidates).toContain('王');
  });

  it('offers characters for an unfinished syllable', () => {
    const r = index.lookup('zh');
    expect(r.consumed).toBe(2);
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(r.candidates.every((c) => /\p{Script=Han}/u.test(c))).toBe(true);
  });

  it('treats v as ü and ignores what is not a letter', () => {
    expect(index.lookup('lv').candidates).toContain('绿');
    expect(index.lookup('123')).toEqual({ consumed: 0, candidates: [] });
  });
});
