import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateCups, type PrivateCups } from '../../support/cupsd';
import { startKioskProcess, startPlatformProcess, type KioskProcess, type PlatformProcess } from '../../support/processes';
import { until } from '../../support/until';

interface Res<T> {
  ok: boolean;
  value: T;
  code?: string;
  message?: string;
}
type Jobs = { printer: { fitted: boolean }; jobs: { jobId: string; document: string; status: string }[] };


/** A booked hall appointment's 预约凭条 on the kiosk's A4 printer (a private cupsd on cups-pdf), through a real kiosk process. */
describe('the 预约凭条 on A4', { timeout: 120_000 }, () => {
  let platform: PlatformProcess;
  let kiosk: KioskProcess;
  let cups: PrivateCups;
  beforeAll(async () => {
    cups = await startPrivateCups();
    platform = await startPlatformProcess();
    kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_SCANNER: 'none', KIOSK_A4_PRINTER: cups.uri });
  });
  afterAll(async () => {
    await kiosk?.stop();
    await platform?.stop();
    await cups?.stop();
  });

  it('a booked appointment prints its slip on A4: the PDF names the appointment number, hall and time', async () => {
    await kiosk.call('session.begin');
    expect((await kiosk.call<Res<unknown>>('devdock.idcard.insert', { cardId: 'resident-zhang' })).body.ok).toBe(true);
    await until('the card read', async () => ((await kiosk.call<Res<{ identity: unknown } | null>>('session.current')).body.value?.identity ? true : null));
    const halls = (await kiosk.call<Res<{ halls: { hallId: string; name: string }[] }>>('appointments.halls')).body;
    expect(halls.ok).toBe(true);
    const hall = halls.value.halls[0]!;
    const first = (await kiosk.call<Res<{ days: string[] }>>('appointments.slots', { hallId: hall.hallId, day: null })).body.value;
    let slot: { startsAt: string } | undefined;
    for (const day of first.days) {
      const s = (await kiosk.call<Res<{ slots: { startsAt: string; remaining: number }[] }>>('appointments.slots', { hallId: hall.hallId, day })).body.value;
      slot = s.slots.find((x) => x.remaining > 0);
      if (slot) break;
    }
    expect(slot).toBeDefined();
    const booked = (await kiosk.call<Res<{ booked: boolean; appointment: { appointmentNumber: string } }>>('appointments.book', { hallId: hall.hallId, startsAt: slot!.startsAt, thingId: null, subItemName: null })).body;
    expect(booked.value.booked).toBe(true);
    const number = booked.value.appointment.appointmentNumber;

    const queued = (await kiosk.call<Res<Jobs>>('a4.printAppointmentSlip', { appointmentNumber: number })).body;
    expect(queued.ok).toBe(true);
    expect(queued.value.jobs.map((j) => j.document)).toEqual(['appointment-slip']);
    const jobId = queued.value.jobs[0]!.jobId;
    await until('printed', async () => ((await kiosk.call<Res<Jobs>>('a4.jobs')).body.value.jobs.find((j) => j.jobId === jobId)?.status === 'printed' ? true : null));
    const [pdf] = await until('the PDF', () => (cups.pdfsOf(jobId).length === 1 ? cups.pdfsOf(jobId) : null));
    const text = cups.textOf(pdf!);
    expect(text).toContain('预约凭条');
    expect(text).toContain(number);
    expect(text).toContain('预约编号');
    expect(text).toContain(hall.name.replace(/\s+/g, '').slice(0, 6));
    expect(text).toContain('张*三');
    const beijing = new Date(Date.parse(slot!.startsAt) + 8 * 3600_000).toISOString();
    expect(text).toContain(`${beijing.slice(0, 10)}${beijing.slice(11, 16)}`); // 预约时间, Beijing time (whitespace removed)

    // Someone else's (or an unknown) appointment number is refused and queues nothing.
    const other = (await kiosk.call<Res<Jobs>>('a4.printAppointmentSlip', { appointmentNumber: 'YY-0000-0000' })).body;
    expect(other).toMatchObject({ ok: false, code: 'not-found' });
    expect((await kiosk.call<Res<Jobs>>('a4.jobs')).body.value.jobs).toHaveLength(1);
  });
});
