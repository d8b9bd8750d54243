import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { err, ok, type Result, type Staff } from '../../contract';
import type { EventBus } from '../api/events';
import type { SessionService } from '../resident/session';

/** `<dataDir>/staff.json`: clerks allowed to use assisted mode (帮代办). PINs are stored as scrypt hashes only. */
const StaffFileSchema = z.object({
  staff: z.array(
    z.object({
      staffId: z.string().min(2).max(20),
      displayName: z.string().min(1).max(40),
      salt: z.string().regex(/^[0-9a-f]{32}$/),
      pinHash: z.string().regex(/^[0-9a-f]{64}$/),
      /** Staff card: scrypt of the clerk's own ID number with the same salt; absent = PIN only. */
      cardKey: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    }),
  ),
});
type StaffFile = z.infer<typeof StaffFileSchema>;

/** The demo clerk, written only in demo mode when no staff file exists (documented in docs/journeys.md). */
export const DEMO_CLERK = { staffId: 'demo-clerk', displayName: '演示代办员', pin: '246810', cardIdNumber: '140202195206110860' } as const;

const MAX_FAILURES = 5;

function hashPin(pin: string, salt: string): string {
  return scryptSync(pin, Buffer.from(salt, 'hex'), 32).toString('hex');
}

/** The same entry, hashed on libuv's thread pool: the host's start does not wait for scrypt. */
async function staffEntryAsync(staffId: string, displayName: string, pin: string, cardIdNumber: string): Promise<StaffFile['staff'][number]> {
  const salt = randomBytes(16).toString('hex');
  const hash = (secret: string) => new Promise<string>((resolve, reject) => scrypt(secret, Buffer.from(salt, 'hex'), 32, (e, key) => (e ? reject(e) : resolve(key.toString('hex')))));
  const [pinHash, cardKey] = await Promise.all([hash(pin), hash(cardIdNumber.trim().toUpperCase())]);
  return { staffId, displayName, salt, pinHash, cardKey };
}

export function staffEntry(staffId: string, displayName: string, pin: string, cardIdNumber?: string): StaffFile['staff'][number] {
  const salt = randomBytes(16).toString('hex');
  return { staffId, displayName, salt, pinHash: hashPin(pin, salt), ...(cardIdNumber ? { cardKey: hashPin(cardIdNumber.trim().toUpperCase(), salt) } : {}) };
}

/**
 * Who is helping the resident. A clerk signs in with a PIN; the clerk stays
 * until signing out or until the kiosk wipes an idle session. Repeated wrong
 * PINs lock sign-in until a technician restarts the kiosk.
 */
export class StaffDesk {
  private signedIn: Staff | null = null;
  private failures = 0;
  private readonly file: string;
  private demoClerkPending: boolean;
  /** Settles once a demo kiosk's staff.json is written (at once when it already exists, or in production). */
  readonly demoClerk: Promise<void>;

  constructor(
    options: { dataDir: string; mode: 'demo' | 'production' },
    private readonly bus: EventBus,
    private readonly session: SessionService,
  ) {
    this.file = path.join(options.dataDir, 'staff.json');
    // A demo kiosk's first start writes the demo clerk in the background; a sign-in before that writes it at once.
    this.demoClerkPending = options.mode === 'demo' && !existsSync(this.file);
    this.demoClerk = this.demoClerkPending
      ? staffEntryAsync(DEMO_CLERK.staffId, DEMO_CLERK.displayName, DEMO_CLERK.pin, DEMO_CLERK.cardIdNumber)
          .then((entry) => this.writeDemoClerk(entry))
          // A sign-in writes it then (read() below), and says what went wrong.
          .catch(() => undefined)
      : Promise.resolve();
    session.onEnd((_id, reason) => {
      if (reason === 'idle' || reason === 'maintenance') this.signOut();
    });
  }

  current(): Staff | null {
    return this.signedIn;
  }

  signIn(staffId: string, pin: string): Result<Staff> {
    if (this.failures >= MAX_FAILURES) return err('locked', '输入错误次数过多，代办登录已锁定，请联系运维人员');
    const directory = this.read();
    if (!directory.ok) return directory;
    const entry = directory.value.staff.find((s) => s.staffId === staffId);
    const presented = Buffer.from(hashPin(pin, entry?.salt ?? '00000000000000000000000000000000'), 'hex');
    const good = entry !== undefined && timingSafeEqual(presented, Buffer.from(entry.pinHash, 'hex'));
    if (!good) {
      this.failures += 1;
      return err('unauthorized', `工号或 PIN 不正确，还可以再试 ${MAX_FAILURES - this.failures} 次`);
    }
    this.failures = 0;
    this.signedIn = { staffId: entry.staffId, displayName: entry.displayName, signedInAt: new Date().toISOString() };
    this.bus.emit('staff.changed', this.signedIn);
    return ok(this.signedIn);
  }

  /** The card in the session is a staff card: sign its clerk in and end that session (the clerk is never the applicant). */
  signInWithCard(): Result<Staff> {
    if (this.failures >= MAX_FAILURES) return err('locked', '输入错误次数过多，代办登录已锁定，请联系运维人员');
    const card = this.session.identity();
    if (!card) return err('no-session', '请代办员把本人身份证放在感应区');
    const directory = this.read();
    if (!directory.ok) return directory;
    const presented = card.idNumber.trim().toUpperCase();
    const entry = directory.value.staff.find((s) => s.cardKey !== undefined && timingSafeEqual(Buffer.from(hashPin(presented, s.salt), 'hex'), Buffer.from(s.cardKey, 'hex')));
    if (!entry) {
      this.failures += 1;
      return err('unauthorized', '这张身份证不是登记的代办员证件，请用工号和 PIN 登录');
    }
    this.failures = 0;
    // The clerk's own card must not stay in the session as the applicant: that session ends here.
    this.session.end('home');
    this.signedIn = { staffId: entry.staffId, displayName: entry.displayName, signedInAt: new Date().toISOString() };
    this.bus.emit('staff.changed', this.signedIn);
    return ok(this.signedIn);
  }

  signOut(): boolean {
    if (!this.signedIn) return false;
    this.signedIn = null;
    this.bus.emit('staff.changed', null);
    return true;
  }

  /** Never overwrites: a list already there (written by a sign-in that came first, or by a technician) stays. */
  private writeDemoClerk(entry: StaffFile['staff'][number]): void {
    if (!this.demoClerkPending) return;
    try {
      writeFileSync(this.file, JSON.stringify({ staff: [entry] }, null, 2), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    this.demoClerkPending = false;
  }

  private read(): Result<StaffFile> {
    if (this.demoClerkPending) this.writeDemoClerk(staffEntry(DEMO_CLERK.staffId, DEMO_CLERK.displayName, DEMO_CLERK.pin, DEMO_CLERK.cardIdNumber));
    if (!existsSync(this.file)) return err('not-found', '本机没有登记代办员', { detail: `staff: ${this.file} missing` });
    try {
      const parsed = StaffFileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) return ok(parsed.data);
      return err('internal', '代办员名单有误，请联系运维人员', { detail: 'staff: staff.json does not match its schema' });
    } catch {
      return err('internal', '代办员名单有误，请联系运维人员', { detail: 'staff: staff.json is not JSON' });
    }
  }
}
