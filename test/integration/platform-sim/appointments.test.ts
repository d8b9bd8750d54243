import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BookResponseSchema,
  CancelResponseSchema,
  HallsResponseSchema,
  HolderAppointmentsResponseSchema,
  HolderCasesResponseSchema,
  SlotsResponseSchema,
  type BookResponse,
  type Slot,
} from '../../../contract/platform';
import { applicationItem, applicationPayload, startSimWithKiosk, TestKiosk, type SimUnderTest } from './sim-client';

const ZHANG = '140105199003071234';
const LI = '140105198805052345';
const WANG = '140105197712123456';

describe('platform-sim appointment calendar', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk({ returnRate: 0 });
  });
  afterEach(async () => {
    await t.sim.close();
  });

  const slotsOf = async (hallId: string, day?: string) => {
    const first = SlotsResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/appointments/slots', { hallId, day: day ?? '2000-01-01' })).json());
    const chosen = day ?? first.days[0]!;
    return SlotsResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/appointments/slots', { hallId, day: chosen })).json());
  };
  /** The first day whose slots have not all passed. */
  const openSlots = async (hallId: string, dayIndex = 0): Promise<Slot[]> => {
    const { days } = await slotsOf(hallId);
    const withSlots: Slot[][] = [];
    for (const day of days) {
      const s = (await slotsOf(hallId, day)).slots;
      if (s.length) withSlots.push(s);
    }
    return withSlots[dayIndex]!;
  };
  const book = async (holderIdNumber: string, hallId: string, startsAt: string, clientId = uuidv7(), kiosk: TestKiosk = t.kiosk): Promise<{ status: number; body: BookResponse }> => {
    const res = await kiosk.request('POST', '/v1/appointments/book', { clientId, holderIdNumber, holderNameMasked: '张*三', hallId, startsAt, itemCode: '20', purpose: '社会保障卡居民服务' });
    return { status: res.status, body: BookResponseSchema.parse(await res.json()) };
  };
  const advance = async (ms: number) => expect((await t.admin('POST', '/admin/clock/advance', { ms })).status).toBe(200);

  it('lists the halls and rules, and slots of working days only with the places left', async () => {
    const halls = HallsResponseSchema.parse(await (await t.kiosk.request('GET', '/v1/appointments/halls')).json());
    expect(halls.halls.map((h) => h.hallId)).toEqual(['xiaodian-center', 'wucheng-station', 'yangqu-center']);
    expect(halls.rules).toMatchObject({ cancelBeforeMinutes: 120, noShowLimit: 3 });
    const { days } = await slotsOf('xiaodian-center');
    expect(days.length).toBeGreaterThanOrEqual(4);
    for (const d of days) expect([0, 6]).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    const slots = await openSlots('xiaodian-center');
    expect(slots.every((s) => s.capacity === 3 && s.remaining === 3)).toBe(true);
    expect(Date.parse(slots[0]!.startsAt)).toBeGreaterThan(Date.now());
    // Unknown hall: 404 naming it; a malformed day: 400 naming the field.
    expect((await t.kiosk.request('POST', '/v1/appointments/slots', { hallId: 'nowhere', day: days[0] })).status).toBe(404);
    const bad = await t.kiosk.request('POST', '/v1/appointments/slots', { hallId: 'xiaodian-center', day: '2.12.2026' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('day');
  });

  it('books a slot (once per clientId), counts it, and refuses a full slot', async () => {
    const slot = (await openSlots('wucheng-station'))[0]!;
    const clientId = uuidv7();
    const first = await book(ZHANG, 'wucheng-station', slot.startsAt, clientId);
    expect(first.status).toBe(201);
    if (!first.body.booked) throw new Error(first.body.reason);
    expect(first.body.appointment).toMatchObject({ hallName: '小店区坞城街道便民服务中心', startsAt: slot.startsAt, status: 'booked' });
    expect(first.body.appointment.appointmentNumber).toMatch(/^YY\d{8}-0001$/);
    // The same request again (a lost answer retried) is the same booking, not a second place.
    const again = await book(ZHANG, 'wucheng-station', slot.startsAt, clientId);
    expect(again.body).toEqual(first.body);
    const full = await book(LI, 'wucheng-station', slot.startsAt);
    expect(full.body).toMatchObject({ booked: false, code: 'slot-full' });
    // Another hall still has room at the same time.
    const elsewhere = await book(LI, 'yangqu-center', slot.startsAt);
    expect(elsewhere.body.booked).toBe(true);
    // A time that is not a slot, and a second booking of the same holder that day, are refused with reasons.
    expect((await book(WANG, 'xiaodian-center', new Date(Date.parse(slot.startsAt) + 7 * 60_000).toISOString())).body).toMatchObject({ booked: false, code: 'no-such-slot' });
    const other = (await openSlots('yangqu-center')).find((s) => s.startsAt !== slot.startsAt)!;
    expect((await book(LI, 'yangqu-center', other.startsAt)).body).toMatchObject({ booked: false, code: 'already-booked' });
  });

  it('cancels until the deadline (the place is free again), refuses after it, and only for the holder', async () => {
    const slots = await openSlots('wucheng-station', 1);
    const slot = slots[slots.length - 1]!;
    const booked = await book(ZHANG, 'wucheng-station', slot.startsAt);
    if (!booked.body.booked) throw new Error(booked.body.reason);
    const number = booked.body.appointment.appointmentNumber;
    const cancel = async (holderIdNumber: string) => CancelResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/appointments/cancel', { appointmentNumber: number, holderIdNumber })).json());
    expect(await cancel(LI)).toMatchObject({ cancelled: false, code: 'not-found' });
    expect(await cancel(ZHANG)).toMatchObject({ cancelled: true, appointment: { status: 'cancelled' } });
    expect(await cancel(ZHANG)).toMatchObject({ cancelled: false, code: 'not-active' });
    // The freed place goes to someone else.
    const li = await book(LI, 'wucheng-station', slot.startsAt);
    if (!li.body.booked) throw new Error(li.body.reason);
    // One hour before the start: past the two-hour cancellation deadline.
    await advance(Date.parse(slot.startsAt) - Date.now() - 3600_000);
    const late = CancelResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/appointments/cancel', { appointmentNumber: li.body.appointment.appointmentNumber, holderIdNumber: LI })).json());
    expect(late).toMatchObject({ cancelled: false, code: 'past-deadline' });
    if (!late.cancelled) expect(late.reason).toContain('12345');
  });

  it('counts missed appointments as no-shows and refuses a new booking after three', async () => {
    const starts: string[] = [];
    for (let d = 0; d < 3; d++) {
      const slot = (await openSlots('xiaodian-center', d))[0]!;
      expect((await book(WANG, 'xiaodian-center', slot.startsAt)).body.booked).toBe(true);
      starts.push(slot.startsAt);
    }
    // The last one attended: it does not count.
    const mine = async () => HolderAppointmentsResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/appointments/by-holder', { holderIdNumber: WANG })).json()).appointments;
    const last = (await mine()).find((a) => a.startsAt === starts[2])!;
    // Past all three: two no-shows, one attended, so still allowed.
    await advance(Date.parse(starts[2]!) - Date.now() + 3600_000);
    expect((await t.admin('POST', '/admin/appointments/attend', { appointmentNumber: last.appointmentNumber })).status).toBe(200);
    expect((await mine()).map((a) => a.status).sort()).toEqual(['attended', 'no-show', 'no-show']);
    const next = (await openSlots('xiaodian-center'))[0]!;
    const fourth = await book(WANG, 'xiaodian-center', next.startsAt);
    if (!fourth.body.booked) throw new Error(fourth.body.reason);
    // Missed again: three no-shows now, the next booking is refused and says where to go instead.
    await advance(Date.parse(next.startsAt) - Date.parse((await (await t.admin('GET', '/admin/clock')).json() as { now: string }).now) + 3600_000);
    const slot = (await openSlots('xiaodian-center'))[0]!;
    const refused = await book(WANG, 'xiaodian-center', slot.startsAt);
    expect(refused.body).toMatchObject({ booked: false, code: 'no-show-limit' });
    if (!refused.body.booked) expect(refused.body.reason).toContain('12345');
  });
});

describe('platform-sim cases by holder (any kiosk, any hall window)', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk({ returnRate: 0, statusStepMs: 60_000 });
  });
  afterEach(async () => {
    await t.sim.close();
  });

  it('returns the window-filed fixture and applications from two kiosks, not other people’s', async () => {
    const other = new TestKiosk(t.sim.url, 'SX-TY-YQ-0002');
    expect((await other.provision()).status).toBe(201);
    const mine = applicationPayload({ itemCode: '01', subItemCodes: ['01-01'], applicant: { cardType: 'resident', name: '张小三', idNumber: ZHANG } });
    await t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem(mine)] });
    await other.request('POST', '/v1/applications/batch', { items: [applicationItem({ ...mine, localNumber: 'K0002-20261126-0001' })] });
    await t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem(applicationPayload({ applicant: { cardType: 'resident', name: '李四', idNumber: LI } }))] });
    const filed = await t.admin('POST', '/admin/window-filings', { holderIdNumber: ZHANG, itemCode: '18', subItemCodes: ['18-01'], filedAt: '阳曲县政务服务中心 2号窗口', daysAgo: 1 });
    expect(filed.status).toBe(201);

    const res = await t.kiosk.request('POST', '/v1/cases/by-holder', { holderIdNumber: ZHANG });
    const { cases } = HolderCasesResponseSchema.parse(await res.json());
    expect(cases.map((c) => [c.channel, c.thingName, c.filedAt]).sort()).toEqual(
      [
        ['kiosk', '企业开办', 'SX-TY-XD-0001'],
        ['kiosk', '企业开办', 'SX-TY-YQ-0002'],
        ['window', '新生儿出生', '阳曲县政务服务中心 2号窗口'],
        ['window', '社会保障卡居民服务', '太原市小店区政务服务中心 5号窗口'],
      ].sort(),
    );
    // Filed three days ago at the window: long done by now; today's kiosk filing is just received.
    expect(cases.find((c) => c.itemCode === '20')!.subItems).toEqual([expect.objectContaining({ code: '20-01', state: 'completed' })]);
    expect(cases.find((c) => c.filedAt === 'SX-TY-XD-0001')!.subItems.map((s) => s.state)).toEqual(['received']);
    // A bad window filing is refused with the reason, nothing stored.
    const bad = await t.admin('POST', '/admin/window-filings', { holderIdNumber: ZHANG, itemCode: '18', subItemCodes: ['01-01'], filedAt: 'x' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('01-01');
    expect(HolderCasesResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/cases/by-holder', { holderIdNumber: ZHANG })).json()).cases).toHaveLength(4);
  });
});
