import { z } from 'zod';

/**
 * The 一件事 catalog of 晋政发〔2024〕8号: annex 1 (27 key 一件事 with their
 * 具体事项, responsible departments and deadlines) and annex 3 (143
 * electronic certificate types). Data lives in `one-things.ts` and
 * `e-certificates.ts`; these schemas are what every process trusts.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug');
/** Trimmed, and no space beside a Chinese character: the PDF conversion broke lines with spaces. */
const text = z
  .string()
  .min(1)
  .refine((s) => s === s.trim() && !/\s{2,}/.test(s) && !/[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]\s|\s[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u.test(s), 'no stray PDF whitespace');

/** The three groups of annex 1 (9 + 13 + 5). */
export const OneThingGroupSchema = z.enum(['巩固提升', '集中攻坚', '探索拓展']);
export type OneThingGroup = z.infer<typeof OneThingGroupSchema>;

/**
 * People-facing grouping on the home screen: residents think in life events,
 * not in annex groups. Labels and order are in `life-events.ts`.
 */
export const LifeEventSchema = z.enum([
  'birth',
  'marriage',
  'education',
  'employment',
  'social-security',
  'retirement',
  'disability',
  'after-death',
  'veterans',
  'housing',
  'business-start',
  'business-operation',
  'business-exit',
  'construction',
]);
export type LifeEvent = z.infer<typeof LifeEventSchema>;

/** Who applies: a resident with an ID card, or an enterprise through its legal representative. */
export const AudienceSchema = z.enum(['person', 'business']);
export type Audience = z.infer<typeof AudienceSchema>;

export const DepartmentRefSchema = z.object({
  /** As printed in the annex, e.g. 省人社厅, 省能源局及国网山西省电力公司. */
  name: text,
  /** English for the `en` locale (`english.ts`). */
  nameEn: text,
  /** ★ in the annex: the department leading this 一件事. */
  lead: z.boolean(),
});
export type DepartmentRef = z.infer<typeof DepartmentRefSchema>;

/**
 * Where a sub-item's departments come from:
 * `cell` — printed on the same row; `merged-cell` — the row's cell is blank
 * because the PDF merged it with the cell above, so the departments above
 * apply; `correction` — restored, see the catalog's `corrections`.
 */
export const DepartmentSourceSchema = z.enum(['cell', 'merged-cell', 'correction']);

export const SubItemSchema = z.object({
  /** Stable code sent to the platform: `<one-thing code>-<two digits>`, e.g. `18-03`. */
  code: z.string().regex(/^\d{2}-\d{2}$/),
  /** 具体事项 as printed in the annex (PDF line-break spaces removed). */
  name: text,
  /** English for the `en` locale (`english.ts`). */
  nameEn: text,
  departments: z.array(DepartmentRefSchema).min(1).readonly(),
  departmentsFrom: DepartmentSourceSchema,
});
export type SubItem = z.infer<typeof SubItemSchema>;

export const DeadlineSchema = z.object({
  /** 完成时限 as printed, or as restored when the annex cell is blank. */
  text: text,
  /** `annex` = printed on this row; `group` = blank cell, restored from the group (see corrections). */
  source: z.enum(['annex', 'group']),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const OneThingSchema = z.object({
  id: slug,
  /** 序号 in annex 1, 1–27. */
  number: z.number().int().min(1).max(27),
  /** Two-digit code sent to the platform (`itemCode`), the annex number zero-padded. */
  code: z.string().regex(/^\d{2}$/),
  /** “一件事”名称 as printed. */
  name: text,
  nameEn: text,
  /** Text printed in the name cell beside the name, e.g. 50个,以我要开面包店为例. */
  nameNote: text.optional(),
  group: OneThingGroupSchema,
  lifeEvent: LifeEventSchema,
  audience: AudienceSchema,
  subItems: z.array(SubItemSchema).min(1).readonly(),
  deadline: DeadlineSchema,
});
export type OneThing = z.infer<typeof OneThingSchema>;

/** One restoration of what the PDF conversion garbled, kept with the data it changed. */
export const CorrectionSchema = z.object({
  oneThing: z.number().int().min(1).max(27).optional(),
  eCertificate: z.number().int().min(1).max(143).optional(),
  kind: z.enum(['misaligned-department', 'packed-cell', 'blank-deadline', 'name-note', 'pdf-whitespace']),
  /** What the converted annex text shows. */
  annexText: z.string().min(1),
  /** What the catalog holds instead. */
  restored: z.string().min(1),
  /** Why this is what the policy means. */
  reason: z.string().min(1),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** 电子证照类型 of annex 3. */
export const ECertificateTypeSchema = z.object({
  /** 序号 in annex 3, 1–143. */
  number: z.number().int().min(1).max(143),
  /** `EC` + three digits, sent to the platform as `certificateTypeCode`. */
  code: z.string().regex(/^EC\d{3}$/),
  /** 证照类型名称 as printed. */
  name: text,
  /** 主管部门, several when the annex lists several (e.g. 高新技术企业证书). */
  departments: z.array(text).min(1).readonly(),
});
export type ECertificateType = z.infer<typeof ECertificateTypeSchema>;

export const CatalogSchema = z.object({
  /** Bumped whenever the data changes; sent with every application (`catalogVersion`). */
  version: z.string().min(1).max(64),
  source: z.string().min(1),
  oneThings: z.array(OneThingSchema).length(27).readonly(),
  eCertificates: z.array(ECertificateTypeSchema).length(143).readonly(),
  corrections: z.array(CorrectionSchema).readonly(),
});
export type Catalog = z.infer<typeof CatalogSchema>;
