import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash } from 'node:crypto';
import { CatalogSchema, type Catalog } from '../../contract/catalog/schema';
import type { SignedCatalog } from '../../contract/platform';
import type { Store } from '../store/database';

export type CatalogUpdate =
  | { readonly kind: 'updated'; readonly version: string }
  | { readonly kind: 'unchanged' }
  /** Not used: the previous catalog stays. `reason` is for the technician. */
  | { readonly kind: 'rejected'; readonly reason: string };

export interface CatalogSource {
  catalog(etag: string | null): Promise<
    | { readonly kind: 'ok'; readonly value: SignedCatalog; readonly etag: string | null }
    | { readonly kind: 'not-modified' }
    | { readonly kind: 'unreachable' | 'retry' | 'too-large' | 'refused'; readonly reason: string }
  >;
}

/**
 * The 一件事 catalog the kiosk uses: the built-in one (annexes of the policy)
 * until the platform sends a newer one, which is used only after its Ed25519
 * signature by the pinned platform key verifies over the exact payload bytes
 * and it parses as a catalog. Anything else is rejected and the previous
 * catalog kept.
 */
export class CatalogCache {
  private current: Catalog;
  private etag: string | null;

  constructor(
    private readonly store: Store,
    private readonly builtIn: Catalog,
    private readonly platformPublicKey: () => Uint8Array | null,
    private readonly now: () => number = Date.now,
  ) {
    const row = store.read((db) => db.prepare('SELECT body, etag FROM catalog WHERE id = 1').get() as { body: string; etag: string | null } | undefined);
    const stored = row ? CatalogSchema.safeParse(safeJson(row.body)) : null;
    this.current = stored?.success ? stored.data : builtIn;
    this.etag = stored?.success ? (row?.etag ?? null) : null;
  }

  get catalog(): Catalog {
    return this.current;
  }

  get version(): string {
    return this.current.version;
  }

  /** Verifies and, when valid, stores and switches to `signed`. */
  accept(signed: SignedCatalog, etag: string | null): CatalogUpdate {
    const key = this.platformPublicKey();
    if (!key) return { kind: 'rejected', reason: 'no pinned platform key' };
    if (signed.signature.alg !== 'ed25519') return { kind: 'rejected', reason: `unsupported signature algorithm ${signed.signature.alg}` };
    const payload = Buffer.from(signed.payload, 'utf8');
    const signature = Buffer.from(signed.signature.value, 'base64');
    let valid: boolean;
    try {
      valid = signature.length === 64 && ed25519.verify(signature, payload, key);
    } catch {
      valid = false;
    }
    if (!valid) return { kind: 'rejected', reason: 'signature does not verify' };
    const parsed = CatalogSchema.safeParse(safeJson(signed.payload));
    if (!parsed.success) return { kind: 'rejected', reason: `signed payload is not a catalog: ${parsed.error.issues[0]?.message ?? ''}` };
    const computedEtag = `"${createHash('sha256').update(payload).digest('hex')}"`;
    if (etag && etag !== computedEtag) return { kind: 'rejected', reason: 'ETag does not match the payload' };
    this.store.durable((db) =>
      db
        .prepare(
          `INSERT INTO catalog (id, version, etag, body, signature, fetched_at) VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET version = excluded.version, etag = excluded.etag, body = excluded.body, signature = excluded.signature, fetched_at = excluded.fetched_at`,
        )
        .run(parsed.data.version, computedEtag, signed.payload, signed.signature.value, this.now()),
    );
    this.current = parsed.data;
    this.etag = computedEtag;
    return { kind: 'updated', version: parsed.data.version };
  }

  async refresh(source: CatalogSource): Promise<CatalogUpdate> {
    const r = await source.catalog(this.etag);
    if (r.kind === 'not-modified') return { kind: 'unchanged' };
    if (r.kind !== 'ok') return { kind: 'rejected', reason: `catalog fetch failed: ${r.reason}` };
    return this.accept(r.value, r.etag);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
