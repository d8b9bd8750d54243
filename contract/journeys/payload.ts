import type { OneThing } from '../catalog/schema';
import { eCertificateByNumber } from '../catalog';
import type { Identity } from '../identity';
import { type ApplicationPayload, ApplicationPayloadSchema, type Material } from '../platform/applications';
import { err, issuesFromZod, ok, type Result } from '../result';
import { normalizeIdNumber, normalizeMobile, normalizeUscc } from '../validators';
import {
  type Answers,
  applicableSubItems,
  checkAnswers,
  effectiveAnswers,
  type FieldProblem,
  type FormValues,
  formFields,
  materialsFor,
  missingMaterials,
  prefill,
  type ProvidedMaterial,
  validateForm,
} from './engine';
import type { Field, WiredJourney } from './schema';

export interface PayloadInput {
  readonly thing: OneThing;
  readonly wired: WiredJourney;
  readonly catalogVersion: string;
  readonly answers: Answers;
  readonly values: FormValues;
  readonly identity: Identity;
  readonly materials: readonly ProvidedMaterial[];
  readonly localNumber: string;
  readonly assistedBy?: string;
  readonly today: Date;
}

/** Values as the platform wants them: codes normalised, integers as numbers. */
function platformValue(field: Field, raw: string): string | number {
  const v = raw.trim();
  switch (field.type) {
    case 'integer':
      return Number(v);
    case 'id-number':
      return normalizeIdNumber(v);
    case 'uscc':
      return normalizeUscc(v);
    case 'mobile':
      return normalizeMobile(v);
    case 'bank-account':
      return v.replace(/[\s-]/g, '');
    default:
      return v;
  }
}

function toPlatformMaterial(wired: WiredJourney, p: ProvidedMaterial): Material {
  if (p.kind === 'attachment') return { kind: 'attachment', materialCode: p.materialId, sha256: p.sha256, mediaType: p.mediaType, bytes: p.bytes };
  if (p.kind === 'commitment') return { kind: 'commitment', materialCode: p.materialId };
  const def = wired.materials.find((m) => m.id === p.materialId);
  const cert = def?.exemptedBy === undefined ? undefined : eCertificateByNumber(def.exemptedBy);
  return { kind: 'e-certificate', materialCode: p.materialId, certificateTypeCode: cert?.code ?? 'unknown', certificateNumber: p.certificateNumber };
}

const problemsErr = (message: string, problems: readonly FieldProblem[]) =>
  err('invalid-input', message, { issues: problems.map((p) => ({ path: p.path, message: p.message })) });

/**
 * The application sent to the platform (`POST /v1/applications/batch`), or
 * the problems that stop it — answers, then form, then materials, the order
 * the resident meets them in.
 */
export function buildPayload(input: PayloadInput): Result<ApplicationPayload> {
  const { wired, answers } = input;
  const answerProblems = checkAnswers(wired, answers);
  if (answerProblems.length) return problemsErr('还有问题没有回答。', answerProblems);
  const subItems = applicableSubItems(input.thing, wired, answers);
  if (subItems.length === 0) {
    return err('invalid-input', '根据您的回答，这件事没有需要办理的事项。如有疑问请拨打12345。');
  }
  const formProblems = validateForm(wired, { answers, subItems, values: input.values, identity: input.identity, today: input.today });
  if (formProblems.length) return problemsErr('表单还有需要修改的地方。', formProblems);
  const statuses = materialsFor(wired, answers, subItems, input.materials);
  const missing = missingMaterials(statuses);
  if (missing.length) return problemsErr('还有材料没有提供。', missing);

  const values = prefill(wired, input.identity, input.values);
  const form: Record<string, string | number | boolean> = {};
  for (const f of formFields(wired, answers, subItems)) {
    const v = values[f.id];
    if (v !== undefined && v.trim() !== '') form[f.platformKey ?? f.id] = platformValue(f, v);
  }
  const counted = effectiveAnswers(wired, answers);
  for (const [question, key] of Object.entries(wired.payload.answerKeys ?? {})) {
    const a = counted[question];
    if (a !== undefined) form[key] = a;
  }
  const phone = wired.payload.phoneField ? values[wired.payload.phoneField] : undefined;
  // An enterprise not yet registered (企业开办) has no code yet: the block is sent once the code is on the form.
  const ent = wired.payload.enterprise && (values[wired.payload.enterprise.usccField] ?? '').trim() ? wired.payload.enterprise : undefined;
  const materials = statuses.flatMap((s) => (s.provided ? [toPlatformMaterial(wired, s.provided)] : []));
  const payload = {
    itemCode: input.thing.code,
    subItemCodes: subItems,
    catalogVersion: input.catalogVersion,
    applicant: {
      cardType: input.identity.cardType,
      name: input.identity.name,
      idNumber: input.identity.idNumber,
      ...(phone ? { phone: normalizeMobile(phone) } : {}),
      ...(input.identity.address ? { address: input.identity.address } : {}),
    },
    ...(ent ? { enterprise: { unifiedSocialCreditCode: normalizeUscc(values[ent.usccField] ?? ''), name: (values[ent.nameField] ?? '').trim() } } : {}),
    form,
    materials,
    commitmentSigned: materials.some((m) => m.kind === 'commitment'),
    ...(input.assistedBy ? { assistedBy: input.assistedBy } : {}),
    localNumber: input.localNumber,
  };
  // The platform schema is the last word: a journey whose data cannot produce a valid payload is a bug to surface, not to send.
  const parsed = ApplicationPayloadSchema.safeParse(payload);
  if (!parsed.success) return err('internal', '申请内容无法生成，请到窗口办理或拨打12345。', { issues: issuesFromZod(parsed.error) });
  return ok(parsed.data);
}
