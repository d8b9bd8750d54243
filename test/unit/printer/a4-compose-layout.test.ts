import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_A4_FONTS } from '../../../drivers/printer/a4/compose';

/**
 * The A4 composer lays text out character by character (each character's
 * glyphs laid out once per process, drivers/printer/a4/compose.ts). That is
 * right only while the faces neither kern nor ligate across characters: this
 * compares the whole-run layout fontkit would do with the per-character one,
 * glyph ids and advances, for the kinds of text the documents carry.
 */
describe('A4 composer: per-character layout equals fontkit layout of the whole run', () => {
  const runs = [
    '新生儿出生"一件事"　申请表',
    '填报项12 新生儿出生医学证明、户口登记、医保参保登记所需信息第1项（示例：王𫖮䶮，太原市小店区坞城街道）',
    'SX-DEV-0001-000001 fi ffl fl AV To Wa LT 140…1234 https://zwfw.shanxi.gov.cn/query?n=1&a=2',
    '张*三 第 2 页 ——「」《》、。，；：？！ 12345 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ];
  for (const file of [DEFAULT_A4_FONTS.primary, DEFAULT_A4_FONTS.supplementary]) {
    it(file.split('/').pop()!, () => {
      const font = fontkit.create(readFileSync(file));
      for (const text of runs) {
        const whole = font.layout(text);
        const perCharacter = [...text].map((ch) => font.layout(ch));
        expect(perCharacter.flatMap((l) => l.glyphs.map((g) => g.id))).toEqual(whole.glyphs.map((g) => g.id));
        expect(perCharacter.flatMap((l) => l.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]))).toEqual(whole.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]));
      }
    });
  }
});
