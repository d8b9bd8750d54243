import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { kioskBundleOptions } from '../../scripts/build-production';
import { REPO_ROOT } from '../support/processes';
import { BUNDLED_ENTRIES, TEST_BUNDLE_ENV } from '../support/entry-bundles';

/**
 * Builds the bundles into a fresh folder one level below the repo (`.test-bundles-XXXXXX/`: import.meta.url
 * then resolves REPO_ROOT, package.json and the renderer as from the sources, and the native modules from the
 * repo's node_modules) and returns it with its removal.
 */
async function buildEntryBundles(): Promise<{ dir: string; dispose(): void }> {
  const dir = mkdtempSync(path.join(REPO_ROOT, '.test-bundles-'));
  try {
    await build({ ...kioskBundleOptions(BUNDLED_ENTRIES, dir, { readable: true, sourcemap: false }), logLevel: 'error' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Once per Playwright run: the kiosk and the platform simulator bundled (test/support/entry-bundles.ts);
 * the workers inherit the folder's name and start both from it. Removed when the run ends.
 */
export default async function globalSetup(): Promise<() => void> {
  const bundles = await buildEntryBundles();
  process.env[TEST_BUNDLE_ENV] = bundles.dir;
  return () => bundles.dispose();
}
