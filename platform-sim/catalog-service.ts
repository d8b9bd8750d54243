import { CATALOG, CatalogSchema, type Catalog, type ECertificateType } from '../contract/catalog';
import type { SignedCatalog } from '../contract/platform';
import { sha256Hex } from './canonical-json';
import type { PlatformKey } from './platform-key';
import type { PlatformSm2Key } from './platform-sm2-key';
import { readMeta, writeMeta, type Db } from './store/database';

export interface SubItemRoute {
  readonly itemCode: string;
  readonly subItemCode: string;
  readonly departments: readonly string[];
}

/**
 * The catalog the platform serves, signed once per version, and the lookups
 * intake needs (which departments a sub-item goes to, which e-certificate
 * types exist). Starts from the built-in catalog of contract/catalog; an
 * admin may publish a newer one, which is kept across restarts.
 */
export class CatalogService {
  private catalog!: Catalog;
  private signed!: SignedCatalog;
  /** A document served exactly as an admin gave it (tests of the kiosk's refusals); cleared by the next publish. */
  private served: { readonly body: unknown; readonly etag: string } | null = null;
  private etagValue!: string;
  private subItems = new Map<string, SubItemRoute>();
  private items = new Set<string>();
  private certificateTypes = new Map<string, ECertificateType>();

  constructor(
    private readonly db: Db,
    private readonly key: PlatformKey,
    private readonly sm2Key: PlatformSm2Key | null,
  ) {
    const stored = readMeta(db, 'catalog.published');
    this.install(stored ? CatalogSchema.parse(JSON.parse(stored)) : CATALOG);
  }

  /** Publishes a new catalog (already validated); kiosks see a new ETag. */
  publish(catalog: Catalog): void {
    writeMeta(this.db, 'catalog.published', JSON.stringify(catalog));
    this.served = null;
    this.install(catalog);
  }

  /**
   * Serves `body` as GET /v1/catalog exactly as given (not signed, not
   * checked, not kept across restarts): a forged, unsigned or malformed
   * catalog for testing what a kiosk refuses. Intake keeps the published one.
   */
  serveAsIs(body: unknown): string {
    const payload = (body as { payload?: unknown } | null)?.payload;
    const etag = `"${sha256Hex(typeof payload === 'string' ? payload : JSON.stringify(body))}"`;
    this.served = { body, etag };
    return etag;
  }

  /** What GET /v1/catalog answers: the served-as-is document if an admin set one, else the signed current one. */
  response(): { readonly body: unknown; readonly etag: string } {
    return this.served ?? { body: this.signed, etag: this.etagValue };
  }

  current(): { readonly signed: SignedCatalog; readonly etag: string; readonly version: string } {
    return { signed: this.signed, etag: this.etagValue, version: this.catalog.version };
  }

  hasItem(itemCode: string): boolean {
    return this.items.has(itemCode);
  }

  /** The 一件事 of the current catalog by its code, for pages that name it. */
  oneThing(code: string): Catalog['oneThings'][number] | undefined {
    return this.catalog.oneThings.find((t) => t.code === code);
  }

  subItem(code: string): SubItemRoute | undefined {
    return this.subItems.get(code);
  }

  certificateType(code: string): ECertificateType | undefined {
    return this.certificateTypes.get(code);
  }

  private install(catalog: Catalog): void {
    const payload = JSON.stringify(catalog);
    this.catalog = catalog;
    this.signed = {
      payload,
      signature: { alg: 'ed25519', keyId: this.key.keyId, value: this.key.sign(payload) },
      ...(this.sm2Key ? { sm2Signature: { alg: 'sm2-sm3' as const, keyId: this.sm2Key.keyId, value: this.sm2Key.sign(payload) } } : {}),
    };
    this.etagValue = `"${sha256Hex(payload)}"`;
    this.items = new Set(catalog.oneThings.map((t) => t.code));
    this.subItems = new Map(
      catalog.oneThings.flatMap((t) =>
        t.subItems.map((s) => [s.code, { itemCode: t.code, subItemCode: s.code, departments: s.departments.map((d) => d.name) }] as const),
      ),
    );
    this.certificateTypes = new Map(catalog.eCertificates.map((c) => [c.code, c]));
  }
}
