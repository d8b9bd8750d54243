import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Identity } from '../../../contract';
import { journeyFor } from '../../../contract/journeys';
import type { OfflineCache } from '../../../offline-cache/offline-cache';
import { PlatformClient } from '../../../offline-cache/sync/platform-client';
import { EventBus } from '../../../host/api/events';
import { ApplicationsService } from '../../../host/platform/applications';
import { JourneyService } from '../../../host/resident/journeys';
import { platformLookups } from '../../../host/platform/lookups';
import { ReceiptService } from '../../../host/resident/receipts';
import { receiptsForJourneys } from '../../../host/resident/receipts-for-journeys';
import { SessionService } from '../../../host/resident/session';
import { DEMO_CLERK, StaffDesk } from '../../../host/staff/staff';
import { openKiosk, PLATFORM_ADAPTERS, startSim, yesterday } from '../../support/offline-kiosk';
import { tempDir } from '../../support/processes';

/** A real offline store (SQLite in a temp dir) and a real platform simulator over HTTP; the journey service on top. */
const MOTHER: Identity = {
  cardType: 'resident',
  name: '李春花',
  gender: '2',
  nation: '01',
  birthDate: '19930412',
  address: '山西省太原市小店区坞城路92号',
  idNumber: '140105199304120025',
  authority: '太原市公安局小店分局',
  validFrom: '20150101',
  validTo: '20350101',
  idNumberValid: true,
  expired: false,
};
const NO_EXTRAS = { registerHukou: false, socialCard: false, medicalInsurance: false, maternityReimbursement: false, parentingGuidance: false };
const FORM = { mobile: '13912345678', relationship: 'mother', childName: '王小明', childGender: 'male', childBirthDate: '', birthPlace: '山西省妇幼保健院', otherParentName: '王大明', otherParentIdNumber: '110101199003077571' };
const JPEG = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]).toString('base64')}`;

describe.each(PLATFORM_ADAPTERS)('journey service over the real store and the $name', (adapter) => {
  let sim: Awaited<ReturnType<typeof startSim>>;
  let cache: OfflineCache;
  let session: SessionService;
  let staff: StaffDesk;
  let journeys: JourneyService;
  let applications: ApplicationsService;

  beforeAll(async () => {
    sim = await startSim(adapter.sim);
    cache = await openKiosk(sim.url, adapter.kiosk);
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
    const receipts = new ReceiptService({ kioskId: 'SX-TY-XD-0001', servicePoint: '测试便民服务中心', paperWidthMm: 80, progressBaseUrl: 'https://zwfw.shanxi.gov.cn/q' }, null, session, bus, logger);
    staff = new StaffDesk({ dataDir: tempDir('staff'), mode: 'demo' }, bus, session);
    journeys = new JourneyService({ session, journeyFor: (id) => journeyFor(id) ?? null, applications, receipts: receiptsForJourneys(receipts), staff, awaitDelivery: async () => false });
  });
  afterEach(() => {
    session.end('maintenance');
  });

  const fillNewborn = (extra: Record<string, string> = {}) => {
    session.begin();
    session.identify(MOTHER);
    expect(journeys.start('newborn').ok).toBe(true);
    return journeys.saveDraft({ step: 'consent', answers: NO_EXTRAS, form: { ...FORM, childBirthDate: yesterday(), ...extra }, materials: [] });
  };

  it('stores the application durably with the applicant taken from the card, and finds it by ID number', async () => {
    fillNewborn();
    const r = await journeys.submit();
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.issues)}`);
    expect(r.value.applicationNumber).toMatch(/^SX-TY-XD-0001-\d{6}$/);
    expect(r.value.delivered).toBe(false);
    const mine = applications.listByIdNumber(MOTHER.idNumber).map((a) => a.applicationNumber);
    expect(mine).toContain(r.value.applicationNumber);
    const found = applications.find(r.value.applicationNumber)!;
    expect(found.applicant).toBe('李*花');
    expect(found.subItems.map((s) => s.name)).toEqual(['《出生医学证明》办理(首签)', '预防接种证办理']);
  });

  it('refuses a form with a problem, naming the field, and stores nothing', async () => {
    const before = applications.listByIdNumber(MOTHER.idNumber).length;
    fillNewborn({ otherParentIdNumber: '110101199003077572' });
    const r = await journeys.submit();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('invalid-input');
    expect(r.issues?.map((i) => i.path)).toContain('form.otherParentIdNumber');
    expect(applications.listByIdNumber(MOTHER.idNumber).length).toBe(before);
  });

  it('refuses to submit without a card in the session', async () => {
    session.begin();
    expect(journeys.start('newborn').ok).toBe(true);
    const r = await journeys.submit();
    expect(r.ok ? 'ok' : r.code).toBe('no-session');
  });

  it('carries the clerk of assisted mode on the application', async () => {
    expect(staff.signIn(DEMO_CLERK.staffId, '000000').ok).toBe(false);
    expect(staff.signIn(DEMO_CLERK.staffId, DEMO_CLERK.pin).ok).toBe(true);
    fillNewborn();
    const r = await journeys.submit();
    expect(r.ok && r.value.assistedBy).toBe(DEMO_CLERK.staffId);
  });

  it('keeps captures in the session only: a retake zeroes the bytes and the end of the session wipes everything', () => {
    session.begin();
    journeys.start('newborn');
    const a = journeys.capture('childPhoto', JPEG);
    const b = journeys.capture('childPhoto', JPEG);
    expect(a.ok && b.ok).toBe(true);
    expect(journeys.capture('childPhoto', 'data:image/jpeg;base64,AAAA').ok).toBe(false); // not a JPEG
    expect(journeys.heldSessions).toBe(1);
    session.end('idle');
    expect(journeys.heldSessions).toBe(0);
    expect(journeys.draft()).toBeNull();
  });

  it('shows card fields masked and reveals one only on request', () => {
    session.begin();
    session.identify(MOTHER);
    const masked = journeys.cardFields();
    expect(masked.ok && masked.value['name']).toBe('李*花');
    expect(masked.ok && masked.value['idNumber']).toBe('140…0025');
    expect(masked.ok && masked.value['nation']).toBe('汉族');
    expect(masked.ok && masked.value['gender']).toBe('女');
    expect(JSON.stringify(masked)).not.toContain(MOTHER.idNumber);
    const clear = journeys.revealCardField('idNumber');
    expect(clear.ok && clear.value.value).toBe(MOTHER.idNumber);
    session.end('idle');
    expect(journeys.revealCardField('idNumber').ok).toBe(false);
  });

  it('prints only receipts of this session, and says why when the printer cannot', async () => {
    fillNewborn();
    const r = await journeys.submit();
    if (!r.ok) throw new Error(r.message);
    const printed = await journeys.printReceipt(r.value.applicationNumber);
    if (!printed.ok) throw new Error(`${printed.message} ${printed.detail}`);
    // No printer here: the receipt comes back for the screen, with the reason and a QR the progress query reads.
    expect(printed.value.printed).toBe(false);
    expect(printed.value.problem?.message).toMatch(/打印/);
    expect(printed.value.qrText).toContain(r.value.applicationNumber);
    expect(printed.value.lines.map((l) => l.value).join(' ')).toContain('李*花');
    expect(printed.value.lines.map((l) => l.value).join(' ')).not.toContain('李春花');
    expect((await journeys.printReceipt('SX-TY-XD-0001-20000101-000001')).ok).toBe(false);
  });

  it('A4 documents: the form masked as on screen, the 告知承诺书 only when a commitment was confirmed, only for this session', async () => {
    fillNewborn();
    const plain = await journeys.submit();
    if (!plain.ok) throw new Error(plain.message);
    const a = journeys.a4Source(plain.value.applicationNumber);
    if (!a.ok) throw new Error(a.message);
    expect(a.value.documents).toEqual(['application-form', 'acceptance-notice']);
    expect(a.value.confirmed).toEqual([]);
    expect(a.value.receipt).toMatchObject({ applicantName: '李*花', applicantIdNumber: '140…0025', localNumber: plain.value.applicationNumber });
    const shown = a.value.fields.map((f) => `${f.label}=${f.value}`).join(' ');
    expect(shown).toContain('139****5678');
    expect(shown).toContain('王*明');
    for (const clear of ['13912345678', '王小明', '110101199003077571', '李春花', '140105199304120025']) expect(shown).not.toContain(clear);
    expect(journeys.a4Source('SX-TY-XD-0001-000999').ok).toBe(false);

    session.end('finished');
    session.begin();
    session.identify(MOTHER);
    expect(journeys.start('newborn').ok).toBe(true);
    journeys.saveDraft({
      step: 'consent',
      answers: { ...NO_EXTRAS, maternityReimbursement: true },
      form: { ...FORM, childBirthDate: yesterday(), reimbursementAccount: '6222021234567890123' },
      materials: [{ kind: 'commitment', materialId: 'medicalInvoices', confirmedAt: '2026-12-02T06:00:00.000Z' }],
    });
    const promised = await journeys.submit();
    if (!promised.ok) throw new Error(`${promised.message} ${JSON.stringify(promised.issues)}`);
    const b = journeys.a4Source(promised.value.applicationNumber);
    if (!b.ok) throw new Error(b.message);
    expect(b.value.documents).toEqual(['commitment', 'application-form', 'acceptance-notice']);
    expect(b.value.confirmed).toEqual([{ text: expect.stringContaining('生育医疗费用票据和出院小结') as unknown as string, confirmedAt: '2026-12-02T06:00:00.000Z' }]);
    const account = b.value.fields.map((f) => f.value).join(' ');
    expect(account).toContain('****0123');
    expect(account).not.toContain('6222021234567890123');
    // The earlier visit's application is not this session's.
    expect(journeys.a4Source(plain.value.applicationNumber).ok).toBe(false);
  });

  it('looks up e-certificates on the platform, and says offline when it cannot', async () => {
    const seeded = await fetch(`${sim.url}/admin/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ holderIdNumber: MOTHER.idNumber, holderName: MOTHER.name, certificateTypeCode: 'EC080', certificateNumber: 'CSZM-2026-0001', issuedAt: '2026-01-01T00:00:00.000Z' }),
    });
    expect(seeded.status).toBe(201);
    const lookups = platformLookups(cache, { timeoutMs: 2000 });
    const found = await lookups.lookupCertificates(MOTHER.idNumber, ['出生医学证明', '结婚证'], '李*花');
    if (!found.ok) throw new Error(found.message);
    expect(found.value.map((c) => c.certificateId)).toEqual(['CSZM-2026-0001']);
    const down = platformLookups({ ...cache, client: new PlatformClient({ baseUrl: 'http://127.0.0.1:9', signer: cache.signer, timeoutMs: 500 }) } as OfflineCache, { timeoutMs: 500 });
    const offline = await down.lookupCertificates(MOTHER.idNumber, ['出生医学证明'], '李*花');
    expect(offline.ok ? 'ok' : offline.code).toBe('platform-unreachable');
  });
});
