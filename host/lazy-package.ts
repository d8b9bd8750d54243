/**
 * The namespace of a CommonJS package imported lazily (`await import('mqtt')`), with its named exports.
 * Run by Node from the sources, the namespace carries them; bundled by esbuild (the production build,
 * scripts/build-production.ts, which the e2e tests run too) a lazily imported CommonJS package comes as its
 * `default` only, and `connect`, `Updater`… were undefined there: the fleet link and the web-shell updater
 * failed in the .deb. `probe` names one export the caller needs.
 */
export function lazyPackage<T extends object>(ns: T, probe: keyof T & string): T {
  if (typeof ns[probe] !== 'undefined') return ns;
  const inner = (ns as { default?: unknown }).default;
  if (inner && typeof inner === 'object' && typeof (inner as Record<string, unknown>)[probe] !== 'undefined') return inner as T;
  throw new Error(`the lazily loaded package has no export "${probe}"`);
}
