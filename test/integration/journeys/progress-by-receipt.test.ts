import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Identity } from '../../../contract';
import { journeyFor } from '../../../contract/journeys';
import { EventBus } from '../../../host/api/events';
import { ApplicationsService } from '../../../host/platform/applications';
import { JourneyService } from '../../../host/resident/journeys';
import { platformLookups } from '../../../host/platform/lookups';
import { ProgressDesk, receiptQueryFrom } from '../../../host/resident/progress';
import { ReceiptService } from '../../../host/resident/receipts';
import { receiptsForJourneys } from '../../../host/resident/receipts-for-journeys';
import { SessionService } from '../../../host/resident/session';
import { StaffDesk } from '../../../host/staff/staff';
import type { OfflineCache } from '../../../offline-cache/offline-cache';
import { drain, openKiosk, PLATFORM_ADAPTERS, startSim, yesterday } from '../../support/offline-kiosk';
import { tempDir } from '../../support/processes';

/** 办件查询 by receipt over the real store and a real platform simulator: the number alone never shows anyone's application. */
const card = (name: string, idNumber: string): Identity => ({
  cardType: 'resident',
  name,
  gender: '2',
  nation: '01',
  birthDate: idNumber.slice(6, 14),
  address: '山西省太原市小店区坞城路92号',
  idNumber,
  authority: '太原市公安局小店分局',
  validFrom: '20150101',
  validTo: '20350101',
  idNumberValid: true,
  expired: false,
});
const MOTHER = card('李春花', '140105199304120025');
const NEIGHBOUR = card('赵桂兰', '140105195803150027');
const NO_EXTRAS = { registerHukou: false, socialCard: false, medicalInsurance: false, maternityReimbursement: false, parentingGuidance: false };

describe.each(PLATFORM_ADAPTERS)('progress by receipt through the $name: the receipt code or the applicant’s card', (adapter) => {
  let sim: Awaited<ReturnType<typeof startSim>>;
  let cache: OfflineCache;
  let session: SessionService;
  let journeys: JourneyService;
  let progress: ProgressDesk;
  let number: string;
  let qr: string;

  beforeAll(async () => {
    sim = await startSim(adapter.sim);
    cache = await openKiosk(sim.url, adapter.kiosk);
  });
  afterAll(async () => {
    await cache.close();
    await sim.close();
  });
  beforeEach(async () => {
    const bus = new EventBus();
    const logger = pino({ level: 'silent' });
    session = new SessionService(bus);
    const applications = new ApplicationsService(cache, () => session.currentId, logger, () => undefined);
    const receipts = new ReceiptService({ kioskId: 'SX-TY-XD-0001', servicePoint: '测试便民服务中心', paperWidthMm: 80, progressBaseUrl: 'https://zwfw.shanxi.gov.cn/q' }, null, session, bus, logger);
    receipts.useQueryCodes((n) => applications.receiptCode(n));
    const staff = new StaffDesk({ dataDir: tempDir('staff'), mode: 'demo' }, bus, session);
    journeys = new JourneyService({ session, journeyFor: (id) => journeyFor(id) ?? null, applications, receipts: receiptsForJourneys(receipts), staff, awaitDelivery: async () => false });
    progress = new ProgressDesk(session, applications, platformLookups(cache, { timeoutMs: 3000 }));

    session.begin();
    session.identify(MOTHER);
    expect(journeys.start('newborn').ok).toBe(true);
    journeys.saveDraft({
      step: 'consent',
      answers: NO_EXTRAS,
      form: { mobile: '13912345678', relationship: 'mother', childName: '王小明', childGender: 'male', childBirthDate: yesterday(), birthPlace: '山西省妇幼保健院', otherParentName: '王大明', otherParentIdNumber: '110101199003077571' },
      materials: [],
    });
    const submitted = await journeys.submit();
    if (!submitted.ok) throw new Error(submitted.message);
    number = submitted.value.applicationNumber;
    const printed = await journeys.printReceipt(number);
    if (!printed.ok) throw new Error(printed.message);
    qr = printed.value.qrText;
    session.end('idle');
  });

  it('prints the receipt code in the QR beside the number', () => {
    const parsed = receiptQueryFrom(qr);
    expect(parsed?.localNumber).toBe(number);
    expect(parsed?.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    // A URL without the code carries the number only: the card is then needed.
    expect(receiptQueryFrom(`https://x/q?n=${number}`)?.code).toBeNull();
  });

  it('a typed number without a card answers nothing, and says how to ask', async () => {
    const r = await progress.byReceipt(number);
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    expect(r.ok ? '' : r.message).toContain('二维码');
  });

  it('another resident’s card does not open the mother’s application, nor does a wrong code', async () => {
    session.begin();
    session.identify(NEIGHBOUR);
    const typed = await progress.byReceipt(number);
    expect(typed).toMatchObject({ ok: false, code: 'not-found' });
    const forged = new URL(qr);
    forged.searchParams.set('c', forged.searchParams.get('c') === 'AAAAAAAAAA' ? 'BBBBBBBBBB' : 'AAAAAAAAAA');
    expect(await progress.byReceipt(forged.toString())).toMatchObject({ ok: false, code: 'not-found' });
    // A number that does not exist gives the same answer as one that does: nothing to enumerate.
    const missing = await progress.byReceipt('SX-TY-XD-0001-999999');
    expect(missing).toMatchObject({ ok: false, code: 'not-found', message: typed.ok ? '' : typed.message });
    session.end('idle');
  });

  it('the QR alone shows it (no card), and the mother’s own card shows it for the typed number', async () => {
    const byQr = await progress.byReceipt(qr);
    if (!byQr.ok) throw new Error(byQr.message);
    expect(byQr.value.applications.map((a) => a.applicant)).toEqual(['李*花']);
    session.begin();
    session.identify(MOTHER);
    const byCard = await progress.byReceipt(number);
    if (!byCard.ok) throw new Error(byCard.message);
    expect(byCard.value.applications).toHaveLength(1);
    expect(byCard.value.applications[0]!.thingName).toBe(byQr.value.applications[0]!.thingName);
    session.end('idle');
  });

  it('sends the receipt code to the platform with the application', async () => {
    await drain(cache);
    const db = new Database(path.join(sim.dataDir, 'platform.sqlite'), { readonly: true });
    try {
      const payloads = (db.prepare(`SELECT payload FROM intake WHERE stream = 'applications'`).pluck().all() as string[]).map((p) => JSON.parse(p) as { localNumber: string; receiptCode?: string });
      expect(payloads.find((p) => p.localNumber === number)?.receiptCode).toBe(receiptQueryFrom(qr)?.code);
    } finally {
      db.close();
    }
  });

  it('the platform-sim page the QR opens: status for the number, the matter and masked applicant only with the code', async () => {
    await drain(cache);
    const params = new URL(qr).searchParams;
    const page = async (query: string) => {
      const res = await fetch(`${sim.url}/progress?${query}`);
      return { status: res.status, html: await res.text(), cache: res.headers.get('cache-control') };
    };
    const full = await page(params.toString());
    expect(full.status).toBe(200);
    expect(full.cache).toBe('no-store');
    expect(full.html).toContain('<html lang="zh-CN">');
    expect(full.html).toContain(number);
    expect(full.html).toContain('李*花');
    expect(full.html).toContain('新生儿出生');
    expect(full.html).toContain('《出生医学证明》办理(首签)');
    expect(full.html).toMatch(/data-state="(received|in-review|completed|returned)"/);
    for (const secret of ['李春花', MOTHER.idNumber, '王小明', '13912345678']) expect(full.html).not.toContain(secret);

    const bare = await page(`n=${encodeURIComponent(number)}`);
    expect(bare.status).toBe(200);
    expect(bare.html).toMatch(/data-state="(received|in-review|completed|returned)"/);
    for (const hidden of ['李*花', '新生儿出生', '《出生医学证明》']) expect(bare.html).not.toContain(hidden);
    const wrong = await page(`n=${encodeURIComponent(number)}&c=AAAAAAAAAA`);
    expect(wrong.html).not.toContain('李*花');
    expect(wrong.html).toContain('查询码不符');

    const unknown = await page('n=SX-TY-XD-0001-999999');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('没有查到');
    expect((await page('n=%3Cscript%3E')).html).not.toContain('<script>');
  });
});
