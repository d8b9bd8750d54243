import { CATALOG, oneThingById, type Catalog, type OneThing } from '../../contract/catalog';
import type { EventBus } from '../api/events';
import type { Logger } from '../log';

export interface CatalogInUse {
  readonly catalog: Catalog;
  readonly version: string;
  readonly source: 'built-in' | 'platform';
}

/**
 * The one catalog every host part reads (home screen, guides, journeys,
 * payloads, lookups): the verified platform catalog or the built-in one.
 * A newer one is taken between residents only: while a session is in
 * progress it waits, so a resident finishes with the catalog they started
 * with; `catalog.changed` tells the UI when it is in use.
 */
export class ActiveCatalog implements CatalogLookup {
  private active: CatalogInUse;
  private pending: CatalogInUse | null = null;
  private readonly byId = new Map<string, OneThing>();

  constructor(
    initial: CatalogInUse,
    private readonly o: { readonly bus: EventBus; readonly sessionInProgress: () => boolean; readonly logger: Logger },
  ) {
    this.active = initial;
    this.index();
    o.bus.subscribe((m) => {
      if (m.event === 'session.changed' && m.payload === null) this.applyPending();
    });
  }

  current(): CatalogInUse {
    return this.active;
  }

  get version(): string {
    return this.active.version;
  }

  oneThingById(id: string): OneThing | undefined {
    return this.byId.get(id);
  }

  /** A catalog that passed verification. Used now when no resident is at the kiosk, else when the session ends. */
  offer(next: CatalogInUse): void {
    if (next.version === this.active.version && next.source === this.active.source) return;
    this.pending = next;
    if (this.o.sessionInProgress()) this.o.logger.info({ version: next.version, inUse: this.active.version }, 'catalog update waits for the resident at the kiosk to finish');
    else this.applyPending();
  }

  /** Whether a verified catalog waits for the session in progress to end. */
  get waiting(): string | null {
    return this.pending?.version ?? null;
  }

  private applyPending(): void {
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    this.active = next;
    this.index();
    this.o.logger.info({ version: next.version, source: next.source }, 'catalog in use');
    this.o.bus.emit('catalog.changed', { version: next.version, source: next.source });
  }

  private index(): void {
    this.byId.clear();
    for (const t of this.active.catalog.oneThings) this.byId.set(t.id, t);
  }
}

/** What resident services read of the catalog in use. */
export interface CatalogLookup {
  readonly version: string;
  oneThingById(id: string): OneThing | undefined;
  current(): CatalogInUse;
}

/** The built-in catalog as a lookup, for services composed without the platform (tests, tools). */
export const BUILT_IN_CATALOG: CatalogLookup = {
  version: CATALOG.version,
  oneThingById,
  current: () => ({ catalog: CATALOG, version: CATALOG.version, source: 'built-in' }),
};
