import { z } from 'zod';

/**
 * A 一件事 journey declared as data: guide (办事指南), guided questions
 * (智能导办) deciding which 具体事项 apply, one consolidated form (一表申请),
 * materials per sub-item (材料最简化) and how the platform payload is built.
 * `engine.ts` interprets it; adding a 一件事 means adding one data file.
 */

const id = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected a camelCase identifier');
const subItemCode = z.string().regex(/^\d{2}-\d{2}$/);

/** Bilingual text: zh-CN first, English second. */
export const TextSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof TextSchema>;

/** A decision over the resident's answers. */
export type Condition =
  | { readonly always: true }
  | { readonly question: string; readonly equals: string | boolean }
  | { readonly question: string; readonly oneOf: readonly string[] }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ always: z.literal(true) }).strict(),
    z.object({ question: id, equals: z.union([z.string(), z.boolean()]) }).strict(),
    z.object({ question: id, oneOf: z.array(z.string()).min(1).readonly() }).strict(),
    z.object({ all: z.array(ConditionSchema).min(1).readonly() }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1).readonly() }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

export const WhereSchema = z.object({
  /** `kiosk` = can be applied for here end to end; otherwise the next step is at a hall. */
  channel: z.enum(['kiosk', 'hall']),
  /** Which hall: 县（市、区）政务服务中心… */
  hall: TextSchema,
  /** Which window: 「高效办成一件事」综合窗口… */
  window: TextSchema,
  /** How to book: 12345, 三晋通 app… */
  appointment: TextSchema,
});

/** 办事指南 — shown for every 一件事, wired or not. Departments and deadline come from the catalog. */
export const GuideSchema = z.object({
  covers: TextSchema,
  eligibility: z.array(TextSchema).min(1).readonly(),
  /** 承诺办结时限 as the resident should understand it (not the policy's 完成时限). */
  timeLimit: TextSchema,
  where: WhereSchema,
});
export type Guide = z.infer<typeof GuideSchema>;

export const OptionSchema = z.object({ value: id, label: TextSchema });

export const QuestionSchema = z.object({
  id,
  text: TextSchema,
  /** Spoken or shown below the question to help decide. */
  hint: TextSchema.optional(),
  kind: z.enum(['yes-no', 'choice']),
  options: z.array(OptionSchema).min(2).readonly().optional(),
  /** Asked only when this holds (e.g. follow-up questions). */
  askIf: ConditionSchema.optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

/** Which 具体事项 apply for which answers. */
export const SubItemRuleSchema = z.object({ subItem: subItemCode, when: ConditionSchema });

/** Card fields a form may take from the ID card (GA/T 467). */
export const CardSourceSchema = z.enum(['name', 'gender', 'nation', 'birthDate', 'address', 'idNumber']);
export type CardSource = z.infer<typeof CardSourceSchema>;

/**
 * Enterprise fields a form may take from the platform's enterprise registry
 * (looked up by the unified social credit code when online). Offline the
 * resident types them and the application marks them unverified.
 */
export const EnterpriseSourceSchema = z.enum(['uscc', 'name', 'type', 'legalRepresentative']);
export type EnterpriseSource = z.infer<typeof EnterpriseSourceSchema>;

/** A date bound: today, today ± days, or another date field of the form. */
export const DateBoundSchema = z.union([
  z.object({ today: z.literal(true), offsetDays: z.number().int().optional() }).strict(),
  z.object({ field: id }).strict(),
]);
export type DateBound = z.infer<typeof DateBoundSchema>;

export const FieldTypeSchema = z.enum([
  'text',
  'name',
  'id-number',
  'uscc',
  'mobile',
  'date',
  'choice',
  'integer',
  'gender',
  'nation',
  'address',
  /** A bank card or account number: 12–30 digits (spaces allowed while typing). */
  'bank-account',
]);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const FieldSchema = z.object({
  id,
  label: TextSchema,
  type: FieldTypeSchema,
  /** Filled from the card and not retyped. */
  fromCard: CardSourceSchema.optional(),
  /** Filled from the enterprise registry (business 一件事): typed and marked unverified when offline. */
  fromEnterprise: EnterpriseSourceSchema.optional(),
  /** Filled from another party's own card (`parties[].id`), with `fromCard` naming the card field. */
  fromParty: id.optional(),
  required: z.boolean(),
  /** Shown only when this holds over the answers. */
  askIf: ConditionSchema.optional(),
  /** Shown only when one of these sub-items applies. */
  forSubItems: z.array(subItemCode).min(1).readonly().optional(),
  options: z.array(OptionSchema).min(2).readonly().optional(),
  maxLength: z.number().int().positive().optional(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  notBefore: DateBoundSchema.optional(),
  notAfter: DateBoundSchema.optional(),
  /**
   * Date bounds the answers impose (e.g. “the child is under one” → born within
   * 365 days): when `when` holds, its bounds replace `notBefore` / `notAfter`.
   */
  boundsIf: z
    .array(z.object({ when: ConditionSchema, notBefore: DateBoundSchema.optional(), notAfter: DateBoundSchema.optional() }).strict())
    .min(1)
    .readonly()
    .optional(),
  /** Key in the platform payload's `form`; defaults to the field id. */
  platformKey: z.string().min(1).max(64).optional(),
});
export type Field = z.infer<typeof FieldSchema>;

export const MaterialDefSchema = z.object({
  id,
  name: TextSchema,
  /** The sub-items that need it; needed when any of them applies. */
  forSubItems: z.array(subItemCode).min(1).readonly(),
  /** Annex-3 number of the e-certificate that replaces it (looked up on the platform). */
  exemptedBy: z.number().int().min(1).max(143).optional(),
  /** 容缺 + 告知承诺: may be missing now if the resident signs a commitment. */
  commitmentAllowed: z.boolean(),
  /** Can be photographed with the kiosk camera. */
  capturable: z.boolean(),
  askIf: ConditionSchema.optional(),
  /** Not needed when this party swipes their own card and consents (e.g. 授权委托书 when the legal representative is present). */
  waivedByParty: id.optional(),
});
export type MaterialDef = z.infer<typeof MaterialDefSchema>;

/**
 * Another person in the same application (公民婚育: the other party; 二手房:
 * buyer and seller; 新生儿出生: the other parent; 员工录用: the employee;
 * 企业: the legal representative when an agent applies). They swipe their own
 * card in the same session, the fields naming them (`fromParty`) are filled
 * from it and masked like the applicant's, and they confirm consent on screen.
 */
export const PartySchema = z.object({
  id,
  /** Who they are to the applicant: 孩子另一位家长, 配偶, 买方… */
  label: TextSchema,
  /** Needed when this holds over the answers (default: always). */
  when: ConditionSchema.optional(),
  /**
   * `required`: the application cannot be submitted without their card and consent.
   * `optional`: their fields may be typed instead (the party is then recorded as not present).
   */
  presence: z.enum(['required', 'optional']),
});
export type Party = z.infer<typeof PartySchema>;

/** How the payload's applicant and enterprise are taken from card and form. */
export const PayloadMapSchema = z.object({
  /** Form field holding the applicant's mobile number. */
  phoneField: id.optional(),
  /** For enterprise 一件事: form fields with the USCC and the enterprise name. */
  enterprise: z.object({ usccField: id, nameField: id }).optional(),
  /** Answers copied into `form` (e.g. the chosen case), question id → platform key. */
  answerKeys: z.record(id, z.string().min(1).max(64)).optional(),
});

/**
 * A sub-item whose handling needs the resident at a hall (an assessment, a
 * registration both parties sign in person…): the kiosk takes the
 * application and offers 预约到大厅办理 for it. `when` narrows it to some
 * answers (default: whenever the sub-item applies).
 */
export const HallVisitSchema = z.object({ subItem: subItemCode, why: TextSchema, when: ConditionSchema.optional() }).strict();
export type HallVisit = z.infer<typeof HallVisitSchema>;

/** A wired journey: everything the kiosk needs to take the application. */
export const WiredJourneySchema = z.object({
  questions: z.array(QuestionSchema).min(1).readonly(),
  subItemRules: z.array(SubItemRuleSchema).min(1).readonly(),
  form: z.array(FieldSchema).min(1).readonly(),
  materials: z.array(MaterialDefSchema).readonly(),
  /** Other people who swipe and consent in the same session. */
  parties: z.array(PartySchema).readonly().optional(),
  /** Sub-items that need a hall visit after (or instead of) the kiosk: the journey offers a booking for each. */
  hallVisits: z.array(HallVisitSchema).readonly().optional(),
  payload: PayloadMapSchema,
});
export type WiredJourney = z.infer<typeof WiredJourneySchema>;

export const JourneySchema = z.object({
  /** Catalog id of the 一件事 (`contract/catalog/one-things.ts`). */
  oneThing: z.string().min(1),
  guide: GuideSchema,
  /** Absent until the journey is wired: the kiosk then shows the guide and the next step. */
  wired: WiredJourneySchema.optional(),
});
export type Journey = z.infer<typeof JourneySchema>;
