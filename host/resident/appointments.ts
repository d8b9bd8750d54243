import { v7 as uuidv7 } from 'uuid';
import { err, ok, ReceiptDataSchema, type BookAnswer, type PrintOutcome, type Result } from '../../contract';
import { BUILT_IN_CATALOG, type CatalogLookup } from '../platform/active-catalog';
import { maskIdNumber, maskName } from '../../contract/identity';
import {
  BookResponseSchema,
  CancelResponseSchema,
  HallsResponseSchema,
  HolderAppointmentsResponseSchema,
  SlotsResponseSchema,
  type Appointment,
  type CancelResponse,
  type HallsResponse,
  type SlotsResponse,
} from '../../contract/platform';
import type { OfflineCache } from '../../offline-cache/offline-cache';
import { signedCall } from '../platform/lookups';
import type { ReceiptService } from './receipts';
import type { SessionService } from './session';

export const OFFLINE_APPOINTMENT_MESSAGE = '网络暂时不可用，现在不能在线预约。请拨打 12345 预约，或直接到大厅窗口办理';

/** Beijing wall time of an ISO instant: 2026-12-02 09:30. */
function beijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * 预约 for the resident at the kiosk. Always live against the platform (a
 * booking is never queued: a slot held only on this kiosk would be a
 * promise nobody keeps); offline is a plain answer with 12345. The 预约凭条
 * is printed on the receipt printer for this session.
 */
export class AppointmentDesk {
  constructor(
    private readonly cache: Pick<OfflineCache, 'client'>,
    private readonly session: SessionService,
    private readonly receipts: ReceiptService,
    private readonly timeoutMs: number,
    private readonly catalog: CatalogLookup = BUILT_IN_CATALOG,
  ) {}

  async halls(): Promise<Result<HallsResponse>> {
    return this.live(await signedCall(this.cache, this.timeoutMs, 'appointments.halls', undefined, HallsResponseSchema, 'appointments: halls'));
  }

  async slots(hallId: string, day: string | null): Promise<Result<SlotsResponse>> {
    const call = (d: string) => signedCall(this.cache, this.timeoutMs, 'appointments.slots', { hallId, day: d }, SlotsResponseSchema, 'appointments: slots');
    // No day asked: the first bookable day that still has a slot.
    const first = this.live(await call(day ?? '2000-01-01'));
    if (!first.ok || day) return first;
    for (const d of first.value.days) {
      const r = this.live(await call(d));
      if (!r.ok || r.value.slots.length) return r;
    }
    return first;
  }

  async book(input: { hallId: string; startsAt: string; thingId: string | null; subItemName: string | null }): Promise<Result<BookAnswer>> {
    const identity = this.session.identity();
    const sessionId = this.session.currentId;
    if (!identity || !sessionId) return err('no-session', '请先把身份证放在感应区');
    const thing = input.thingId ? this.catalog.oneThingById(input.thingId) : undefined;
    const purpose = (input.subItemName ?? (thing ? `${thing.name}` : '窗口办理')).slice(0, 80);
    const answer = this.live(
      await signedCall(
        this.cache,
        this.timeoutMs,
        'appointments.book',
        { clientId: uuidv7(), holderIdNumber: identity.idNumber, holderNameMasked: maskName(identity.name), hallId: input.hallId, startsAt: input.startsAt, itemCode: thing?.code ?? null, purpose },
        BookResponseSchema,
        'appointments: book',
      ),
    );
    if (!answer.ok) return answer;
    if (!answer.value.booked) return ok(answer.value);
    const slip = await this.print(sessionId, answer.value.appointment, identity.idNumber);
    return ok({ booked: true, appointment: answer.value.appointment, slip });
  }

  async cancel(appointmentNumber: string): Promise<Result<CancelResponse>> {
    const identity = this.session.identity();
    if (!identity) return err('no-session', '请先把身份证放在感应区');
    return this.live(
      await signedCall(this.cache, this.timeoutMs, 'appointments.cancel', { appointmentNumber, holderIdNumber: identity.idNumber }, CancelResponseSchema, 'appointments: cancel'),
    );
  }

  async mine(): Promise<Result<{ appointments: Appointment[] }>> {
    const identity = this.session.identity();
    if (!identity) return err('no-session', '请先把身份证放在感应区');
    return this.live(
      await signedCall(this.cache, this.timeoutMs, 'appointments.byHolder', { holderIdNumber: identity.idNumber }, HolderAppointmentsResponseSchema, 'appointments: by holder'),
    );
  }

  async printSlip(appointmentNumber: string): Promise<Result<PrintOutcome>> {
    const identity = this.session.identity();
    const sessionId = this.session.currentId;
    if (!identity || !sessionId) return err('no-session', '请先把身份证放在感应区');
    const mine = await this.mine();
    if (!mine.ok) return mine;
    const found = mine.value.appointments.find((a) => a.appointmentNumber === appointmentNumber);
    if (!found) return err('not-found', '没有查到您的这个预约');
    return ok(await this.print(sessionId, found, identity.idNumber));
  }

  /** The 预约凭条's content for the A4 printer: the same slip as the receipt printer's, for one of this resident's appointments. */
  async slipRequest(appointmentNumber: string): Promise<Result<ReturnType<AppointmentDesk['slipOf']>>> {
    const identity = this.session.identity();
    if (!identity || !this.session.currentId) return err('no-session', '请先把身份证放在感应区');
    const mine = await this.mine();
    if (!mine.ok) return mine;
    const found = mine.value.appointments.find((a) => a.appointmentNumber === appointmentNumber);
    return found ? ok(this.slipOf(found, identity.idNumber)) : err('not-found', '没有查到您的这个预约');
  }

  private async print(sessionId: string, a: Appointment, idNumber: string): Promise<PrintOutcome> {
    const request = this.slipOf(a, idNumber);
    const r = await this.receipts.print(sessionId, request);
    if (r.ok) return r.value;
    // The booking stands either way: a slip that could not be printed is shown on screen.
    return { status: 'held', jobId: 'not-printed', reason: r.code.toUpperCase(), message: r.message, receipt: ReceiptDataSchema.parse(this.receipts.receiptFor(request)) };
  }

  private slipOf(a: Appointment, idNumber: string) {
    return {
      kind: 'appointment' as const,
      localNumber: a.appointmentNumber,
      oneThingName: a.purpose.slice(0, 40),
      subItems: [{ name: `${beijing(a.startsAt)}–${beijing(a.endsAt).slice(11)}`, department: a.hallName.slice(0, 40) }],
      applicantName: a.holderNameMasked,
      applicantIdNumber: maskIdNumber(idNumber),
      submittedAt: a.startsAt,
      deadline: `请提前 10 分钟到达，凭身份证或本凭条取号；${beijing(a.cancelDeadline)} 前可在自助终端取消，未到又未取消计爽约`,
    };
  }

  /** Offline or an unanswering platform: the resident is told plainly, with 12345. */
  private live<T>(r: Result<T>): Result<T> {
    if (r.ok || r.code !== 'platform-unreachable') return r;
    return { ...r, message: OFFLINE_APPOINTMENT_MESSAGE };
  }
}
