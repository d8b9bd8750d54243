import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The entry points a test run starts many times, bundled once per run with the production build's esbuild
 * options (readable, not minified): a kiosk then starts in about half the time it takes through tsx
 * (1.1 s against 2.3 s on an idle 2-core machine, twice that under a suite's load), the platform simulator
 * likewise, and the tests run the code the .deb ships, bundled the same way. Built by test/e2e/global-setup.ts;
 * this file stays free of esbuild, because processes.ts (and the children bundled from it) import it.
 */
export const BUNDLED_ENTRIES = {
  start: 'scripts/start.ts',
  'platform-sim': 'platform-sim/main.ts',
} as const;

/** Names the run's bundle folder for the runner's workers (and their children). */
export const TEST_BUNDLE_ENV = 'KIOSK_TEST_BUNDLE_DIR';

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
