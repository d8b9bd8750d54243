import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, CatalogSchema, OneThingSchema, allDepartments, departmentNameEn, eCertificateByNumber, leadDepartments, oneThingById, subItemNameEn } from '../../../contract/catalog';

// The policy text (晋政发〔2024〕8号, public) as converted from its PDF, kept with the tests so they run anywhere.
const SEED = path.resolve(__dirname, '../../fixtures/policy/shanxi-gov-2024-8-one-thing.txt');
const seed = readFileSync(SEED, 'utf8');
/** The PDF conversion broke lines with spaces; compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');
const annex1 = seed.slice(seed.indexOf('附件 1\n'), seed.indexOf('附件 2\n'));
const annex3 = seed.slice(seed.indexOf('附件 3\n'));

/** Annex-1 table rows grouped by 序号: number → the squashed cells of each row. */
function annex1Rows(): Map<number, string[][]> {
  const byNumber = new Map<number, string[][]>();
  let current = 0;
  for (const line of annex1.split('\n')) {
    if (!line.startsWith('|') || line.startsWith('|--') || line.includes('序号')) continue;
    const cells = line.split('|').slice(1, -1).map(squash);
    if (/^\d+$/.test(cells[0] ?? '')) current = Number(cells[0]);
    if (current === 0 || !cells.slice(1).some((c) => c !== '')) continue;
    byNumber.set(current, [...(byNumber.get(current) ?? []), cells]);
  }
  return byNumber;
}
const rows = annex1Rows();

describe('catalog data', () => {
  it('validates against its schema', () => {
    expect(() => CatalogSchema.parse(CATALOG)).not.toThrow();
  });

  it('refuses the PDF’s line-break spaces and a wrong count', () => {
    const [first, second] = CATALOG.oneThings;
    const spaced = { ...second!, subItems: [{ ...second!.subItems[3]!, name: '公众聚集场所投入使用、 营业前消防安全检查' }] };
    expect(OneThingSchema.safeParse(spaced).success).toBe(false);
    expect(OneThingSchema.safeParse({ ...first!, name: '企业 开办' }).success).toBe(false);
    expect(CatalogSchema.safeParse({ ...CATALOG, eCertificates: CATALOG.eCertificates.slice(1) }).success).toBe(false);
  });

  it('has 27 一件事 in groups of 9, 13 and 5, and 143 e-certificate types', () => {
    expect(CATALOG.oneThings).toHaveLength(27);
    expect(CATALOG.eCertificates).toHaveLength(143);
    const count = (g: string) => CATALOG.oneThings.filter((t) => t.group === g).length;
    expect([count('巩固提升'), count('集中攻坚'), count('探索拓展')]).toEqual([9, 13, 5]);
    expect(seed).toContain('巩固提升（9项）');
    expect(seed).toContain('集中攻坚（13项）');
    expect(seed).toContain('探索拓展（5项）');
  });

  it('numbers 1–27 and 1–143 in order, with unique ids and codes', () => {
    expect(CATALOG.oneThings.map((t) => t.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(CATALOG.eCertificates.map((c) => c.number)).toEqual(Array.from({ length: 143 }, (_, i) => i + 1));
    const ids = CATALOG.oneThings.map((t) => t.id);
    expect(new Set(ids).size).toBe(27);
    const subCodes = CATALOG.oneThings.flatMap((t) => t.subItems.map((s) => s.code));
    expect(new Set(subCodes).size).toBe(subCodes.length);
    expect(new Set(CATALOG.eCertificates.map((c) => c.code)).size).toBe(143);
    expect(new Set(CATALOG.eCertificates.map((c) => c.name)).size).toBe(143);
  });

  it('every 一件事 name, sub-item and department appears in its own annex-1 rows', () => {
    for (const thing of CATALOG.oneThings) {
      const own = rows.get(thing.number);
      expect(own, `annex rows for ${thing.number}`).toBeDefined();
      const text = own!.map((r) => r.join('|')).join('\n');
      expect(own![0]![1], `name of ${thing.number}`).toContain(thing.name);
      if (thing.nameNote) expect(own![0]![1]).toContain(squash(thing.nameNote));
      for (const sub of thing.subItems) {
        expect(text, `${sub.code} ${sub.name}`).toContain(sub.name);
        for (const d of sub.departments) expect(text, `${sub.code} department ${d.name}`).toContain(d.name);
      }
    }
  });

  it('departments printed on the same row are the ones the catalog holds for that row', () => {
    for (const thing of CATALOG.oneThings) {
      for (const sub of thing.subItems.filter((s) => s.departmentsFrom === 'cell')) {
        const row = rows.get(thing.number)!.find((r) => r[2] === sub.name);
        expect(row, `${sub.code} ${sub.name} has its own row`).toBeDefined();
        const printed = row![3]!.replace('★', '').replace('按职责分工牵头', '');
        expect(printed.split('、'), sub.code).toEqual(sub.departments.map((d) => d.name));
      }
      for (const sub of thing.subItems.filter((s) => s.departmentsFrom === 'merged-cell')) {
        const row = rows.get(thing.number)!.find((r) => r[2] === sub.name);
        expect(row?.[3], `${sub.code} cell is blank in the annex`).toBe('');
      }
    }
  });

  it('marks as lead exactly the departments of ★ cells', () => {
    for (const thing of CATALOG.oneThings) {
      const starred = rows
        .get(thing.number)!
        .map((r) => r[3] ?? '')
        .filter((c) => c.startsWith('★'))
        .map((c) => c.slice(1).replace('按职责分工牵头', ''));
      expect(starred.length, `one ★ cell in ${thing.number}`).toBe(1);
      const leads = starred[0]!.split(/、|(?=省)/).filter(Boolean);
      expect(leadDepartments(thing)[0], `${thing.number}`).toBe(leads[0]);
      if (thing.subItems.every((s) => s.departmentsFrom !== 'correction')) expect(leadDepartments(thing)).toEqual(leads);
    }
  });

  it('keeps deadlines as printed, and marks restored ones', () => {
    for (const thing of CATALOG.oneThings) {
      const printed = rows.get(thing.number)![0]![4] ?? '';
      if (thing.deadline.source === 'annex') expect(printed).toBe(squash(thing.deadline.text));
      else {
        expect(printed).toBe('');
        expect(CATALOG.corrections.some((c) => c.oneThing === thing.number && c.kind === 'blank-deadline')).toBe(true);
      }
    }
  });

  it('matches every annex-3 row exactly (number, name, departments)', () => {
    const printed = new Map<number, string[]>();
    for (const line of annex3.split('\n')) {
      const m = /^\|\s*(\d+)\s*\|([^|]+)\|([^|]+)\|/.exec(line);
      if (m) printed.set(Number(m[1]), [squash(m[2]!), squash(m[3]!)]);
    }
    expect(printed.size).toBe(143);
    for (const c of CATALOG.eCertificates) {
      expect([c.name, c.departments.join('、')], `annex 3 no. ${c.number}`).toEqual(printed.get(c.number));
    }
  });

  it('explains every restored row in the corrections', () => {
    for (const thing of CATALOG.oneThings) {
      if (thing.subItems.some((s) => s.departmentsFrom === 'correction')) {
        const notes = CATALOG.corrections.filter((c) => c.oneThing === thing.number && c.kind !== 'blank-deadline');
        expect(notes.length, `corrections for ${thing.number}`).toBeGreaterThan(0);
        for (const s of thing.subItems.filter((x) => x.departmentsFrom === 'correction')) {
          expect(notes.some((n) => n.restored.includes(s.name) || n.annexText.includes(s.name)), s.code).toBe(true);
        }
      }
    }
    for (const c of CATALOG.corrections.filter((x) => x.kind === 'packed-cell' || x.kind === 'pdf-whitespace')) {
      expect(squash(annex1 + annex3), c.annexText).toContain(squash(c.annexText.split('|')[0]!.replace(/★/g, '')));
    }
  });

  it('spot-checks rows against the annex', () => {
    const newborn = oneThingById('newborn')!;
    expect(newborn.number).toBe(18);
    expect(newborn.subItems.map((s) => [s.name, s.departments.map((d) => d.name).join('、')])).toEqual([
      ['《出生医学证明》办理(首签)', '省卫健委'],
      ['预防接种证办理', '省疾控局'],
      ['本市户口登记(申报出生登记)1岁以下婚内本市生育', '省公安厅'],
      ['社会保障卡申领', '省人社厅'],
      ['生育医疗费用报销', '省医保局'],
      ['办理居民医保登记', '省医保局'],
      ['科学育儿指导服务登记', '省卫健委'],
    ]);
    expect(squash(annex1)).toContain('|18|新生儿出生|《出生医学证明》办理(首签)|★省卫健委|2024年年底|');
    const retirement = oneThingById('retirement')!;
    expect(retirement.subItems).toHaveLength(9);
    expect(retirement.subItems.at(-1)).toMatchObject({ name: '户籍信息确认', departments: [{ name: '省公安厅', lead: false }] });
    expect(allDepartments(retirement)).toEqual(['省人社厅', '省医保局', '省住建厅', '省卫健委', '省公安厅']);
    const disability = oneThingById('disability-services')!;
    expect(disability.subItems[1]!.departments.map((d) => d.name)).toEqual(['省民政厅', '省残联']);
    expect(disability.subItems[4]!.departments.map((d) => d.name)).toEqual(['省人社厅']);
    const zone = oneThingById('development-zone-project-start')!;
    const permit = zone.subItems.find((s) => s.name === '建筑工程施工许可')!;
    expect(permit.departments.map((d) => d.name)).toEqual(['省住建厅']);
    expect(zone.subItems.find((s) => s.name === '雷电防护装置设计审核')!.departments.map((d) => d.name)).toEqual(['省气象局']);
    expect(oneThingById('after-death')!.subItems[0]!.departments).toEqual([
      { name: '省卫健委', nameEn: 'Provincial Health Commission', lead: true },
      { name: '省公安厅', nameEn: 'Provincial Public Security Department', lead: true },
    ]);
    expect(eCertificateByNumber(80)).toMatchObject({ name: '出生医学证明', departments: ['省卫健委'], code: 'EC080' });
    expect(eCertificateByNumber(142)).toMatchObject({ name: '残疾人证', departments: ['省残联'] });
    expect(eCertificateByNumber(15)!.departments).toEqual(['省科技厅', '省财政厅', '省税务局']);
  });

  it('has English for every sub-item and department a resident sees, the same English for the same Chinese', () => {
    const seen = new Map<string, string>();
    for (const thing of CATALOG.oneThings) {
      for (const s of thing.subItems) {
        for (const [zh, en] of [[s.name, s.nameEn], ...s.departments.map((d) => [d.name, d.nameEn] as const)] as const) {
          expect(en, zh).not.toMatch(/\p{Script=Han}/u);
          expect(en.length, zh).toBeGreaterThan(3);
          expect(seen.get(zh) ?? en, zh).toBe(en);
          seen.set(zh, en);
        }
      }
    }
    expect(oneThingById('military-discharge')!.subItems.at(-1)!.nameEn).toBe('One-off allowance for discharged soldiers who find their own work');
    expect(subItemNameEn('就业登记')).toBe('Employment registration');
    expect(departmentNameEn('太原海关')).toBe('Taiyuan Customs');
    expect(departmentNameEn('某个未知部门')).toBe('某个未知部门');
  });
});
