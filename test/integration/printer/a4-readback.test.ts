import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { composeA4 } from '../../../drivers/printer/a4/compose';
import { tempDir } from '../../support/processes';
import { sampleReceipt } from '../../support/receipts';

/**
 * pdffonts' table as rows of its named columns. The columns are cut where the
 * dashes under the header are (names may hold spaces; `emb`, `sub` and `uni`
 * are each yes/no, so a search for "yes" on a line cannot tell them apart).
 */
function pdffontsRows(output: string): Record<string, string>[] {
  const lines = output.split('\n');
  const rule = lines.findIndex((l) => /^-+( -+)+\s*$/.test(l));
  if (rule < 1) throw new Error(`pdffonts: no header rule in ${JSON.stringify(output)}`);
  const spans = [...lines[rule]!.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  // The header's words sit over the dashes; "object ID" spans the last column.
  const names = spans.map(([a, b], i) => lines[rule - 1]!.slice(a, i === spans.length - 1 ? undefined : b).trim());
  return lines
    .slice(rule + 1)
    .filter((l) => l.trim())
    .map((l) => Object.fromEntries(spans.map(([a, b], i) => [names[i]!, l.slice(a, i === spans.length - 1 ? undefined : b).trim()])));
}

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
    const rows = pdffontsRows(fonts);
    // Only the faces the page uses are in the PDF (HanaMinA has 𫖮 too), each embedded (pdffonts' emb column).
    expect(rows.length).toBeGreaterThan(0);
    for (const f of rows) expect(f.name).toMatch(/^HanaMin[AB]-/);
    for (const f of rows) expect({ name: f.name, type: f.type, emb: f.emb }).toEqual({ name: f.name, type: 'CID TrueType', emb: 'yes' });
    // pdf-lib names a subset without the ABCDEF+ tag (pdffonts' sub column says no); the subset shows in the size below.
    // A subset: far smaller than the 22 MB face.
    expect(r.pdf.length).toBeLessThan(200_000);
  });

  it('the emb check fails for a font that is not embedded (the same document with its FontFile2 removed)', async () => {
    const r = await composeA4({ document: 'acceptance-notice', receipt });
    if (!r.ok) throw new Error(r.reason);
    const doc = await PDFDocument.load(r.pdf);
    let removed = 0;
    for (const [, o] of doc.context.enumerateIndirectObjects()) {
      if (o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor') && o.has(PDFName.of('FontFile2'))) {
        o.delete(PDFName.of('FontFile2'));
        removed += 1;
      }
    }
    expect(removed).toBeGreaterThan(0);
    const stripped = pdffontsRows(readBack(await doc.save()).fonts);
    const embedded = pdffontsRows(readBack(r.pdf).fonts);
    expect(embedded.map((f) => f.emb)).toEqual(embedded.map(() => 'yes'));
    expect(stripped.map((f) => [f.name, f.emb])).toEqual(embedded.map((f) => [f.name, 'no']));
    // Its uni column still says yes: a line search for "yes" (the former check) passed this PDF.
    expect(stripped.every((f) => f.uni === 'yes')).toBe(true);
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
