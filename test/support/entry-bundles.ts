import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kioskBundleOptions } from '../../scripts/build-production';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The entry points a test run starts many times, bundled once per run with the production build's esbuild
 * options (readable, not minified): a kiosk then starts in about half the time it takes through tsx
 * (1.1 s against 2.3 s on an idle 2-core machine, twice that under a suite's load), the platform simulator
 * likewise, and the tests run the code the .deb ships, bundled the same way.
 */
export const BUNDLED_ENTRIES = {
  start: 'scripts/start.ts',
  'platform-sim': 'platform-sim/main.ts',
} as const;

/** Names the run's bundle folder for the runner's workers (and their children). */
export const TEST_BUNDLE_ENV = 'KIOSK_TEST_BUNDLE_DIR';

/**
 * Builds the bundles into a fresh folder one level below the repo (`.test-bundles-XXXXXX/`: import.meta.url
 * then resolves REPO_ROOT, package.json and the renderer as from the sources, and the native modules from the
 * repo's node_modules) and returns it with its removal.
 */
export async function buildEntryBundles(): Promise<{ dir: string; dispose(): void }> {
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
 * The bundle to run for `entry` (a path relative to the repo), when this run built them; null otherwise
 * (the entry runs through tsx). A run's bundle that is gone is an error, not a silent fall-back.
 */
export function bundledEntry(entry: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env[TEST_BUNDLE_ENV];
  if (!dir) return null;
  const name = Object.entries(BUNDLED_ENTRIES).find(([, source]) => source === path.normalize(entry))?.[0];
  if (!name) return null;
  const file = path.join(dir, `${name}.mjs`);
  if (!existsSync(file)) throw new Error(`${TEST_BUNDLE_ENV}=${dir} has no ${name}.mjs (bundle of ${entry})`);
  return file;
}
