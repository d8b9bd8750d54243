import { useSyncExternalStore } from 'react';
import { CATALOG, type ECertificateType, type OneThing } from '../../../contract/catalog';
import type { ActiveCatalogView } from '../../../contract';
import type { KioskClient } from '../api/client';

/**
 * The catalog the screens show: the host's catalog in use (`catalog.current`),
 * the built-in one until the host has answered. The host takes an update
 * only between residents and then sends `catalog.changed`, so a resident
 * never sees the catalog change under them.
 */
let current: ActiveCatalogView = { version: CATALOG.version, source: 'built-in', oneThings: [...CATALOG.oneThings], eCertificates: [...CATALOG.eCertificates] };
let byId = new Map(current.oneThings.map((t) => [t.id, t]));
let byNumber = new Map(current.eCertificates.map((c) => [c.number, c]));
const listeners = new Set<() => void>();

export function activeCatalog(): ActiveCatalogView {
  return current;
}

export function oneThingById(id: string): OneThing | undefined {
  return byId.get(id);
}

export function eCertificateByNumber(n: number): ECertificateType | undefined {
  return byNumber.get(n);
}

export function setActiveCatalog(next: ActiveCatalogView): void {
  if (next.version === current.version && next.source === current.source) return;
  current = next;
  byId = new Map(next.oneThings.map((t) => [t.id, t]));
  byNumber = new Map(next.eCertificates.map((c) => [c.number, c]));
  for (const l of listeners) l();
}

/** Re-renders when the host's catalog in use changes. */
export function useActiveCatalog(): ActiveCatalogView {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** Fetches the catalog in use now and again after each `catalog.changed`; returns the unsubscribe. */
export function connectCatalog(client: KioskClient): () => void {
  const load = () => void client.api['catalog.current']({}).then((r) => r.ok && setActiveCatalog(r.value));
  load();
  return client.on('catalog.changed', load);
}
