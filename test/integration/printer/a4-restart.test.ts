import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateCups, type PrivateCups } from '../../support/cupsd';
import { startKioskProcess, startPlatformProcess, tempDir, type KioskProcess, type PlatformProcess } from '../../support/processes';
import { until } from '../../support/until';

interface Res<T> {
  ok: boolean;
  value: T;
  code?: string;
}
type Jobs = { printer: { fitted: boolean; problem: string | null }; jobs: { jobId: string; document: string; status: string; problem: string | null }[] };
type Devices = { kind: string; conditions: Record<string, unknown> }[];

/**
 * An A4 job is a row in the store, not a promise in memory: queued while the
 * kiosk's CUPS queue is stopped (cupsdisable), it survives a restart of the
 * kiosk process (same data folder, same queue) and prints once when the
 * queue is enabled while the same visit is at the kiosk — through real
 * kiosk processes, a private cupsd on cups-pdf, and the PDF read back.
 */
describe('an A4 job kept through a kiosk restart', { timeout: 180_000 }, () => {
  let cups: PrivateCups;
  const platforms: PlatformProcess[] = [];
  const kiosks: KioskProcess[] = [];
  const start = async (platform: PlatformProcess, dataDir: string) => {
    const k = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_SCANNER: 'none', KIOSK_DATA_DIR: dataDir, KIOSK_A4_PRINTER: cups.uri });
    kiosks.push(k);
    return k;
  };
  const a4Problem = async (k: KioskProcess) => (await k.call<Res<Devices>>('devices.list')).body.value.find((d) => d.kind === 'a4-printer')?.conditions['problem'];
  /** The print_jobs row as the store holds it (read from the SQLite file while no kiosk has it open). */
  const storedRow = (dataDir: string, jobId: string) => {
    const db = new Database(path.join(dataDir, 'kiosk.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT kind, document, state, attempts, problem, printer_job AS printerJob FROM print_jobs WHERE job_id = ?').get(jobId);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    cups = await startPrivateCups();
  });
  afterAll(async () => {
    for (const k of kiosks) await k.stop('SIGKILL').catch(() => undefined);
    for (const p of platforms) await p.stop().catch(() => undefined);
    await cups?.stop();
  });

  for (const stop of ['SIGTERM', 'SIGKILL'] as const) {
  it(`queue stopped → job kept in the store → kiosk restarted (${stop}) on the same data folder → queue enabled → printed once`, async () => {
    const dataDir = tempDir('a4-restart');
    // A platform of its own: the card holder's appointment of the other test is not in the way, and this data folder's kiosk key is the one it enrols.
    const platform = await startPlatformProcess();
    platforms.push(platform);
    const jobsBefore = cups.jobsEver();
    cups.disable();
    const first = await start(platform, dataDir);
    await until('the stopped queue seen', async () => ((await a4Problem(first)) === 'PAUSED' ? true : null));

    // A card holder books a hall appointment and asks for its 预约凭条 on A4.
    const visit = (await first.call<Res<{ id: string }>>('session.begin')).body.value.id;
    expect((await first.call<Res<unknown>>('devdock.idcard.insert', { cardId: 'resident-zhang' })).body.ok).toBe(true);
    await until('the card read', async () => ((await first.call<Res<{ identity: unknown } | null>>('session.current')).body.value?.identity ? true : null));
    const halls = (await first.call<Res<{ halls: { hallId: string }[] }>>('appointments.halls')).body;
    expect(halls).toMatchObject({ ok: true });
    const hall = halls.value.halls[0]!;
    const days = (await first.call<Res<{ days: string[] }>>('appointments.slots', { hallId: hall.hallId, day: null })).body.value.days;
    let slot: { startsAt: string } | undefined;
    for (const day of days) {
      slot = (await first.call<Res<{ slots: { startsAt: string; remaining: number }[] }>>('appointments.slots', { hallId: hall.hallId, day })).body.value.slots.find((x) => x.remaining > 0);
      if (slot) break;
    }
    expect(slot).toBeDefined();
    const booked = (await first.call<Res<{ booked: boolean; appointment: { appointmentNumber: string } }>>('appointments.book', { hallId: hall.hallId, startsAt: slot!.startsAt, thingId: null, subItemName: null })).body;
    expect(booked.value.booked).toBe(true);
    const number = booked.value.appointment.appointmentNumber;
    const queued = (await first.call<Res<Jobs>>('a4.printAppointmentSlip', { appointmentNumber: number })).body;
    expect(queued.ok).toBe(true);
    expect(queued.value.jobs).toEqual([expect.objectContaining({ document: 'appointment-slip', status: 'waiting', problem: 'PAUSED' })]);
    const jobId = queued.value.jobs[0]!.jobId;
    expect(cups.jobsEver()).toBe(jobsBefore);
    // An orderly stop, or a crash (no shutdown at all).
    await first.stop(stop);

    // Kept in the store, never sent: waiting, no attempt, no CUPS job.
    expect(storedRow(dataDir, jobId)).toEqual({ kind: 'a4', document: 'appointment-slip', state: 'waiting', attempts: 0, problem: 'PAUSED', printerJob: null });

    const second = await start(platform, dataDir);
    expect((await second.call<Res<{ id: string } | null>>('session.current')).body.value?.id).toBe(visit);
    // The restarted kiosk lists the visit's kept job, still waiting behind the stopped queue; nothing reached CUPS.
    const kept = await until('the kept job listed', async () => {
      const jobs = (await second.call<Res<Jobs>>('a4.jobs')).body.value.jobs;
      return jobs.length > 0 ? jobs : null;
    });
    expect(kept).toEqual([{ jobId, document: 'appointment-slip', status: 'waiting', problem: 'PAUSED' }]);
    await until('the stopped queue seen again', async () => ((await a4Problem(second)) === 'PAUSED' ? true : null));
    expect(cups.jobsEver()).toBe(jobsBefore);
    expect(cups.pdfsOf(jobId)).toEqual([]);

    cups.enable();
    await until('printed', async () => ((await second.call<Res<Jobs>>('a4.jobs')).body.value.jobs.find((j) => j.jobId === jobId)?.status === 'printed' ? true : null), 60_000);
    const [pdf] = await until('its PDF', () => (cups.pdfsOf(jobId).length > 0 ? cups.pdfsOf(jobId) : null));
    const text = cups.textOf(pdf!);
    expect(text).toContain('预约凭条');
    expect(text).toContain(number);
    expect(text).toContain('张*三');
    // Once: another stop and start of the queue sends nothing again.
    cups.disable();
    await until('stopped again', async () => ((await a4Problem(second)) === 'PAUSED' ? true : null));
    cups.enable();
    await until('ready again', async () => ((await a4Problem(second)) === 'none' ? true : null));
    await new Promise((r) => setTimeout(r, 1500));
    expect(cups.jobsEver()).toBe(jobsBefore + 1);
    expect(cups.pdfsOf(jobId)).toHaveLength(1);
    await second.stop();
    expect(storedRow(dataDir, jobId)).toMatchObject({ state: 'printed', attempts: 1 });
  });
  }
});
