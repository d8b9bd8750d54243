import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyPackage } from '../../../host/lazy-package';
import { kioskBundleOptions } from '../../../scripts/build-production';
import { REPO_ROOT } from '../../support/processes';

describe('lazyPackage: a lazily imported CommonJS package keeps its named exports', () => {
  it('bundled as the production build bundles the host, mqtt and tuf-js give connect, Updater, Metadata', async () => {
    const dir = mkdtempSync(path.join(REPO_ROOT, '.test-bundles-'));
    try {
      await build({ ...kioskBundleOptions({ lazy: 'test/support/children/lazy-packages.ts' }, dir, { readable: true, sourcemap: false }), logLevel: 'error' });
      const out = JSON.parse(execFileSync(process.execPath, [path.join(dir, 'lazy.mjs')], { encoding: 'utf8' })) as Record<string, string>;
      expect(out).toEqual({ connect: 'function', Updater: 'function', Metadata: 'function', MetadataKind: 'object' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the namespace as it is when it has the export, its default when only that has it, and refuses neither', () => {
    const named = { connect: () => 1 };
    expect(lazyPackage(named, 'connect')).toBe(named);
    const inner = { connect: () => 2 };
    expect(lazyPackage({ default: inner } as unknown as typeof named, 'connect')).toBe(inner);
    expect(() => lazyPackage({ default: {} } as unknown as typeof named, 'connect')).toThrow('no export "connect"');
  });
});
