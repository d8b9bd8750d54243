import type { OneThing } from '../catalog/schema';
import { eCertificateByNumber } from '../catalog';
import type { Identity } from '../identity';
import { type ApplicationPayload, ApplicationPayloadSchema, type IdentityMethod, type Material, type PartyRecord } from '../platform/applications';
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
  partiesFor,
  prefill,
  type PrefillSources,
  type ProvidedMaterial,
  type RegisteredEnterprise,
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
  /** How the applicant identified (the host's session knows; default card). */
  readonly identityMethod?: IdentityMethod;
  /** Parties whose card the host read in this session (never what the renderer claims). */
  readonly parties?: readonly PartyPresence[];
  /** The registry record this session's lookup returned, if any: the enterprise is verified when it matches the form's code. */
  readonly enterprise?: RegisteredEnterprise | null;
  /**
   * E-certificates this session's platform lookups returned. When given, an
   * e-certificate material counts only if it names one of them, of the type
   * that exempts the material.
   */
  readonly foundCertificates?: readonly { readonly certificateId: string; readonly type: string }[];
}

/** A party whose card (or e-ID QR) the host read in this session; `consentedAt` once they confirmed on screen. */
export interface PartyPresence {
  readonly partyId: string;
  readonly identity: Identity;
  readonly method: IdentityMethod;
  readonly consentedAt: string | null;
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

/** E-certificate materials naming a certificate this session's lookups did not return (or of another type). */
function unfoundCertificates(wired: WiredJourney, statuses: ReturnType<typeof materialsFor>, found: readonly { certificateId: string; type: string }[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const s of statuses) {
    if (s.provided?.kind !== 'e-certificate') continue;
    const def = wired.materials.find((m) => m.id === s.material.id);
    const type = def?.exemptedBy === undefined ? undefined : eCertificateByNumber(def.exemptedBy)?.name;
    const certificateNumber = s.provided.certificateNumber;
    if (!found.some((c) => c.certificateId === certificateNumber && c.type === type)) {
      out.push({
        path: `materials.${s.material.id}`,
        message: `“${s.material.name.zh}”的电子证照不是本次查询到的，请重新调取或拍照。`,
        messageEn: `The e-certificate for “${s.material.name.en}” was not found by this session's lookup: fetch it again or photograph the document.`,
      });
    }
  }
  return out;
}

/** The enterprise block: the registry's values when verified in this session, the typed ones otherwise. */
function enterpriseBlock(wired: WiredJourney, values: Record<string, string>, ent: { usccField: string; nameField: string }, registered: RegisteredEnterprise | null) {
  const typed = (source: 'type' | 'legalRepresentative') => {
    const f = wired.form.find((x) => x.fromEnterprise === source);
    const v = f ? (values[f.id] ?? '').trim() : '';
    return v || undefined;
  };
  if (registered) {
    return { unifiedSocialCreditCode: registered.uscc, name: registered.name, verified: true, type: registered.type, legalRepresentative: registered.legalRepresentative };
  }
  const type = typed('type');
  const legalRepresentative = typed('legalRepresentative');
  return {
    unifiedSocialCreditCode: normalizeUscc(values[ent.usccField] ?? ''),
    name: (values[ent.nameField] ?? '').trim(),
    verified: false,
    ...(type ? { type } : {}),
    ...(legalRepresentative ? { legalRepresentative } : {}),
  };
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
  // Parties: each the answers need is present and consented, or (optional) typed instead.
  const needed = partiesFor(wired, answers);
  const partyProblems: FieldProblem[] = [];
  const present: Record<string, Identity> = {};
  const records: PartyRecord[] = [];
  for (const party of needed) {
    const p = input.parties?.find((x) => x.partyId === party.id);
    const path = `parties.${party.id}`;
    if (p && p.consentedAt) {
      if (p.identity.idNumber === input.identity.idNumber && p.identity.cardType === input.identity.cardType) {
        partyProblems.push({ path, message: `“${party.label.zh}”须由另一个人本人刷卡，不能是申请人自己。`, messageEn: `The ${party.label.en.toLowerCase()} must be another person, not the applicant.` });
        continue;
      }
      present[party.id] = p.identity;
      records.push({ role: party.id, present: true, cardType: p.identity.cardType, name: p.identity.name, idNumber: p.identity.idNumber, method: p.method, consentedAt: p.consentedAt });
    } else if (p) {
      partyProblems.push({ path, message: `请“${party.label.zh}”在屏幕上确认同意。`, messageEn: `The ${party.label.en.toLowerCase()} has to confirm consent on screen.` });
    } else if (party.presence === 'required') {
      partyProblems.push({ path, message: `需要“${party.label.zh}”本人刷身份证并确认同意。`, messageEn: `The ${party.label.en.toLowerCase()} has to put their own ID card on the reader and consent.` });
    } else records.push({ role: party.id, present: false });
  }
  if (partyProblems.length) return problemsErr('还需要其他当事人本人确认。', partyProblems);

  const usccField = wired.payload.enterprise?.usccField;
  const typedUscc = usccField ? normalizeUscc(input.values[usccField] ?? '') : '';
  const registered = input.enterprise && typedUscc !== '' && input.enterprise.uscc === typedUscc ? input.enterprise : null;
  const sources: PrefillSources = { parties: present, enterprise: registered };
  const formProblems = validateForm(wired, { answers, subItems, values: input.values, identity: input.identity, today: input.today, sources });
  if (formProblems.length) return problemsErr('表单还有需要修改的地方。', formProblems);
  const statuses = materialsFor(wired, answers, subItems, input.materials, new Set(Object.keys(present)));
  const missing = missingMaterials(statuses);
  if (missing.length) return problemsErr('还有材料没有提供。', missing);
  const forged = input.foundCertificates ? unfoundCertificates(wired, statuses, input.foundCertificates) : [];
  if (forged.length) return problemsErr('有电子证照不是本次查询到的，请重新调取。', forged);

  const values = prefill(wired, input.identity, input.values, sources);
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
  // A card without an address (foreigner card) gets the one typed on the form.
  const addressField = wired.form.find((f) => f.fromCard === 'address' && !f.fromParty);
  const address = (input.identity.address.trim() || (addressField ? (values[addressField.id] ?? '').trim() : '')).slice(0, 200);
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
      ...(address ? { address } : {}),
    },
    identityMethod: input.identityMethod ?? 'card',
    ...(needed.length ? { parties: records } : {}),
    ...(ent ? { enterprise: enterpriseBlock(wired, values, ent, registered) } : {}),
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
