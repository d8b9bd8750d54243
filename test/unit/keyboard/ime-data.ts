/** The input method's generated data, loaded as the renderer loads it (the same JSON files). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImeData } from '../../../renderer/src/components/keyboard/ime/pinyin-engine';

/** Read with JSON.parse, as the browser parses the chunk: a vitest transform of 7 MB of JSON takes far longer. */
export function keyboardData<T>(name: string): T {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../renderer/src/components/keyboard/data', `${name}.json`), 'utf8')) as T;
}

export const imeData: ImeData = { phrases: keyboardData('phrases'), hanzi: keyboardData('hanzi'), names: keyboardData('names') };

/** test/fixtures/ime/given-name-chars-500.txt as [character, reading]. */
export function givenNameFixture(): [string, string][] {
  return readFileSync(path.resolve(import.meta.dirname, '../../fixtures/ime/given-name-chars-500.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(' ') as [string, string]);
}

/** Every Hanzi GBK's double-byte area holds (GB 18030's two-byte Hanzi), decoded by the platform's own decoder. */
export function gbkHanzi(): string[] {
  const d = new TextDecoder('gbk');
  const out: string[] = [];
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const c = d.decode(Uint8Array.of(hi, lo));
      if (/^\p{Script=Han}$/u.test(c) && c.codePointAt(0)! >= 0x3400) out.push(c);
    }
  return out;
}
