import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { KIOSK_TICKET_RE } from '../contract/video';

/**
 * Who may use the video desk. Kiosks present a short-lived ticket their host
 * signed with the kiosk secret shared with the desk (HMAC-SHA256, see
 * host/resident/video.ts); agents sign in with a name and password (scrypt
 * hashes in the agents file) and get a random session token.
 */

export interface KioskIdentity {
  readonly kioskId: string;
  readonly servicePoint: string;
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type TicketCheck = { ok: true; kiosk: KioskIdentity } | { ok: false; message: string };

export function verifyKioskTicket(ticket: string, secret: string, nowMs = Date.now()): TicketCheck {
  const m = KIOSK_TICKET_RE.exec(ticket);
  if (!m) return { ok: false, message: 'ticket: expected v1.<kioskId>.<servicePoint>.<expires>.<signature>' };
  const [, kioskId, point, expires, signature] = m as unknown as [string, string, string, string, string];
  if (!same(mac(secret, `v1.${kioskId}.${point}.${expires}`), signature)) return { ok: false, message: 'ticket: signature does not match (wrong kiosk secret?)' };
  if (Number(expires) * 1000 < nowMs) return { ok: false, message: 'ticket: expired' };
  return { ok: true, kiosk: { kioskId, servicePoint: Buffer.from(point, 'base64url').toString('utf8') } };
}

/** The desk's own copy of the signer, for tests and tools; kiosks sign in their host. */
export function signKioskTicket(kiosk: KioskIdentity, secret: string, ttlSeconds: number, nowMs = Date.now()): string {
  const body = `v1.${kiosk.kioskId}.${Buffer.from(kiosk.servicePoint, 'utf8').toString('base64url')}.${Math.floor(nowMs / 1000) + ttlSeconds}`;
  return `${body}.${mac(secret, body)}`;
}

export interface AgentAccount {
  readonly id: string;
  /** Shown to the resident: "坐席 张三". */
  readonly name: string;
  /** `scrypt:<salt hex>:<hash hex>` */
  readonly password: string;
}

export function hashPassword(password: string, salt = randomBytes(16)): string {
  return `scrypt:${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

function passwordMatches(password: string, stored: string): boolean {
  const [kind, salt, hash] = stored.split(':');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const got = scryptSync(password, Buffer.from(salt, 'hex'), 32);
  const want = Buffer.from(hash, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Agent sign-in: accounts from the agents file, tokens in memory (a desk restart signs everyone out). */
export class AgentDirectory {
  private readonly tokens = new Map<string, { agent: AgentAccount; expiresAt: number }>();
  constructor(
    private readonly accounts: readonly AgentAccount[],
    private readonly tokenTtlMs = 12 * 3600_000,
  ) {}

  login(id: string, password: string, nowMs = Date.now()): { token: string; agent: AgentAccount } | null {
    const agent = this.accounts.find((a) => a.id === id);
    // Hash anyway so a wrong name costs as much as a wrong password.
    const matches = passwordMatches(password, agent?.password ?? hashPassword('-'));
    if (!agent || !matches) return null;
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { agent, expiresAt: nowMs + this.tokenTtlMs });
    return { token, agent };
  }

  byToken(token: string, nowMs = Date.now()): AgentAccount | null {
    const t = this.tokens.get(token);
    if (!t) return null;
    if (t.expiresAt < nowMs) {
      this.tokens.delete(token);
      return null;
    }
    return t.agent;
  }

  logout(token: string): void {
    this.tokens.delete(token);
  }
}
