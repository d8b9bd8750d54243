import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BookResponseSchema,
  CancelResponseSchema,
  HallsResponseSchema,
  HolderAppointmentsResponseSchema,
  IssueEidResponseSchema,
  SignedCatalogSchema,
  SlotsResponseSchema,
} from '../../../contract/platform';
import { platformLookups } from '../../../host/platform/lookups';
import { FIXTURE_ENTERPRISES, UNREGISTERED_USCC } from '../../../platform-sim/store/enterprise-registry';
import { drain, openKiosk, PLATFORM_ADAPTERS, platformRoutes, RESIDENT, seedCertificate, startSim, submitApplication } from '../../support/offline-kiosk';

/** A holder the simulator seeds with a case filed at a hall window (事项 20, sub-item 20-01). */
const ZHANG = '140105199003071234';

/**
 * Every call of `PlatformPort` beyond delivery, through each adapter, against
 * the same simulator store: the answers are the same in the kiosk's model
 * (our codes, states, channels), whichever wire carried them.
 */
describe.each(PLATFORM_ADAPTERS)('the platform port through the $name', (adapter) => {
  let sim: Awaited<ReturnType<typeof startSim>>;
  let kiosk: Awaited<ReturnType<typeof openKiosk>>;
  beforeAll(async () => {
    sim = await startSim({ returnRate: 0, ...adapter.sim });
    kiosk = await openKiosk(sim.url, { ...adapter.kiosk, requestTimeoutMs: 5_000 });
  });
  afterAll(async () => {
    await kiosk?.close();
    await sim?.close();
  });
  const lookups = () => platformLookups(kiosk, { timeoutMs: 5_000 });

  it('health answers; a wrong provisioning token is refused, not mistaken for no answer', async () => {
    expect((await kiosk.client.health()).kind).toBe('ok');
    const r = await kiosk.client.provision('not-the-token', '测试便民服务中心');
    expect(r).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('e-certificates (type code through the map both ways), enterprises and e-ID answer in the kiosk model', async () => {
    await seedCertificate(sim.url, { holderIdNumber: RESIDENT.idNumber, holderName: RESIDENT.name, certificateTypeCode: 'EC019', certificateNumber: 'J140105-1980-000123', issuedAt: '1980-05-20T00:00:00.000Z' });
    const certs = await lookups().lookupCertificates(RESIDENT.idNumber, ['结婚证', '离婚证'], '王*英');
    expect(certs).toEqual({ ok: true, value: [{ certificateId: 'J140105-1980-000123', type: '结婚证', issuer: expect.any(String), holder: '王*英' }] });
    const raw = await kiosk.client.query('certificates.lookup', { holderIdNumber: RESIDENT.idNumber, certificateTypeCode: 'EC019' }, { timeoutMs: 5_000 });
    expect(raw).toMatchObject({ kind: 'ok', value: { found: true, certificate: { certificateTypeCode: 'EC019', certificateTypeName: '结婚证' } } });
    expect(await kiosk.client.query('certificates.lookup', { holderIdNumber: RESIDENT.idNumber, certificateTypeCode: 'EC999' }, { timeoutMs: 5_000 })).toMatchObject({ kind: 'refused' });

    const e = FIXTURE_ENTERPRISES.noodleCompany;
    expect(await lookups().lookupEnterprise(e.unifiedSocialCreditCode)).toEqual({ ok: true, value: { found: true, enterprise: e } });
    expect(await lookups().lookupEnterprise(UNREGISTERED_USCC)).toEqual({ ok: true, value: { found: false } });

    const identity = { name: RESIDENT.name, idNumber: RESIDENT.idNumber, gender: '2', birthDate: '19580315', address: RESIDENT.address };
    const issued = await fetch(`${sim.url}/admin/eid/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity }) });
    expect(issued.status).toBe(201);
    const { code } = IssueEidResponseSchema.parse(await issued.json());
    const first = await lookups().verifyEid(code);
    expect(first).toMatchObject({ ok: true, value: { valid: true, issuer: 'sanjintong', identity: { idNumber: RESIDENT.idNumber, name: RESIDENT.name } } });
    expect(await lookups().verifyEid(code)).toEqual({ ok: true, value: { valid: false, reason: 'replayed' } });
  });

  it('cases by holder: kiosk and window cases with our 一件事 and sub-item codes, states and channels', async () => {
    submitApplication(kiosk);
    await drain(kiosk);
    const mine = await lookups().casesByHolder!(RESIDENT.idNumber);
    expect(mine.ok).toBe(true);
    const kioskCase = mine.ok ? mine.value.cases.find((c) => c.channel === 'kiosk') : undefined;
    expect(kioskCase).toMatchObject({ itemCode: '01', filedAt: 'SX-TY-XD-0001' });
    expect(kioskCase!.subItems.map((s) => [s.code, s.state])).toEqual([
      ['01-01', 'received'],
      ['01-02', 'received'],
    ]);
    const zhang = await lookups().casesByHolder!(ZHANG);
    expect(zhang.ok && zhang.value.cases.map((c) => [c.channel, c.itemCode, c.subItems.map((s) => s.code)])).toEqual([['window', '20', ['20-01']]]);
  });

  it('appointments: halls, slots, booking with our 事项 code, by holder, cancel; an unknown hall is refused as 404', async () => {
    const ask = (name: Parameters<typeof kiosk.client.query>[0], payload?: unknown) => kiosk.client.query(name, payload, { timeoutMs: 5_000 });
    const halls = await ask('appointments.halls');
    expect(halls.kind).toBe('ok');
    const { halls: list } = HallsResponseSchema.parse((halls as { value: unknown }).value);
    expect(list.map((h) => h.hallId)).toEqual(['xiaodian-center', 'wucheng-station', 'yangqu-center']);
    const first = SlotsResponseSchema.parse((await ask('appointments.slots', { hallId: 'xiaodian-center', day: '2000-01-01' }) as { value: unknown }).value);
    let slot: { startsAt: string } | undefined;
    for (const day of first.days) {
      slot = SlotsResponseSchema.parse((await ask('appointments.slots', { hallId: 'xiaodian-center', day }) as { value: unknown }).value).slots.find((s) => Date.parse(s.startsAt) > Date.now() + 3 * 3600_000);
      if (slot) break;
    }
    expect(slot).toBeDefined();
    const booked = BookResponseSchema.parse(
      ((await ask('appointments.book', { clientId: uuidv7(), holderIdNumber: ZHANG, holderNameMasked: '张*三', hallId: 'xiaodian-center', startsAt: slot!.startsAt, itemCode: '20', purpose: '社会保障卡居民服务' })) as { value: unknown }).value,
    );
    expect(booked).toMatchObject({ booked: true, appointment: { itemCode: '20', hallId: 'xiaodian-center', status: 'booked' } });
    const number = booked.booked ? booked.appointment.appointmentNumber : '';
    const held = HolderAppointmentsResponseSchema.parse((await ask('appointments.byHolder', { holderIdNumber: ZHANG }) as { value: unknown }).value);
    expect(held.appointments.map((a) => [a.appointmentNumber, a.itemCode])).toEqual([[number, '20']]);
    const cancelled = CancelResponseSchema.parse((await ask('appointments.cancel', { appointmentNumber: number, holderIdNumber: ZHANG }) as { value: unknown }).value);
    expect(cancelled).toMatchObject({ cancelled: true, appointment: { appointmentNumber: number, itemCode: '20', status: 'cancelled' } });
    expect(await ask('appointments.slots', { hallId: 'nowhere', day: first.days[0] })).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('the catalog: signed payload as signed, its version tag, then "not modified"', async () => {
    const r = await kiosk.client.catalog(null);
    expect(r.kind).toBe('ok');
    const { value, etag } = r as { value: unknown; etag: string | null };
    const signed = SignedCatalogSchema.parse(value);
    expect(etag).toBe(`"${createHash('sha256').update(signed.payload, 'utf8').digest('hex')}"`);
    expect((JSON.parse(signed.payload) as { oneThings: unknown[] }).oneThings).toHaveLength(27);
    expect(await kiosk.client.catalog(etag)).toEqual({ kind: 'not-modified' });
  });

  it('attachments: a chunk not at the resume point is 409, content that is not its address is 422', async () => {
    const bytes = Buffer.from('not the scan the address names');
    const address = createHash('sha256').update('something else').digest('hex');
    expect(await kiosk.client.uploadChunk(address, bytes.subarray(5), 5, bytes.length)).toMatchObject({ kind: 'refused', status: 409 });
    expect(await kiosk.client.attachmentStatus(address)).toMatchObject({ kind: 'ok', value: { receivedBytes: 0, complete: false } });
    expect(await kiosk.client.uploadChunk(address, bytes, 0, bytes.length)).toMatchObject({ kind: 'refused', status: 422 });
  });

  it('nothing went through the other API', async () => {
    const routes = [...(await platformRoutes(sim.url))];
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !r.startsWith(adapter.prefix))).toEqual([]);
  });
});
