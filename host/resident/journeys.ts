import { createHash, randomUUID } from 'node:crypto';
import {
  err,
  maskIdNumber,
  maskName,
  ok,
  type Answers,
  type CardField,
  type FormValues,
  type Identity,
  type JourneyDraft,
  type MaterialProvision,
  type ReceiptOutcome,
  type Result,
  type Submitted,
} from '../../contract';
import type { OneThing } from '../../contract/catalog';
import { BUILT_IN_CATALOG, type CatalogLookup } from '../platform/active-catalog';
import { applicableSubItems, partiesFor, type ProvidedMaterial } from '../../contract/journeys/engine';
import { buildPayload } from '../../contract/journeys/payload';
import type { Journey, WiredJourney } from '../../contract/journeys/schema';
import type { ApplicationsPort } from '../platform/ports';
import type { CapturedAttachment, PlannedSubItem, ReceiptsPort } from './journey-ports';
import { ethnicName } from '../../drivers/idcard/ethnic';
import type { SessionService } from './session';
import type { ReceiptRequest } from './receipts';

interface SessionJourney {
  draft: JourneyDraft;
  readonly captures: Map<string, CapturedAttachment>;
  /** Applications submitted in this session: only these may print a receipt here. */
  readonly submitted: Map<string, SubmittedHere>;
}

interface SubmittedHere {
  thingName: string;
  subItems: readonly PlannedSubItem[];
  deadline: string;
  submittedAt: string;
  commitments: readonly string[];
  subject?: { label: string; name: string };
  /** What the form showed, masked as on screen: the A4 申请表's 申请内容. */
  fields: readonly { label: string; value: string }[];
  /** The 告知承诺 the resident confirmed on screen, with the time (the A4 告知承诺书). */
  confirmed: readonly { text: string; confirmedAt: string }[];
}

/** What the A4 documents of an application need; the receipt service fills kiosk, service point and progress URL. */
export interface A4Source {
  readonly receipt: ReceiptRequest;
  readonly fields: readonly { readonly label: string; readonly value: string }[];
  readonly confirmed: readonly { readonly text: string; readonly confirmedAt: string }[];
  /** The documents that apply: 告知承诺书 only when the resident confirmed commitments (容缺). */
  readonly documents: readonly ('application-form' | 'commitment' | 'acceptance-notice')[];
}

/** The words of the 告知承诺 the materials screen shows (renderer i18n journey.materials.commitmentText), for the paper copy. */
export function commitmentText(material: string): string {
  return `本人承诺：所填信息真实有效；缺少的材料“${material}”将在 20 个工作日内补交。如承诺不实，愿意承担相应责任。`;
}

/** A typed value as paper may carry it: names, numbers and addresses masked the way the screen masks them. */
function maskedTyped(type: string, value: string): string {
  switch (type) {
    case 'name':
      return maskName(value);
    case 'id-number':
      return maskIdNumber(value);
    case 'mobile':
      return value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';
    case 'bank-account':
      return `****${value.replace(/\s/g, '').slice(-4)}`;
    case 'address': {
      const chars = Array.from(value);
      return chars.length <= 6 ? '******' : `${chars.slice(0, 6).join('')}******`;
    }
    default:
      return value;
  }
}

/** The clerk helping at this kiosk in assisted mode (帮代办), as the staff room reports it. */
export interface AssistingClerk {
  current(): { readonly staffId: string } | null;
}

export interface JourneyServiceDeps {
  readonly session: SessionService;
  /** The journey data file of a 一件事, or null when it has none yet. */
  readonly journeyFor: (thingId: string) => Journey | null;
  readonly applications: ApplicationsPort;
  readonly receipts: ReceiptsPort;
  readonly staff: AssistingClerk;
  /**
   * After the durable commit: wait briefly for the outbox to deliver, so the
   * confirmation can say "已送达" when the network is there. Resolves false
   * (queued on this kiosk) when it is not; never delays the commit itself.
   */
  readonly awaitDelivery: (localNumber: string) => Promise<boolean>;
  readonly now?: () => Date;
  /** The catalog in use (swapped only between residents); the built-in one when absent. */
  readonly catalog?: CatalogLookup;
}

const MAX_CAPTURE_BYTES = 8 * 1024 * 1024;
const MAX_CAPTURES_PER_SESSION = 40;

function subItemsOf(thing: OneThing, codes: ReadonlySet<string>): PlannedSubItem[] {
  return thing.subItems
    .filter((s) => codes.has(s.code))
    .map((s) => ({ code: s.code, name: s.name, department: (s.departments.find((d) => d.lead) ?? s.departments[0])!.name }));
}

/** Card field → what a form shows (masked) and what the payload gets (clear). */
function cardValue(identity: Identity, field: CardField): string {
  switch (field) {
    case 'name':
      return identity.name;
    case 'idNumber':
      return identity.idNumber;
    case 'gender':
      return identity.gender === '1' ? '男' : identity.gender === '2' ? '女' : '未说明';
    case 'nation':
      return identity.nation ? (ethnicName(identity.nation) ?? identity.nation) : '';
    case 'birthDate':
      return `${identity.birthDate.slice(0, 4)}-${identity.birthDate.slice(4, 6)}-${identity.birthDate.slice(6, 8)}`;
    case 'address':
      return identity.address;
    case 'authority':
      return identity.authority;
    case 'validTo':
      return identity.validTo ?? '长期';
  }
}

/** Screens others may see get this: names and numbers masked, the rest partly hidden. */
function maskedCardValue(identity: Identity, field: CardField): string {
  const value = cardValue(identity, field);
  switch (field) {
    case 'name':
      return maskName(value);
    case 'idNumber':
      return maskIdNumber(value);
    case 'address': {
      const chars = Array.from(value);
      return chars.length <= 6 ? '******' : `${chars.slice(0, 6).join('')}******`;
    }
    case 'birthDate':
      return `${value.slice(0, 4)}-**-**`;
    default:
      return value;
  }
}

function decodeDataUrl(dataUrl: string): { mediaType: 'image/jpeg' | 'image/png'; bytes: Buffer } | null {
  const m = /^data:(image\/jpeg|image\/png);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!m) return null;
  const bytes = Buffer.from(m[2]!, 'base64');
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (m[1] === 'image/jpeg' && !jpeg) return null;
  if (m[1] === 'image/png' && !png) return null;
  return { mediaType: m[1] as 'image/jpeg' | 'image/png', bytes };
}

/**
 * One resident's 一件事 in the current session: the draft, captures and
 * submitted numbers live in memory, keyed by session, and are wiped (capture
 * bytes zeroed) the moment the session ends.
 */
export class JourneyService {
  private readonly bySession = new Map<string, SessionJourney>();
  private readonly now: () => Date;

  private get catalog(): CatalogLookup {
    return this.deps.catalog ?? BUILT_IN_CATALOG;
  }

  constructor(private readonly deps: JourneyServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    deps.session.onEnd((sessionId) => this.wipe(sessionId));
  }

  /** Number of sessions holding journey data: the soak benchmark and the wipe test read it. */
  get heldSessions(): number {
    return this.bySession.size;
  }

  start(thingId: string): Result<JourneyDraft> {
    const wired = this.wiredJourney(thingId);
    if (!wired.ok) return wired;
    // A full disk refuses before the resident fills anything in.
    const room = this.deps.applications.canAccept?.();
    if (room && !room.ok) return room;
    const sid = this.deps.session.currentId ?? this.deps.session.begin().id;
    const at = this.now().toISOString();
    const previous = this.bySession.get(sid);
    if (previous) this.zeroCaptures(previous);
    const draft: JourneyDraft = { thingId, startedAt: at, savedAt: at, step: 'guide', answers: {}, form: {}, materials: [] };
    this.bySession.set(sid, { draft, captures: new Map(), submitted: previous?.submitted ?? new Map() });
    return ok(draft);
  }

  saveDraft(input: { step: string; answers: Answers; form: FormValues; materials: readonly MaterialProvision[] }): Result<JourneyDraft> {
    const held = this.held();
    if (!held.ok) return held;
    const j = held.value;
    j.draft = { ...j.draft, step: input.step, answers: input.answers, form: input.form, materials: [...input.materials], savedAt: this.now().toISOString() };
    return ok(j.draft);
  }

  draft(): JourneyDraft | null {
    const sid = this.deps.session.currentId;
    return sid ? (this.bySession.get(sid)?.draft ?? null) : null;
  }

  /**
   * The card fields this session can fill, masked: the applicant's by field
   * name, each party's as `<partyId>.<field>`. A field the card lacks (no
   * address on a foreigner card) is left out, so the form asks for it.
   */
  cardFields(): Result<Record<string, string>> {
    const fields: CardField[] = ['name', 'idNumber', 'gender', 'nation', 'birthDate', 'address', 'authority', 'validTo'];
    const masked = (identity: Identity, prefix: string) =>
      fields.filter((f) => cardValue(identity, f).trim() !== '').map((f) => [`${prefix}${f}`, maskedCardValue(identity, f)] as const);
    const identity = this.deps.session.identity();
    const out = identity ? masked(identity, '') : [];
    for (const p of this.deps.session.parties()) out.push(...masked(p.identity, `${p.partyId}.`));
    return ok(Object.fromEntries(out));
  }

  /** The parties the current draft's answers need (the party screens show one each). */
  private partyOfDraft(partyId: string): Result<{ presence: 'required' | 'optional' }> {
    const held = this.held();
    if (!held.ok) return held;
    const found = this.wiredJourney(held.value.draft.thingId);
    if (!found.ok) return found;
    const party = partiesFor(found.value.wired, held.value.draft.answers).find((p) => p.id === partyId);
    if (!party) return err('invalid-input', '这件事不需要这位当事人', { messageEn: 'This matter does not involve this person.', detail: `party: ${partyId} is not a party of this journey for these answers` });
    return ok({ presence: party.presence });
  }

  /** A party screen is showing (or none, with null): the next card read is that party's. */
  awaitParty(partyId: string | null): Result<{ awaiting: string | null }> {
    if (partyId !== null) {
      const party = this.partyOfDraft(partyId);
      if (!party.ok) return party;
    }
    this.deps.session.awaitParty(partyId);
    return ok({ awaiting: partyId });
  }

  consentParty(partyId: string): Result<{ partyId: string; consentedAt: string }> {
    const party = this.partyOfDraft(partyId);
    if (!party.ok) return party;
    const at = this.deps.session.consentParty(partyId);
    if (!at) return err('no-session', '请先让这位当事人把身份证放在感应区', { messageEn: 'Ask this person to put their own ID card on the reader first.', detail: `party: no card read for ${partyId}` });
    return ok({ partyId, consentedAt: at });
  }

  skipParty(partyId: string): Result<{ partyId: string; present: false }> {
    const party = this.partyOfDraft(partyId);
    if (!party.ok) return party;
    if (party.value.presence === 'required') return err('invalid-input', '这件事需要这位当事人本人到场刷卡确认', { messageEn: 'This matter needs this person here in person to put their card on the reader and confirm.', detail: `party: ${partyId} is required` });
    this.deps.session.dropParty(partyId);
    this.deps.session.awaitParty(null);
    return ok({ partyId, present: false });
  }

  revealCardField(field: CardField): Result<{ field: CardField; value: string }> {
    const identity = this.deps.session.identity();
    if (!identity) return err('no-session', '请先刷身份证');
    return ok({ field, value: cardValue(identity, field) });
  }

  capture(materialId: string, dataUrl: string): Result<{ attachmentId: string; materialId: string; bytes: number; sha256: string }> {
    const held = this.held();
    if (!held.ok) return held;
    const decoded = decodeDataUrl(dataUrl);
    if (!decoded) return err('invalid-input', '照片格式不对，请重新拍摄', { detail: 'capture: expected a JPEG or PNG data URL' });
    if (decoded.bytes.length === 0 || decoded.bytes.length > MAX_CAPTURE_BYTES) return err('invalid-input', '照片太大或为空，请重新拍摄', { detail: `capture: ${decoded.bytes.length} bytes` });
    if (held.value.captures.size >= MAX_CAPTURES_PER_SESSION) return err('conflict', '本次拍摄的材料太多，请删除不需要的照片后再拍');
    const attachment: CapturedAttachment = {
      attachmentId: randomUUID(),
      materialId,
      mediaType: decoded.mediaType,
      bytes: decoded.bytes,
      sha256: createHash('sha256').update(decoded.bytes).digest('hex'),
    };
    held.value.captures.set(attachment.attachmentId, attachment);
    return ok({ attachmentId: attachment.attachmentId, materialId, bytes: attachment.bytes.length, sha256: attachment.sha256 });
  }

  discardCapture(attachmentId: string): Result<{ discarded: boolean }> {
    const held = this.held();
    if (!held.ok) return held;
    const a = held.value.captures.get(attachmentId);
    if (a) a.bytes.fill(0);
    return ok({ discarded: held.value.captures.delete(attachmentId) });
  }

  async submit(): Promise<Result<Submitted>> {
    const held = this.held();
    if (!held.ok) return held;
    const j = held.value;
    const identity = this.deps.session.identity();
    if (!identity) return err('no-session', '请先把身份证放在感应区，识别身份后再提交');
    const { draft } = j;
    const found = this.wiredJourney(draft.thingId);
    if (!found.ok) return found;
    const { thing, wired, journey } = found.value;

    const attachments: CapturedAttachment[] = [];
    const provided: ProvidedMaterial[] = [];
    for (const m of draft.materials) {
      if (m.kind === 'capture') {
        const a = j.captures.get(m.attachmentId);
        if (!a) continue; // a retaken or wiped capture: the engine reports the material as missing
        attachments.push(a);
        provided.push({ kind: 'attachment', materialId: m.materialId, sha256: a.sha256, mediaType: a.mediaType, bytes: a.bytes.length });
      } else if (m.kind === 'commitment') provided.push({ kind: 'commitment', materialId: m.materialId });
      else provided.push({ kind: 'e-certificate', materialId: m.materialId, certificateNumber: m.certificateId });
    }
    const assistedBy = this.deps.staff.current()?.staffId ?? null;
    const today = this.now();
    const session = this.deps.session;
    const build = (localNumber: string) =>
      buildPayload({
        thing,
        wired,
        catalogVersion: this.catalog.version,
        answers: draft.answers,
        values: draft.form,
        identity,
        materials: provided,
        localNumber,
        ...(assistedBy ? { assistedBy } : {}),
        today,
        // What the host itself saw in this session, never what the renderer claims.
        identityMethod: session.identityMethod(),
        parties: session.parties(),
        enterprise: session.enterprise(),
        foundCertificates: session.certificates(),
      });
    // Checked before the store is touched, with a placeholder number: what fails here fails for any number.
    const dryRun = build('CHECK-000000');
    if (!dryRun.ok) return dryRun;

    const codes = new Set(applicableSubItems(thing, wired, draft.answers));
    const subItems = subItemsOf(thing, codes);
    const deadline = journey.guide.timeLimit.zh;
    const sid = this.deps.session.currentId!;
    const stored = this.deps.applications.submit(sid, {
      matterCode: thing.code,
      matterTitle: thing.name,
      deadline,
      applicant: identity,
      subItems,
      attachments: attachments.map((a) => ({ bytes: a.bytes, mediaType: a.mediaType, materialCode: a.materialId })),
      buildPayload: build,
    });
    if (!stored.ok) return stored;
    const delivered = await this.deps.awaitDelivery(stored.value.localNumber);
    const commitments = wired.materials.filter((m) => provided.some((p) => p.kind === 'commitment' && p.materialId === m.id)).map((m) => m.name.zh);
    // Whom the matter is for, when the resident typed their name (孩子姓名): on the receipt, masked like the applicant.
    const named = wired.form.find((f) => f.type === 'name' && !f.fromCard && !f.fromParty && !f.fromEnterprise && typeof draft.form[f.id] === 'string' && draft.form[f.id] !== '');
    const subject = named ? { label: named.label.zh, name: maskName(String(draft.form[named.id])) } : undefined;
    const fields = wired.form.flatMap((f) => {
      const v = f.fromCard && !f.fromParty ? maskedCardValue(identity, f.fromCard) : draft.form[f.id];
      if (v === undefined || v === null || v === '') return [];
      const shown = f.options?.find((o) => o.value === v)?.label.zh ?? String(v);
      return [{ label: f.label.zh, value: f.fromCard && !f.fromParty ? shown : maskedTyped(f.type, shown) }];
    });
    const confirmed = draft.materials.flatMap((m) => {
      if (m.kind !== 'commitment') return [];
      const def = wired.materials.find((d) => d.id === m.materialId);
      return def ? [{ text: commitmentText(def.name.zh), confirmedAt: m.confirmedAt }] : [];
    });
    j.submitted.set(stored.value.localNumber, { thingName: thing.name, subItems, deadline, submittedAt: stored.value.submittedAt, commitments, ...(subject ? { subject } : {}), fields, confirmed });
    // Done: the capture bytes now live (encrypted) in the store only.
    this.zeroCaptures(j);
    j.draft = { ...draft, step: 'submitted', materials: [], form: {}, savedAt: this.now().toISOString() };
    return ok({ applicationNumber: stored.value.localNumber, submittedAt: stored.value.submittedAt, delivered, commitments, assistedBy });
  }

  async printReceipt(applicationNumber: string): Promise<Result<ReceiptOutcome>> {
    const held = this.held();
    if (!held.ok) return held;
    const sid = this.deps.session.currentId!;
    const submitted = held.value.submitted.get(applicationNumber);
    // Every print job belongs to the session that asked for it.
    if (!submitted) return err('not-found', '这份回执不属于本次办理', { detail: 'receipt: number not submitted in this session' });
    const { oneThingName, ...receipt } = this.maskedReceipt(applicationNumber, submitted);
    const result = await this.deps.receipts.print(sid, { ...receipt, thingName: oneThingName, subItems: submitted.subItems });
    // Composition problems come back as a screen copy from the receipts port; what is left is a session that ended.
    return result.ok ? ok({ ...result.value, lines: [...result.value.lines] }) : result;
  }

  /** The A4 documents' content for an application submitted in this session (masked as the screen shows it). */
  a4Source(applicationNumber: string): Result<A4Source> {
    const held = this.held();
    if (!held.ok) return held;
    const submitted = held.value.submitted.get(applicationNumber);
    if (!submitted) return err('not-found', '这份申请不属于本次办理', { detail: 'a4: number not submitted in this session' });
    return ok({
      receipt: this.maskedReceipt(applicationNumber, submitted),
      fields: submitted.fields,
      confirmed: submitted.confirmed,
      documents: submitted.confirmed.length > 0 ? ['commitment', 'application-form', 'acceptance-notice'] : ['application-form', 'acceptance-notice'],
    });
  }

  /** What the receipt and the A4 documents print of an application: the applicant masked as on screen. */
  private maskedReceipt(applicationNumber: string, submitted: SubmittedHere): ReceiptRequest {
    const identity = this.deps.session.identity();
    return {
      localNumber: applicationNumber,
      oneThingName: submitted.thingName,
      subItems: submitted.subItems,
      applicantName: identity ? maskName(identity.name) : '—',
      applicantIdNumber: identity ? maskIdNumber(identity.idNumber) : '—',
      ...(submitted.subject ? { subject: submitted.subject } : {}),
      submittedAt: submitted.submittedAt,
      deadline: submitted.deadline,
      commitments: submitted.commitments,
    };
  }

  /** Submitted in this session (for 好差评 and the receipt reprint). */
  submittedHere(applicationNumber: string): boolean {
    const sid = this.deps.session.currentId;
    return sid ? (this.bySession.get(sid)?.submitted.has(applicationNumber) ?? false) : false;
  }

  private wiredJourney(thingId: string): Result<{ thing: OneThing; wired: WiredJourney; journey: Journey }> {
    const thing = this.catalog.oneThingById(thingId);
    const journey = this.deps.journeyFor(thingId);
    if (!thing) return err('not-found', '没有这项服务', { detail: `journey: unknown one-thing ${thingId}` });
    if (!journey?.wired) return err('not-found', '这件事暂时不能在自助终端上办理，请到大厅窗口办理', { detail: `journey: ${thingId} is not wired` });
    return ok({ thing, wired: journey.wired, journey });
  }

  private held(): Result<SessionJourney> {
    const sid = this.deps.session.currentId;
    const j = sid ? this.bySession.get(sid) : undefined;
    return j ? ok(j) : err('no-session', '办理已结束，请回到首页重新开始');
  }

  private zeroCaptures(j: SessionJourney): void {
    for (const a of j.captures.values()) a.bytes.fill(0);
    j.captures.clear();
  }

  private wipe(sessionId: string): void {
    const j = this.bySession.get(sessionId);
    if (!j) return;
    this.zeroCaptures(j);
    j.submitted.clear();
    this.bySession.delete(sessionId);
  }
}
