import { generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { EidIdentity, EidIssuer, EidRefusal, EidVerifyResponse } from '../../contract/platform';
import type { Db } from './database';

/**
 * e-ID QR codes (三晋通 code, 网证/CTID code) as the simulator issues and
 * verifies them. A code is `SXEID1.<payload>.<signature>` (base64url): the
 * payload `{"iss","jti","iat","exp"}` names the issuer, a random id and its
 * validity (ms since the epoch); the signature is the issuer's Ed25519 over
 * `SXEID1.<payload>`. The identity never travels in the code: the platform
 * holds it under the id. So a kiosk can neither forge a code (no issuer key)
 * nor read one; a code verifies once (replay-safe) and within its validity.
 *
 * The issuer keys are made per simulator start: codes live for seconds, so a
 * restart only invalidates codes nobody can still use.
 */
const PREFIX = 'SXEID1';

interface Payload {
  readonly iss: EidIssuer;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}

export class EidCodes {
  private readonly keys: Record<EidIssuer, { privateKey: KeyObject; publicKey: KeyObject }>;

  constructor(
    private readonly db: Db,
    private readonly nowMs: () => number,
  ) {
    this.keys = { sanjintong: generateKeyPairSync('ed25519'), ctid: generateKeyPairSync('ed25519') };
  }

  issue(issuer: EidIssuer, identity: EidIdentity, ttlSeconds: number): { code: string; expiresAt: string } {
    const iat = this.nowMs();
    const payload: Payload = { iss: issuer, jti: randomBytes(16).toString('base64url'), iat, exp: iat + ttlSeconds * 1000 };
    const signed = `${PREFIX}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
    const signature = sign(null, Buffer.from(signed, 'utf8'), this.keys[issuer].privateKey).toString('base64url');
    this.db
      .prepare('INSERT INTO eid_codes (jti, issuer, identity, expires_at_ms, used_at_ms) VALUES (?, ?, ?, ?, NULL)')
      .run(payload.jti, issuer, JSON.stringify(identity), payload.exp);
    // Keep the table to codes that can still matter.
    this.db.prepare('DELETE FROM eid_codes WHERE expires_at_ms < ?').run(iat - 24 * 3600_000);
    return { code: `${signed}.${signature}`, expiresAt: new Date(payload.exp).toISOString() };
  }

  verify(code: string): EidVerifyResponse {
    const refuse = (reason: EidRefusal): EidVerifyResponse => ({ valid: false, reason });
    const parts = code.trim().split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX) return refuse('malformed');
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Payload;
    } catch {
      return refuse('malformed');
    }
    if ((payload.iss !== 'sanjintong' && payload.iss !== 'ctid') || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return refuse('malformed');
    const good = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`, 'utf8'), this.keys[payload.iss].publicKey, Buffer.from(parts[2]!, 'base64url'));
    if (!good) return refuse('bad-signature');
    const now = this.nowMs();
    // Single use, decided in one statement: two kiosks racing with the same code cannot both win.
    const claimed = this.db
      .prepare('UPDATE eid_codes SET used_at_ms = ? WHERE jti = ? AND issuer = ? AND used_at_ms IS NULL AND expires_at_ms >= ? RETURNING identity')
      .get(now, payload.jti, payload.iss, now) as { identity: string } | undefined;
    if (claimed) return { valid: true, issuer: payload.iss, identity: JSON.parse(claimed.identity) as EidIdentity, verifiedAt: new Date(now).toISOString() };
    const row = this.db.prepare('SELECT expires_at_ms, used_at_ms FROM eid_codes WHERE jti = ? AND issuer = ?').get(payload.jti, payload.iss) as
      | { expires_at_ms: number; used_at_ms: number | null }
      | undefined;
    if (!row) return refuse('unknown');
    if (row.used_at_ms !== null) return refuse('replayed');
    return refuse('expired');
  }
}
