import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { CatalogSchema, type Catalog } from '../../contract/catalog/schema';
import type { SignedCatalog } from '../../contract/platform';
import type { Store } from '../store/database';
import { compareCatalogVersions } from './version';

// sm-crypto is CommonJS without named ESM exports.
const { sm2 } = smCrypto;

/** GB/T 35276 default signer id, as the platform signs with it. */
const SM2_USER_ID = '1234567812345678';

/** Why a catalog from the platform was not used. */
export type CatalogRefusal =
  /** No signature, or the answer is not a signed catalog at all. */
  | 'unsigned'
  /** A signature that does not verify with the pinned key (or an ETag that does not match the payload). */
  | 'forged'
  /** Not newer than the catalog in use (versions only go up). */
  | 'older'
  /** Signed, but not a catalog (zod). */
  | 'schema-invalid'
  /** A catalog the journeys on this kiosk cannot run (ids, codes, sub-items changed). */
  | 'unfit'
  /** No platform key pinned yet: nothing can be verified. */
  | 'no-key';

export type CatalogUpdate =
  | { readonly kind: 'updated'; readonly version: string }
  | { readonly kind: 'unchanged' }
  /** Not used: the previous catalog stays. `reason` is for the technician. */
  | { readonly kind: 'rejected'; readonly refusal: CatalogRefusal | 'fetch'; readonly reason: string };

export interface CatalogSource {
  catalog(etag: string | null): Promise<
    | { readonly kind: 'ok'; readonly value: SignedCatalog; readonly etag: string | null }
    | { readonly kind: 'not-modified' }
    | { readonly kind: 'unreachable' | 'retry' | 'too-large' | 'refused'; readonly reason: string }
  >;
}

/** The keys a catalog is verified with: Ed25519 always, SM2 when 国密 is on (an SM2 key is pinned). */
export interface CatalogKeys {
  readonly ed25519: Uint8Array | null;
  /** Uncompressed SM2 public key, `04` + 128 hex. */
  readonly sm2: string | null;
}

export interface CatalogState {
  readonly version: string;
  readonly source: 'built-in' | 'platform';
  /** The last catalog the platform sent that was refused, until a good one (or the same good one) comes. */
  readonly lastRefusal: { readonly refusal: CatalogRefusal; readonly reason: string; readonly version: string | null; readonly at: number } | null;
  /** Why the stored catalog could not be used at boot (the built-in one is used instead); null when it could. */
  readonly storedUnusable: string | null;
}

export interface CatalogCacheOptions {
  readonly now?: () => number;
  /** Lines naming what the journeys could not run with; empty when the catalog fits. */
  readonly fits?: (catalog: Catalog) => string[];
}

/**
 * The 一件事 catalog the kiosk uses: the built-in one (annexes of the policy)
 * until the platform sends a newer one, which is used only when its
 * signature verifies over the exact payload bytes (Ed25519 with the pinned
 * platform key; with 国密 on, SM2 with the pinned SM2 key), it parses as a
 * catalog, its version is higher than the one in use and the journeys can
 * run with it. Anything else is refused, remembered for the dashboard, and
 * the previous catalog kept.
 */
export class CatalogCache {
  private current: Catalog;
  private source: 'built-in' | 'platform';
  private etag: string | null;
  private refusal: CatalogState['lastRefusal'] = null;
  private readonly storedUnusable: string | null;
  private readonly listeners = new Set<(catalog: Catalog) => void>();
  private readonly now: () => number;
  private readonly fits: (catalog: Catalog) => string[];

  constructor(
    private readonly store: Store,
    private readonly builtIn: Catalog,
    private readonly keys: () => CatalogKeys,
    options: CatalogCacheOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.fits = options.fits ?? (() => []);
    this.current = builtIn;
    this.source = 'built-in';
    this.etag = null;
    const row = store.read((db) => db.prepare('SELECT body, etag, signature FROM catalog WHERE id = 1').get() as { body: string; etag: string | null; signature: string | null } | undefined);
    const loaded = row ? this.loadStored(row) : { catalog: null, problem: null };
    this.storedUnusable = loaded.problem;
    if (loaded.catalog) {
      this.current = loaded.catalog;
      this.source = 'platform';
      this.etag = row?.etag ?? null;
    }
  }

  get catalog(): Catalog {
    return this.current;
  }

  get version(): string {
    return this.current.version;
  }

  state(): CatalogState {
    return { version: this.current.version, source: this.source, lastRefusal: this.refusal, storedUnusable: this.storedUnusable };
  }

  /** Called with the new catalog after each one taken (not for refusals). Returns the unsubscribe. */
  onChange(listener: (catalog: Catalog) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Verifies and, when valid and newer, stores and switches to `signed`. */
  accept(signed: SignedCatalog, etag: string | null): CatalogUpdate {
    const checked = this.check(signed, etag);
    if (checked.kind !== 'fine') {
      if (checked.kind === 'rejected') this.refusal = { refusal: checked.refusal, reason: checked.reason, version: checked.version, at: this.now() };
      else this.refusal = null;
      return checked.kind === 'rejected' ? { kind: 'rejected', refusal: checked.refusal, reason: checked.reason } : { kind: 'unchanged' };
    }
    const { catalog, computedEtag } = checked;
    this.store.durable((db) =>
      db
        .prepare(
          `INSERT INTO catalog (id, version, etag, body, signature, fetched_at) VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET version = excluded.version, etag = excluded.etag, body = excluded.body, signature = excluded.signature, fetched_at = excluded.fetched_at`,
        )
        .run(catalog.version, computedEtag, signed.payload, signed.signature.value, this.now()),
    );
    this.current = catalog;
    this.source = 'platform';
    this.etag = computedEtag;
    this.refusal = null;
    for (const l of this.listeners) l(catalog);
    return { kind: 'updated', version: catalog.version };
  }

  async refresh(source: CatalogSource): Promise<CatalogUpdate> {
    const r = await source.catalog(this.etag);
    if (r.kind === 'not-modified') {
      this.refusal = null;
      return { kind: 'unchanged' };
    }
    if (r.kind === 'retry' && r.reason.startsWith('platform answer broke the contract')) {
      // An answer without the signature fields is not a signed catalog: refused like an unsigned one.
      const reason = `not a signed catalog (${r.reason})`;
      this.refusal = { refusal: 'unsigned', reason, version: null, at: this.now() };
      return { kind: 'rejected', refusal: 'unsigned', reason };
    }
    if (r.kind !== 'ok') return { kind: 'rejected', refusal: 'fetch', reason: `catalog fetch failed: ${r.reason}` };
    return this.accept(r.value, r.etag);
  }

  private check(
    signed: SignedCatalog,
    etag: string | null,
  ):
    | { kind: 'fine'; catalog: Catalog; computedEtag: string }
    | { kind: 'same' }
    | { kind: 'rejected'; refusal: CatalogRefusal; reason: string; version: string | null } {
    const claimed = claimedVersion(signed.payload);
    const reject = (refusal: CatalogRefusal, reason: string) => ({ kind: 'rejected' as const, refusal, reason, version: claimed });
    const verdict = verifySignatures(signed, this.keys());
    if (verdict) return reject(verdict.refusal, verdict.reason);
    const computedEtag = `"${createHash('sha256').update(Buffer.from(signed.payload, 'utf8')).digest('hex')}"`;
    if (etag && etag !== computedEtag) return reject('forged', 'ETag does not match the payload');
    const parsed = CatalogSchema.safeParse(safeJson(signed.payload));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reject('schema-invalid', `signed payload is not a catalog: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`);
    }
    const catalog = parsed.data;
    const order = compareCatalogVersions(catalog.version, this.current.version);
    if (order === 0) {
      if (canonical(catalog) === canonical(this.current)) return { kind: 'same' };
      return reject('older', `version ${catalog.version} is the one in use but its content differs: the platform must raise the version`);
    }
    if (order < 0) return reject('older', `version ${catalog.version} is older than ${this.current.version} in use`);
    const unfit = this.fits(catalog);
    if (unfit.length) return reject('unfit', `the journeys cannot run with it: ${unfit.slice(0, 3).join('; ')}${unfit.length > 3 ? ` (+${unfit.length - 3} more)` : ''}`);
    return { kind: 'fine', catalog, computedEtag };
  }

  /** The stored catalog, checked as at its arrival (the Ed25519 signature kept beside it, the schema, the journeys). */
  private loadStored(row: { body: string; signature: string | null }): { catalog: Catalog | null; problem: string | null } {
    const key = this.keys().ed25519;
    if (key && !(row.signature && verifyEd25519(row.signature, row.body, key))) return { catalog: null, problem: 'the stored catalog does not match its signature' };
    const parsed = CatalogSchema.safeParse(safeJson(row.body));
    if (!parsed.success) return { catalog: null, problem: `the stored catalog is not a catalog: ${parsed.error.issues[0]?.message ?? ''}` };
    // A software update may bring a newer built-in catalog: then that one is in use, and that is not a fault.
    if (compareCatalogVersions(parsed.data.version, this.builtIn.version) <= 0) return { catalog: null, problem: null };
    const unfit = this.fits(parsed.data);
    if (unfit.length) return { catalog: null, problem: `the journeys of this version cannot run with the stored catalog ${parsed.data.version}: ${unfit[0]}` };
    return { catalog: parsed.data, problem: null };
  }
}

function verifySignatures(signed: SignedCatalog, keys: CatalogKeys): { refusal: CatalogRefusal; reason: string } | null {
  const edValue = signed.signature.value;
  if (keys.sm2) {
    // 国密 on: the SM2 signature is required; an Ed25519 one, when present, must verify too.
    if (!signed.sm2Signature) return { refusal: 'unsigned', reason: 'SM2 (国密) is required and the catalog has no SM2 signature' };
    if (!verifySm2(signed.sm2Signature.value, signed.payload, keys.sm2)) return { refusal: 'forged', reason: 'SM2 signature does not verify with the pinned SM2 key' };
    if (edValue && keys.ed25519 && !verifyEd25519(edValue, signed.payload, keys.ed25519)) return { refusal: 'forged', reason: 'signature does not verify' };
    return null;
  }
  if (!keys.ed25519) return { refusal: 'no-key', reason: 'no pinned platform key' };
  if (!edValue) return { refusal: 'unsigned', reason: 'the catalog carries no signature' };
  if (!verifyEd25519(edValue, signed.payload, keys.ed25519)) return { refusal: 'forged', reason: 'signature does not verify' };
  return null;
}

function verifyEd25519(signatureBase64: string, payload: string, key: Uint8Array): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  try {
    return signature.length === 64 && ed25519.verify(signature, Buffer.from(payload, 'utf8'), key);
  } catch {
    return false;
  }
}

function verifySm2(signatureHex: string, payload: string, publicKeyHex: string): boolean {
  try {
    return sm2.doVerifySignature(Array.from(Buffer.from(payload, 'utf8')), signatureHex, publicKeyHex, { hash: true, der: false, userId: SM2_USER_ID });
  } catch {
    return false;
  }
}

function canonical(c: Catalog): string {
  return JSON.stringify(CatalogSchema.parse(c));
}

function claimedVersion(payload: string): string | null {
  const v = (safeJson(payload) as { version?: unknown } | null)?.version;
  return typeof v === 'string' ? v.slice(0, 64) : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
