import type {
  Appointment,
  AppointmentRules,
  BookRequest,
  BookResponse,
  CancelResponse,
  Hall,
  HallsResponse,
  SlotsResponse,
} from '../../contract/platform';
import { sha256Hex } from '../canonical-json';
import type { CaseClock } from '../clock';
import type { Db } from './database';

/** The halls of the demo province: a big county centre, a street station with one desk, a second county. */
export const DEMO_HALLS: readonly Hall[] = [
  { hallId: 'xiaodian-center', name: '太原市小店区政务服务中心', nameEn: 'Xiaodian District Government Service Centre, Taiyuan', address: '太原市小店区长治路 235 号', capacityPerSlot: 3 },
  { hallId: 'wucheng-station', name: '小店区坞城街道便民服务中心', nameEn: 'Wucheng Street Convenience Service Centre, Xiaodian', address: '太原市小店区坞城路 96 号', capacityPerSlot: 1 },
  { hallId: 'yangqu-center', name: '阳曲县政务服务中心', nameEn: 'Yangqu County Government Service Centre', address: '阳曲县黄寨镇府前街 8 号', capacityPerSlot: 2 },
];

export const DEMO_RULES: AppointmentRules = { cancelBeforeMinutes: 120, noShowLimit: 3, noShowWindowDays: 90, bookAheadDays: 7, slotMinutes: 30 };

const BEIJING_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** Slot starts in Beijing time (minutes after midnight): 09:00–12:00 and 13:30–17:00. */
const SLOT_STARTS = [...range(9 * 60, 12 * 60, 30), ...range(13 * 60 + 30, 17 * 60, 30)];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let m = from; m < to; m += step) out.push(m);
  return out;
}

/** YYYY-MM-DD of the Beijing calendar day containing `ms`. */
export function beijingDay(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().slice(0, 10);
}

function dayStartUtcMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - BEIJING_MS;
}

function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

interface Row {
  appointment_number: string;
  kiosk_id: string;
  client_id: string;
  holder_sha256: string;
  holder_name_masked: string;
  hall_id: string;
  starts_at_ms: number;
  item_code: string | null;
  purpose: string;
  status: 'booked' | 'cancelled' | 'attended';
  booked_at: string;
}

/**
 * The platform's appointment calendar. Slots are computed from the halls
 * (capacity per 30-minute slot, working days, the booking window); bookings
 * are rows. Booking checks capacity, the holder's other bookings and the
 * no-show rule in one transaction, so two kiosks racing for the last place
 * cannot both get it. Times follow the case clock (tests move it forward).
 */
export class AppointmentCalendar {
  private readonly sql;

  constructor(
    private readonly db: Db,
    private readonly clock: CaseClock,
    private readonly halls: readonly Hall[] = DEMO_HALLS,
    private readonly rules: AppointmentRules = DEMO_RULES,
  ) {
    this.sql = {
      byClient: db.prepare('SELECT * FROM appointments WHERE kiosk_id = ? AND client_id = ?'),
      taken: db.prepare("SELECT COUNT(*) FROM appointments WHERE hall_id = ? AND starts_at_ms = ? AND status <> 'cancelled'").pluck(),
      takenOfDay: db.prepare("SELECT starts_at_ms, COUNT(*) AS n FROM appointments WHERE hall_id = ? AND starts_at_ms >= ? AND starts_at_ms < ? AND status <> 'cancelled' GROUP BY starts_at_ms"),
      ofHolder: db.prepare('SELECT * FROM appointments WHERE holder_sha256 = ? ORDER BY starts_at_ms DESC'),
      byNumber: db.prepare('SELECT * FROM appointments WHERE appointment_number = ?'),
      countPrefix: db.prepare('SELECT COUNT(*) FROM appointments WHERE appointment_number LIKE ?').pluck(),
      insert: db.prepare(
        `INSERT INTO appointments (appointment_number, kiosk_id, client_id, holder_sha256, holder_name_masked, hall_id, starts_at_ms, item_code, purpose, status, booked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?)`,
      ),
      setStatus: db.prepare('UPDATE appointments SET status = ? WHERE appointment_number = ?'),
    };
  }

  list(): HallsResponse {
    return { halls: [...this.halls], rules: this.rules };
  }

  /** The bookable working days, from today (Beijing time). */
  days(): string[] {
    const today = dayStartUtcMs(beijingDay(this.clock.nowMs()));
    const days: string[] = [];
    for (let i = 0; i < this.rules.bookAheadDays; i++) {
      const day = beijingDay(today + i * DAY_MS + 1);
      if (isWorkingDay(day)) days.push(day);
    }
    return days;
  }

  slots(hallId: string, day: string): SlotsResponse | null {
    const hall = this.hall(hallId);
    if (!hall) return null;
    const days = this.days();
    if (!days.includes(day)) return { hallId, day, slots: [], days };
    const start = dayStartUtcMs(day);
    const taken = new Map((this.sql.takenOfDay.all(hallId, start, start + DAY_MS) as { starts_at_ms: number; n: number }[]).map((r) => [r.starts_at_ms, r.n]));
    const now = this.clock.nowMs();
    const slots = SLOT_STARTS.map((m) => start + m * 60_000)
      .filter((ms) => ms > now)
      .map((ms) => ({
        startsAt: new Date(ms).toISOString(),
        endsAt: new Date(ms + this.rules.slotMinutes * 60_000).toISOString(),
        capacity: hall.capacityPerSlot,
        remaining: Math.max(0, hall.capacityPerSlot - (taken.get(ms) ?? 0)),
      }));
    return { hallId, day, slots, days };
  }

  book(kioskId: string, request: BookRequest): BookResponse {
    return this.db.transaction((): BookResponse => {
      const again = this.sql.byClient.get(kioskId, request.clientId) as Row | undefined;
      if (again) return { booked: true, appointment: this.view(again) };
      const hall = this.hall(request.hallId);
      if (!hall) return { booked: false, code: 'unknown-hall', reason: '没有这个办事大厅' };
      const startMs = Date.parse(request.startsAt);
      const now = this.clock.nowMs();
      if (startMs <= now) return { booked: false, code: 'slot-past', reason: '这个时段已经过去，请选择其他时段' };
      const day = beijingDay(startMs);
      const minute = (startMs - dayStartUtcMs(day)) / 60_000;
      if (!this.days().includes(day) || !SLOT_STARTS.includes(minute)) return { booked: false, code: 'no-such-slot', reason: '这个时段不可预约，请在列出的时段中选择' };
      if ((this.sql.taken.get(hall.hallId, startMs) as number) >= hall.capacityPerSlot) {
        return { booked: false, code: 'slot-full', reason: '这个时段已约满，请选择其他时段' };
      }
      const holder = sha256Hex(request.holderIdNumber);
      const mine = this.sql.ofHolder.all(holder) as Row[];
      const windowStart = now - this.rules.noShowWindowDays * DAY_MS;
      const missed = mine.filter((r) => r.status === 'booked' && this.endsMs(r) <= now && r.starts_at_ms >= windowStart).length;
      if (missed >= this.rules.noShowLimit) {
        return { booked: false, code: 'no-show-limit', reason: `近 ${this.rules.noShowWindowDays} 天内有 ${missed} 次预约未到，暂不能在线预约，请直接到大厅办理或拨打 12345` };
      }
      if (mine.some((r) => r.status === 'booked' && r.hall_id === hall.hallId && this.endsMs(r) > now && beijingDay(r.starts_at_ms) === day)) {
        return { booked: false, code: 'already-booked', reason: '您当天在这个大厅已有预约，可先取消再重新预约' };
      }
      const bookedAt = new Date(now).toISOString();
      const prefix = `YY${beijingDay(now).replaceAll('-', '')}-`;
      const number = `${prefix}${String((this.sql.countPrefix.get(`${prefix}%`) as number) + 1).padStart(4, '0')}`;
      this.sql.insert.run(number, kioskId, request.clientId, holder, request.holderNameMasked, hall.hallId, startMs, request.itemCode, request.purpose, bookedAt);
      return { booked: true, appointment: this.view(this.sql.byNumber.get(number) as Row) };
    })();
  }

  cancel(appointmentNumber: string, holderIdNumber: string): CancelResponse {
    return this.db.transaction((): CancelResponse => {
      const row = this.sql.byNumber.get(appointmentNumber) as Row | undefined;
      if (!row || row.holder_sha256 !== sha256Hex(holderIdNumber)) return { cancelled: false, code: 'not-found', reason: '没有查到您的这个预约' };
      const now = this.clock.nowMs();
      if (row.status !== 'booked' || this.endsMs(row) <= now) return { cancelled: false, code: 'not-active', reason: '这个预约已结束或已取消' };
      if (now > this.cancelDeadlineMs(row)) {
        return { cancelled: false, code: 'past-deadline', reason: `开始前 ${this.rules.cancelBeforeMinutes / 60} 小时内不能在线取消，请拨打 12345` };
      }
      this.sql.setStatus.run('cancelled', appointmentNumber);
      return { cancelled: true, appointment: this.view({ ...row, status: 'cancelled' }) };
    })();
  }

  byHolder(holderIdNumber: string): Appointment[] {
    return (this.sql.ofHolder.all(sha256Hex(holderIdNumber)) as Row[]).map((r) => this.view(r));
  }

  /** The hall marks the resident as seen (admin; the no-show rule counts the others). */
  attend(appointmentNumber: string): boolean {
    return this.sql.setStatus.run('attended', appointmentNumber).changes === 1;
  }

  private hall(hallId: string): Hall | undefined {
    return this.halls.find((h) => h.hallId === hallId);
  }

  private endsMs(r: Row): number {
    return r.starts_at_ms + this.rules.slotMinutes * 60_000;
  }

  private cancelDeadlineMs(r: Row): number {
    return r.starts_at_ms - this.rules.cancelBeforeMinutes * 60_000;
  }

  private view(r: Row): Appointment {
    const status = r.status === 'booked' && this.endsMs(r) <= this.clock.nowMs() ? 'no-show' : r.status;
    return {
      appointmentNumber: r.appointment_number,
      hallId: r.hall_id,
      hallName: this.hall(r.hall_id)?.name ?? r.hall_id,
      startsAt: new Date(r.starts_at_ms).toISOString(),
      endsAt: new Date(this.endsMs(r)).toISOString(),
      cancelDeadline: new Date(this.cancelDeadlineMs(r)).toISOString(),
      itemCode: r.item_code,
      purpose: r.purpose,
      holderNameMasked: r.holder_name_masked,
      status,
      bookedAt: r.booked_at,
    };
  }
}
