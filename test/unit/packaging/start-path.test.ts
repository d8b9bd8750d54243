import { build, type Metafile } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskBundleOptions, PRODUCTION_ENTRIES } from '../../../scripts/build-production';
import { REPO_ROOT } from '../../support/processes';

/** The packages whose code a start evaluates: start.mjs and the chunks it imports statically, transitively. */
function startPath(meta: Metafile, entry: string): { packages: Set<string>; bytes: number } {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]!.imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(entry);
  const packages = new Set<string>();
  let bytes = 0;
  for (const file of seen) {
    bytes += meta.outputs[file]!.bytes;
    for (const input of Object.keys(meta.outputs[file]!.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      packages.add(m ? m[1]! : input.split('/')[0]!);
    }
  }
  return { packages, bytes };
}

describe('the production start path (docs/packaging.md "Start-up")', () => {
  it('leaves the A4 composer, the fleet link, the updater and the paper renderer to lazy chunks', async () => {
    const dir = mkdtempSync(path.join(REPO_ROOT, '.test-bundles-'));
    try {
      const result = await build({ ...kioskBundleOptions({ start: PRODUCTION_ENTRIES.start }, dir, { readable: false }), metafile: true, logLevel: 'error' });
      const meta = result.metafile;
      const entry = Object.keys(meta.outputs).find((f) => f.endsWith('/start.mjs'))!;
      const { packages, bytes } = startPath(meta, entry);
      // A static import of any of these put 1.4 MB (pdf-lib + fontkit) back on every start once.
      for (const lazy of ['pdf-lib', '@pdf-lib/fontkit', 'mqtt', 'tuf-js']) {
        expect(packages.has(lazy), `${lazy} is on the start path`).toBe(false);
        expect(Object.values(meta.outputs).some((o) => Object.keys(o.inputs).some((i) => i.includes(`node_modules/${lazy}/`))), `${lazy} is in no chunk at all`).toBe(true);
      }
      expect(packages.has('zod')).toBe(true);
      // 2.1 MiB today (zod, fastify, the contract, the host); the composer alone would add 1.4 MB.
      expect(bytes).toBeLessThan(2.4 * 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
