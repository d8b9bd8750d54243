import type { KeyObject } from 'node:crypto';
import { ed25519PublicKey } from '../platform-key';
import type { Db } from './database';

export interface KioskRecord {
  readonly kioskId: string;
  readonly publicKey: string;
  readonly servicePoint: string;
  readonly source: 'provisioned' | 'keys-file';
  readonly registeredAt: string;
}

export type RegisterOutcome = { readonly kind: 'registered'; readonly record: KioskRecord } | { readonly kind: 'key-conflict' };

/** Which kiosks exist and their public keys; plus the nonces they already used. */
export class KioskRegistry {
  private readonly keyCache = new Map<string, KeyObject>();
  private noncesSincePrune = 0;
  private readonly insertNonce;

  constructor(private readonly db: Db) {
    this.insertNonce = db.prepare('INSERT OR IGNORE INTO nonces (kiosk_id, nonce, seen_at_ms) VALUES (?, ?, ?)');
  }

  find(kioskId: string): KioskRecord | null {
    const row = this.db
      .prepare('SELECT kiosk_id AS kioskId, public_key AS publicKey, service_point AS servicePoint, source, registered_at AS registeredAt FROM kiosks WHERE kiosk_id = ?')
      .get(kioskId) as KioskRecord | undefined;
    return row ?? null;
  }

  all(): KioskRecord[] {
    return this.db
      .prepare('SELECT kiosk_id AS kioskId, public_key AS publicKey, service_point AS servicePoint, source, registered_at AS registeredAt FROM kiosks ORDER BY kiosk_id')
      .all() as KioskRecord[];
  }

  publicKeyOf(kioskId: string): KeyObject | null {
    const cached = this.keyCache.get(kioskId);
    if (cached) return cached;
    const record = this.find(kioskId);
    if (!record) return null;
    const key = ed25519PublicKey(record.publicKey);
    this.keyCache.set(kioskId, key);
    return key;
  }

  /** Same id with the same key again is fine (a re-provisioned kiosk); a different key is refused. */
  register(kioskId: string, publicKey: string, servicePoint: string, source: KioskRecord['source'], at: string): RegisterOutcome {
    const existing = this.find(kioskId);
    if (existing && existing.publicKey !== publicKey) return { kind: 'key-conflict' };
    this.db
      .prepare(
        `INSERT INTO kiosks (kiosk_id, public_key, service_point, source, registered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kiosk_id) DO UPDATE SET service_point = excluded.service_point`,
      )
      .run(kioskId, publicKey, servicePoint, source, existing?.registeredAt ?? at);
    return { kind: 'registered', record: this.find(kioskId)! };
  }

  /** Replaces the key set from a production keys file. */
  loadKeysFile(kiosks: readonly { kioskId: string; publicKey: string; servicePoint: string }[], at: string): void {
    this.db.transaction(() => {
      for (const k of kiosks) {
        this.db
          .prepare(
            `INSERT INTO kiosks (kiosk_id, public_key, service_point, source, registered_at) VALUES (?, ?, ?, 'keys-file', ?)
             ON CONFLICT (kiosk_id) DO UPDATE SET public_key = excluded.public_key, service_point = excluded.service_point, source = 'keys-file'`,
          )
          .run(k.kioskId, k.publicKey, k.servicePoint, at);
      }
    })();
    this.keyCache.clear();
  }

  /** Records a nonce; false when this kiosk already used it (a replay). */
  useNonce(kioskId: string, nonce: string, nowMs: number, windowMs: number): boolean {
    if (++this.noncesSincePrune >= 1000) {
      this.noncesSincePrune = 0;
      this.db.prepare('DELETE FROM nonces WHERE seen_at_ms < ?').run(nowMs - 2 * windowMs);
    }
    const r = this.insertNonce.run(kioskId, nonce, nowMs);
    return r.changes === 1;
  }
}
