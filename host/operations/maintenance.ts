import { randomBytes } from 'node:crypto';
import { err, ok, type MaintenanceStatus, type Result } from '../../contract';
import type { EventBus } from '../api/events';
import type { Logger } from '../log';
import type { AuditTrail } from './maintenance/audit-trail';
import type { CredentialsFile } from './maintenance/credentials';
import { attemptsLeft, current, isLocked, recordFailure, recordSuccess } from './maintenance/lockout';
import { hashPin, verifyPin } from './maintenance/pin-hash';

export interface MaintenanceOptions {
  readonly credentials: CredentialsFile;
  readonly audit: AuditTrail;
  readonly bus: EventBus;
  readonly logger: Logger;
  /** Idle time after which the token lapses and the UI returns to attract (2 minutes). */
  readonly idleMs?: number;
  readonly now?: () => Date;
  /** Staff-card entry: is the card on the kiosk now a registered technician's? */
  readonly staffCardPresent?: () => Promise<boolean> | boolean;
  /** A resident session is wiped before maintenance starts: they never share a screen. */
  readonly endResidentSession?: () => void;
}

interface Grant {
  readonly via: 'gesture' | 'staff-card';
  lastUsed: number;
}

/**
 * Who is in maintenance mode. Entry needs the PIN (slow hash, 5 wrong → 15
 * minutes locked); every attempt goes to the audit trail; a token lapses after
 * 2 idle minutes and the UI is told to go back to the attract screen.
 */
export class MaintenanceService {
  private readonly grants = new Map<string, Grant>();
  private readonly idleMs: number;
  private readonly now: () => Date;
  private sweeper: NodeJS.Timeout | null = null;
  /** Serialises PIN checks so parallel guesses cannot outrun the counter. */
  private queue: Promise<unknown> = Promise.resolve();
  /** A PIN from provisioning is being hashed: the PIN screen already says one is set. */
  private pinsPending = 0;
  /**
   * Per-boot token for local tools (`npm run doctor`), handed over only through
   * the 0600 run file: whoever can read it already owns the kiosk's account.
   */
  readonly localToken = randomBytes(32).toString('base64url');

  constructor(private readonly o: MaintenanceOptions) {
    this.idleMs = o.idleMs ?? 120_000;
    this.now = o.now ?? (() => new Date());
  }

  /**
   * Stores the PIN hash (from KIOSK_MAINTENANCE_PIN, or the demo PIN in demo
   * mode). A given KIOSK_MAINTENANCE_PIN replaces a different stored one (the
   * demo PIN of a data folder that once ran demo); the demo default never
   * replaces a stored PIN.
   */
  provisionPin(pin: string | undefined, options: { replace?: boolean } = {}): Promise<void> {
    if (!pin) return Promise.resolve();
    // A PIN that can never be stored is refused at once (it stops the start); the slow hash runs after.
    if (!/^\d{4,12}$/.test(pin)) throw new Error('KIOSK_MAINTENANCE_PIN: expected 4–12 digits');
    // In the queue of PIN checks: a sign-in that comes while the hash is being made waits for it.
    this.pinsPending += 1;
    const run = this.queue
      .then(async () => {
        const c = this.o.credentials.read();
        if (c.pin && (!options.replace || (await verifyPin(pin, c.pin)))) return;
        const hashed = await hashPin(pin);
        this.o.credentials.write({ ...this.o.credentials.read(), pin: hashed });
        this.o.audit.append('maintenance.pin-set', { source: 'provisioning' });
      })
      .finally(() => {
        this.pinsPending -= 1;
      });
    this.queue = run.catch(() => undefined);
    return run;
  }

  status(): MaintenanceStatus {
    const c = this.o.credentials.read();
    const now = this.now();
    const lockout = current(c.lockout, now);
    return {
      pinConfigured: c.pin !== null || this.pinsPending > 0,
      locked: isLocked(lockout, now),
      lockedUntil: isLocked(lockout, now) ? lockout.lockedUntil : null,
      attemptsLeft: attemptsLeft(lockout, now),
    };
  }

  login(pin: string, via: 'gesture' | 'staff-card'): Promise<Result<{ token: string; expiresAt: string; idleSeconds: number }>> {
    const run = this.queue.then(() => this.check(pin, via));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async check(pin: string, via: 'gesture' | 'staff-card'): Promise<Result<{ token: string; expiresAt: string; idleSeconds: number }>> {
    const now = this.now();
    const c = this.o.credentials.read();
    const lockout = current(c.lockout, now);
    if (isLocked(lockout, now)) {
      this.o.audit.append('maintenance.login', { via, outcome: 'locked' });
      return err('locked', `维护入口已锁定，请于 ${lockout.lockedUntil} 之后再试`, { detail: `locked until ${lockout.lockedUntil}` });
    }
    if (!c.pin) {
      this.o.audit.append('maintenance.login', { via, outcome: 'no-pin' });
      return err('forbidden', '本机尚未设置维护密码（启动时设置 KIOSK_MAINTENANCE_PIN）');
    }
    if (via === 'staff-card' && !(await (this.o.staffCardPresent?.() ?? false))) {
      this.o.audit.append('maintenance.login', { via, outcome: 'card-not-staff' });
      return err('unauthorized', '请先刷工作人员证件');
    }
    if (!(await verifyPin(pin, c.pin))) {
      const next = recordFailure(lockout, now);
      this.o.credentials.write({ ...c, lockout: next });
      const left = attemptsLeft(next, now);
      this.o.audit.append('maintenance.login', { via, outcome: 'wrong-pin', failures: next.failures, locked: next.lockedUntil !== null });
      this.o.logger.warn({ via, failures: next.failures }, 'maintenance PIN rejected');
      return next.lockedUntil
        ? err('locked', `密码错误次数过多，维护入口锁定 15 分钟（至 ${next.lockedUntil}）`, { detail: `locked until ${next.lockedUntil}` })
        : err('unauthorized', `密码不正确，还可以再试 ${left} 次`, { detail: `attempts left: ${left}` });
    }
    this.o.credentials.write({ ...c, lockout: recordSuccess() });
    this.o.endResidentSession?.();
    const token = randomBytes(32).toString('base64url');
    this.grants.set(token, { via, lastUsed: now.getTime() });
    this.o.audit.append('maintenance.login', { via, outcome: 'ok' });
    this.o.logger.info({ via }, 'maintenance mode entered');
    return ok({ token, expiresAt: new Date(now.getTime() + this.idleMs).toISOString(), idleSeconds: Math.round(this.idleMs / 1000) });
  }

  /** The dispatcher's check for `requires: 'maintenance'`; a valid call keeps the token alive. */
  authorize(token: string): Result<true> {
    if (token.length === this.localToken.length && token === this.localToken) return ok(true);
    this.expireIdle();
    const grant = this.grants.get(token);
    if (!grant) return err('unauthorized', '维护会话已结束，请重新进入维护模式');
    grant.lastUsed = this.now().getTime();
    return ok(true);
  }

  logout(token: string): boolean {
    const had = this.grants.delete(token);
    if (had) {
      this.o.audit.append('maintenance.logout', { reason: 'logout' });
      this.o.bus.emit('maintenance.ended', { reason: 'logout' });
    }
    return had;
  }

  get active(): boolean {
    this.expireIdle();
    return this.grants.size > 0;
  }

  start(): void {
    this.sweeper ??= setInterval(() => this.expireIdle(), 5_000);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private expireIdle(): void {
    const now = this.now().getTime();
    for (const [token, grant] of this.grants) {
      if (now - grant.lastUsed >= this.idleMs) {
        this.grants.delete(token);
        this.o.audit.append('maintenance.logout', { reason: 'idle' });
        this.o.bus.emit('maintenance.ended', { reason: 'idle' });
      }
    }
  }
}
