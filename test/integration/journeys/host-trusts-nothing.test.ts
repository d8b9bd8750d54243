import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Identity } from '../../../contract';
import { journeyFor } from '../../../contract/journeys';
import type { ApplicationPayload, EvaluationPayload } from '../../../contract/platform';
import type { OfflineCache } from '../../../offline-cache/offline-cache';
import { EventBus } from '../../../host/api/events';
import { identityHandlers } from '../../../host/resident/handlers/identity';
import { residentHandlers } from '../../../host/resident/handlers/journeys';
import { ApplicationsService } from '../../../host/platform/applications';
import type { ApplicationsPort } from '../../../host/platform/ports';
import { JourneyService } from '../../../host/resident/journeys';
import { platformLookups } from '../../../host/platform/lookups';
import { ReceiptService } from '../../../host/resident/receipts';
import { receiptsForJourneys } from '../../../host/resident/receipts-for-journeys';
import { SessionService } from '../../../host/resident/session';
import { StaffDesk } from '../../../host/staff/staff';
import { FIXTURE_ENTERPRISES } from '../../../platform-sim/store/enterprise-registry';
import { openKiosk, startSim, yesterday } from '../../support/offline-kiosk';
import { tempDir } from '../../support/processes';

/**
 * The host builds the application from its own session — the card it read,
 * the parties it read, the certificates and the enterprise the platform
 * returned — and refuses (storing nothing) what the renderer claims beyond it.
 * Real store in a temp dir, real platform simulator over HTTP.
 */
const card = (name: string, idNumber: string, gender: '1' | '2', birthDate: string): Identity => ({
  cardType: 'resident',
  name,
  gender,
  nation: '01',
  birthDate,
  address: '山西省太原市小店区坞城路92号',
  idNumber,
  authority: '太原市公安局小店分局',
  validFrom: '20150101',
  validTo: '20350101',
  idNumberValid: true,
  expired: false,
});
const MOTHER = card('李春花', '140105199304120025', '2', '19930412');
const LI = card('李小红', '140105199206110029', '2', '19920611');
const NO_EXTRAS = { registerHukou: false, socialCard: false, medicalInsurance: false, maternityReimbursement: false, parentingGuidance: false };
const ctx = { transport: 'web' } as never;

describe('the host trusts nothing the renderer claims', () => {
  let sim: Awaited<ReturnType<typeof startSim>>;
  let cache: OfflineCache;
  let session: SessionService;
  let journeys: JourneyService;
  let applications: ApplicationsService;
  let payloads: ApplicationPayload[];
  let evaluations: EvaluationPayload[];
  let handlers: ReturnType<typeof identityHandlers> & ReturnType<typeof residentHandlers>;

  beforeAll(async () => {
    sim = await startSim();
    cache = await openKiosk(sim.url);
  });
  afterAll(async () => {
    await cache.close();
    await sim.close();
  });
  beforeEach(() => {
    const bus = new EventBus();
    const logger = pino({ level: 'silent' });
    session = new SessionService(bus);
    applications = new ApplicationsService(cache, () => session.currentId, logger, () => undefined);
    payloads = [];
    evaluations = [];
    // The payload exactly as the store commits it.
    const recording: ApplicationsPort = {
      submit: (sid, s) =>
        applications.submit(sid, {
          ...s,
          buildPayload: (n) => {
            const r = s.buildPayload(n);
            if (r.ok && !n.startsWith('CHECK')) payloads.push(r.value);
            return r;
          },
        }),
      listByIdNumber: (id) => applications.listByIdNumber(id),
      find: (n) => applications.find(n),
      enqueueEvaluation: (e) => {
        evaluations.push(e);
        return applications.enqueueEvaluation(e);
      },
      enqueueFeedback: (f) => applications.enqueueFeedback(f),
    };
    const receipts = new ReceiptService({ kioskId: 'SX-TY-XD-0001', servicePoint: '测试便民服务中心', paperWidthMm: 80, progressBaseUrl: 'https://zwfw.shanxi.gov.cn/q' }, null, session, bus, logger);
    const staff = new StaffDesk({ dataDir: tempDir('staff'), mode: 'demo' }, bus, session);
    journeys = new JourneyService({ session, journeyFor: (id) => journeyFor(id) ?? null, applications: recording, receipts: receiptsForJourneys(receipts), staff, awaitDelivery: async () => false });
    const platform = platformLookups(cache, { timeoutMs: 3000 });
    handlers = {
      ...residentHandlers({ session, journeys, applications: recording, platform, progress: null as never, voice: null as never }),
      ...identityHandlers({ session, journeys, platform }),
    };
  });
  afterEach(() => {
    session.end('maintenance');
  });

  const begin = (answers: Record<string, string | boolean>, form: Record<string, string>, materials: Parameters<JourneyService['saveDraft']>[0]['materials'] = []) => {
    session.begin();
    session.identify(MOTHER);
    expect(journeys.start('newborn').ok).toBe(true);
    const saved = journeys.saveDraft({ step: 'consent', answers, form: { mobile: '13912345678', relationship: 'mother', childName: '王小明', childGender: 'male', childBirthDate: yesterday(), birthPlace: '山西省妇幼保健院', ...form }, materials });
    expect(saved.ok).toBe(true);
  };
  const stored = () => applications.listByIdNumber(MOTHER.idNumber).length;

  it('refuses an e-certificate no lookup of this session returned, storing nothing; accepts it once the lookup returned it', async () => {
    const typed = { otherParentName: '王大明', otherParentIdNumber: '110101199003077571' };
    const materials = [{ kind: 'e-certificate' as const, materialId: 'birthMedicalCertificate', certificateId: 'O140000000001', certificateType: '出生医学证明' }];
    begin({ ...NO_EXTRAS, medicalInsurance: true }, typed, materials);
    const before = stored();
    const forged = await journeys.submit();
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(forged.issues?.map((i) => i.path)).toEqual(['materials.birthMedicalCertificate']);
    expect(stored()).toBe(before);

    const seeded = await fetch(`${sim.url}/admin/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ holderIdNumber: MOTHER.idNumber, holderName: MOTHER.name, certificateTypeCode: 'EC080', certificateNumber: 'O140000000001', issuedAt: '2026-01-01T00:00:00.000Z' }),
    });
    expect(seeded.status).toBe(201);
    const looked = await handlers['journey.lookupCertificates']({ types: ['出生医学证明'] }, ctx);
    expect(looked.ok && looked.value.found.map((c) => c.certificateId)).toEqual(['O140000000001']);
    const r = await journeys.submit();
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.issues)}`);
    expect(payloads.at(-1)!.materials).toEqual([{ kind: 'e-certificate', materialCode: 'birthMedicalCertificate', certificateTypeCode: 'EC080', certificateNumber: 'O140000000001' }]);
  });

  it('names the agent only in the rating of a video call, with the call id and the 一件事; queued in the outbox', async () => {
    session.begin();
    const video = await handlers['evaluation.submit']({ service: 'video', reference: 'call_0123456789ab', applicationNumber: null, thingId: 'disability-services', agentId: ' agent07 ', level: 'dissatisfied', reasons: ['too-slow'], comment: '' }, ctx);
    expect(video.ok).toBe(true);
    // An agent named on another service is not the platform's business.
    const progress = await handlers['evaluation.submit']({ service: 'progress', reference: null, applicationNumber: null, thingId: null, agentId: 'agent07', level: 'satisfied', reasons: [], comment: '' }, ctx);
    expect(progress.ok).toBe(true);
    expect(evaluations).toEqual([
      { level: 'dissatisfied', reasons: ['too-slow'], service: 'video', reference: 'call_0123456789ab', agentId: 'agent07', itemCode: '21' },
      { level: 'satisfied', reasons: [], service: 'progress' },
    ]);
  });

  it('refuses answers that do not decide the sub-items (a follow-up unanswered, a yes/no given as text), storing nothing', async () => {
    const typed = { otherParentName: '王大明', otherParentIdNumber: '110101199003077571' };
    begin({ ...NO_EXTRAS, registerHukou: true }, typed);
    const before = stored();
    const missing = await journeys.submit();
    expect(!missing.ok && missing.issues?.map((i) => i.path)).toEqual(['answers.hukouEligible']);
    begin({ ...NO_EXTRAS, socialCard: 'yes' }, typed);
    const wrongKind = await journeys.submit();
    expect(!wrongKind.ok && wrongKind.issues?.map((i) => i.path)).toEqual(['answers.socialCard']);
    expect(stored()).toBe(before);
  });

  it('takes a party identity from the card the host read, never from the form, and records the consent', async () => {
    begin(NO_EXTRAS, { otherParentName: '假名字', otherParentIdNumber: '110101199003077571' });
    expect((await handlers['party.await']({ partyId: 'otherParent' }, ctx)).ok).toBe(true);
    session.setParty('otherParent', LI);
    // Read but not yet consented: refused, nothing stored.
    const before = stored();
    const unconsented = await journeys.submit();
    expect(!unconsented.ok && unconsented.issues?.map((i) => i.path)).toEqual(['parties.otherParent']);
    expect(stored()).toBe(before);
    const consent = await handlers['party.consent']({ partyId: 'otherParent' }, ctx);
    expect(consent.ok).toBe(true);
    const r = await journeys.submit();
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.issues)}`);
    const p = payloads.at(-1)!;
    expect(p.form['otherParentName']).toBe('李小红');
    expect(p.form['otherParentIdNumber']).toBe('140105199206110029');
    expect(p.parties).toEqual([{ role: 'otherParent', present: true, cardType: 'resident', name: '李小红', idNumber: '140105199206110029', method: 'card', consentedAt: consent.ok ? consent.value.consentedAt : '' }]);
    expect(p.identityMethod).toBe('card');
  });

  it('refuses a party the journey does not have, and the applicant standing in as their own other party', async () => {
    begin(NO_EXTRAS, {});
    const stranger = await handlers['party.await']({ partyId: 'buyer' }, ctx);
    expect(!stranger.ok && stranger.code).toBe('invalid-input');
    expect(session.awaitingParty()).toBeNull();
    expect((await handlers['party.await']({ partyId: 'otherParent' }, ctx)).ok).toBe(true);
    session.setParty('otherParent', MOTHER);
    expect((await handlers['party.consent']({ partyId: 'otherParent' }, ctx)).ok).toBe(true);
    const r = await journeys.submit();
    expect(!r.ok && r.issues?.map((i) => i.path)).toEqual(['parties.otherParent']);
  });

  it('says each refusal of the identity paths in English too (QR e-ID, party, enterprise)', async () => {
    begin(NO_EXTRAS, {});
    const qr = await handlers['identity.verifyQr']({ code: 'not-an-eid-code' }, ctx);
    expect(!qr.ok && [qr.code, qr.message, qr.messageEn]).toEqual(['invalid-input', '这不是三晋通或网证的身份二维码，请打开“三晋通”App的亮证码再扫。', expect.stringMatching(/^This is not a Sanjintong or CTID identity QR code/)]);
    const stranger = await handlers['party.await']({ partyId: 'buyer' }, ctx);
    expect(!stranger.ok && stranger.messageEn).toBe('This matter does not involve this person.');
    const noCard = await handlers['party.consent']({ partyId: 'otherParent' }, ctx);
    expect(!noCard.ok && noCard.messageEn).toBe('Ask this person to put their own ID card on the reader first.');
    const badCode = await handlers['enterprise.lookup']({ code: '91140105MA0L2B3C4X' }, ctx);
    if (badCode.ok) throw new Error('a code with a wrong check character was accepted');
    expect(badCode.code).toBe('invalid-input');
    expect(badCode.messageEn).toMatch(/^[A-Z][a-z]/);
    expect(badCode.messageEn).not.toBe(badCode.message);
    const unknown = await handlers['enterprise.lookup']({ code: 'EBL1:93140802MA0R1T2U3J:demo' }, ctx);
    expect(!unknown.ok && unknown.messageEn).toBe('No enterprise is registered under this unified social credit code: check it against the business licence.');
  });

  it('marks an enterprise verified only when this session looked its code up, with the registry values over the typed ones', async () => {
    const e = FIXTURE_ENTERPRISES.noodleCompany;
    session.begin();
    session.identify(MOTHER);
    const looked = await handlers['enterprise.lookup']({ code: `http://www.gsxt.gov.cn/index.html?uniscid=${e.unifiedSocialCreditCode}` }, ctx);
    expect(looked.ok && looked.value).toEqual({ uscc: e.unifiedSocialCreditCode, online: true, enterprise: { uscc: e.unifiedSocialCreditCode, name: e.name, type: e.type, legalRepresentative: e.legalRepresentative } });
    expect(session.enterprise()?.uscc).toBe(e.unifiedSocialCreditCode);
    const unknown = await handlers['enterprise.lookup']({ code: 'EBL1:93140802MA0R1T2U3J:demo' }, ctx);
    expect(!unknown.ok && unknown.code).toBe('not-found');
    // The failed lookup forgot the earlier one: nothing verified is left to claim.
    expect(session.enterprise()).toBeNull();
  });
});
