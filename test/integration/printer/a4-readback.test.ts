import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeA4 } from '../../../drivers/printer/a4/compose';
import { tempDir } from '../../support/processes';
import { sampleReceipt } from '../../support/receipts';

/** A4 documents as PDF, read back with poppler's pdftotext and pdffonts (the real tools a reader would use). */
describe('A4 documents read back from the PDF', () => {
  const receipt = { ...sampleReceipt, subject: { label: '孩子姓名', name: '王*䶮' }, commitments: ['结婚证复印件'] };
  const readBack = (pdf: Uint8Array) => {
    const file = path.join(tempDir('a4'), 'doc.pdf');
    writeFileSync(file, pdf);
    return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
  };

  it('申请表: number, matter, sub-items, masked applicant and an Ext B name are in the text; the fonts are embedded subsets', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ label: `填报项${i + 1}`, value: `父亲姓名 李𫖮 第${i + 1}项` }));
    const r = await composeA4({ document: 'application-form', receipt, fields });
    if (!r.ok) throw new Error(r.reason);
    expect(r.pages).toBe(2);
    const { text, fonts } = readBack(r.pdf);
    for (const s of ['申请表', 'SX-DEV-0001-000001', '新生儿出生"一件事"', '出生医学证明办理', '县公安局', '张*三', '140…1234', '王*䶮', '李𫖮', '结婚证复印件', '第 2 页']) expect(text).toContain(s);
    expect(text).not.toMatch(/\d{15,}/);
    const embedded = fonts.split('\n').slice(2).filter(Boolean);
    expect(embedded.length).toBeGreaterThan(0);
    // Every font is embedded (pdffonts' emb column); the subset shows in the size, asserted by the bench's byte figure.
    for (const line of embedded) expect(line).toMatch(/\byes\b/);
    // A subset: far smaller than the 22 MB face.
    expect(r.pdf.length).toBeLessThan(200_000);
  });

  it('告知承诺书 carries each confirmed commitment with its time; without any it is refused', async () => {
    const r = await composeA4({ document: 'commitment', receipt, confirmed: [{ text: '本人承诺在 20 个工作日内补交结婚证复印件', confirmedAt: '2026-11-26T07:31:00Z' }] });
    if (!r.ok) throw new Error(r.reason);
    const { text } = readBack(r.pdf);
    expect(text).toContain('告知承诺书');
    expect(text).toContain('本人承诺在 20 个工作日内补交结婚证复印件');
    expect(text).toContain('2026-11-26 15:31');
    const refused = await composeA4({ document: 'commitment', receipt, confirmed: [] });
    expect(refused).toMatchObject({ ok: false });
  });

  it('refuses an applicant in clear', async () => {
    const r = await composeA4({ document: 'acceptance-notice', receipt: { ...receipt, applicantName: '张三', applicantIdNumber: '140105199001011234' } });
    expect(r.ok).toBe(false);
  });
});
