import { describe, expect, it } from 'vitest';
import { err, messageIn, resultSchema } from '../../../contract/result';
import { z } from 'zod';

describe('a refusal in the resident’s language', () => {
  const refusal = err('not-found', '没有查到这个统一社会信用代码登记的企业。', { messageEn: 'No enterprise is registered under this code.' });

  it('is English in English mode where the host gave it, Chinese otherwise', () => {
    expect(messageIn(refusal, 'en')).toBe('No enterprise is registered under this code.');
    expect(messageIn(refusal, 'zh-CN')).toBe('没有查到这个统一社会信用代码登记的企业。');
    expect(messageIn(err('internal', '出错了'), 'en')).toBe('出错了');
  });

  it('keeps its English across the web shell (the result schema does not drop it)', () => {
    const parsed = resultSchema(z.null()).parse(JSON.parse(JSON.stringify(refusal)));
    expect(parsed).toEqual({ ok: false, code: 'not-found', message: '没有查到这个统一社会信用代码登记的企业。', messageEn: 'No enterprise is registered under this code.' });
  });
});
