import { z } from 'zod';
import { method } from './define';

/**
 * A resident doing one 一件事 at the kiosk: start, keep a draft in the
 * session, reveal one card field while "显示" is held, look up electronic
 * certificates, attach camera captures, submit durably, print the receipt.
 * Everything here belongs to the current session and is wiped when it ends.
 */

const id = z.string().min(1).max(80);

/** Card fields a form may take from the ID card; the renderer only ever holds them masked. */
export const CardFieldSchema = z.enum(['name', 'idNumber', 'gender', 'nation', 'birthDate', 'address', 'authority', 'validTo']);
export type CardField = z.infer<typeof CardFieldSchema>;

export const AnswerValueSchema = z.union([z.string().max(200), z.boolean()]);
/** Key-count caps run before the entries are checked: a draft with a million keys is refused at once, not parsed for seconds. */
export const MAX_ANSWER_KEYS = 200;
export const MAX_FORM_KEYS = 200;
const fewKeys = (max: number, what: string) =>
  z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length <= max, `expected an object with at most ${max} ${what}`);

export const AnswersSchema = fewKeys(MAX_ANSWER_KEYS, 'answers').pipe(z.record(z.string().max(80), AnswerValueSchema));
export type Answers = z.infer<typeof AnswersSchema>;

/** Typed form values (not the card fields: the host takes those from the session). */
export const FormValuesSchema = fewKeys(MAX_FORM_KEYS, 'form fields').pipe(z.record(z.string().max(80), z.string().max(500)));
export type FormValues = z.infer<typeof FormValuesSchema>;

/** How one required material was provided (材料最简化). */
export const MaterialProvisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('e-certificate'), materialId: id, certificateId: id, certificateType: z.string().max(80) }).strict(),
  z.object({ kind: z.literal('capture'), materialId: id, attachmentId: id }).strict(),
  /** 容缺办理 under 告知承诺: the resident confirmed on screen. */
  z.object({ kind: z.literal('commitment'), materialId: id, confirmedAt: z.string().max(40) }).strict(),
]);
export type MaterialProvision = z.infer<typeof MaterialProvisionSchema>;

export const JourneyDraftSchema = z.object({
  thingId: id,
  startedAt: z.string(),
  savedAt: z.string(),
  step: z.string().max(40),
  answers: AnswersSchema,
  form: FormValuesSchema,
  materials: z.array(MaterialProvisionSchema).max(60),
});
export type JourneyDraft = z.infer<typeof JourneyDraftSchema>;

export const FoundCertificateSchema = z.object({
  certificateId: id,
  /** The annex-3 type name, e.g. 出生医学证明. */
  type: z.string(),
  issuer: z.string(),
  /** Masked holder, never the plaintext name. */
  holder: z.string(),
});
export type FoundCertificate = z.infer<typeof FoundCertificateSchema>;

export const CaptureSchema = z.object({
  attachmentId: id,
  materialId: id,
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
});

export const SubmittedSchema = z.object({
  applicationNumber: z.string(),
  submittedAt: z.string(),
  /** True once the platform has it; false = durable on this kiosk, delivered when the network returns. */
  delivered: z.boolean(),
  /** Materials accepted under 告知承诺 (容缺), shown on the confirmation page. */
  commitments: z.array(z.string()),
  assistedBy: z.string().nullable(),
});
export type Submitted = z.infer<typeof SubmittedSchema>;

export const ReceiptOutcomeSchema = z.object({
  printed: z.boolean(),
  /** Resident-facing reason when not printed (out of paper…), with the technician code. */
  problem: z.object({ message: z.string(), code: z.string() }).nullable(),
  /** What the receipt says, for the on-screen copy (QR to photograph). */
  qrText: z.string(),
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type ReceiptOutcome = z.infer<typeof ReceiptOutcomeSchema>;

export const journeyMethods = {
  'journey.start': method({
    doc: 'Begin a 一件事 in the current session (replaces any draft).',
    input: z.object({ thingId: id }).strict(),
    output: JourneyDraftSchema,
  }),
  'journey.saveDraft': method({
    doc: 'Keep the answers, form and materials so far, in memory, for this session only.',
    input: z.object({ step: z.string().max(40), answers: AnswersSchema, form: FormValuesSchema, materials: z.array(MaterialProvisionSchema).max(60) }).strict(),
    output: JourneyDraftSchema,
    // 200 answers + 200 fields of 500 characters, with room for escaping; a 22 MiB draft is refused unread.
    maxBodyBytes: 512 * 1024,
  }),
  'journey.draft': method({
    doc: 'The draft of the current session, or null.',
    input: z.object({}).strict(),
    output: JourneyDraftSchema.nullable(),
  }),
  'journey.cardFields': method({
    doc: 'Which card fields this session can fill, masked, for a pre-filled form.',
    input: z.object({}).strict(),
    output: z.record(z.string(), z.string()),
  }),
  'journey.revealCardField': method({
    doc: 'One card field in clear while the resident holds 显示; never logged.',
    input: z.object({ field: CardFieldSchema }).strict(),
    output: z.object({ field: CardFieldSchema, value: z.string() }),
  }),
  'journey.lookupCertificates': method({
    doc: 'Ask the platform which of these e-certificate types the identified resident holds.',
    input: z.object({ types: z.array(z.string().min(1).max(80)).max(40) }).strict(),
    output: z.object({ online: z.boolean(), found: z.array(FoundCertificateSchema) }),
  }),
  'journey.capture': method({
    doc: 'Store a camera capture of a document as an attachment of the draft (JPEG/PNG data URL).',
    input: z.object({ materialId: id, dataUrl: z.string().max(12 * 1024 * 1024) }).strict(),
    output: CaptureSchema,
    maxBodyBytes: 12 * 1024 * 1024 + 4096,
  }),
  'journey.discardCapture': method({
    doc: 'Retake: drop a capture held for the draft.',
    input: z.object({ attachmentId: id }).strict(),
    output: z.object({ discarded: z.boolean() }),
  }),
  'journey.submit': method({
    doc: 'Submit the draft: durable on the kiosk before it answers (then delivered by the outbox).',
    input: z.object({ consent: z.literal(true) }).strict(),
    output: SubmittedSchema,
  }),
  'journey.printReceipt': method({
    doc: 'Print the receipt of an application submitted in this session; says so when it cannot.',
    input: z.object({ applicationNumber: z.string().min(1).max(40) }).strict(),
    output: ReceiptOutcomeSchema,
  }),
} as const;
