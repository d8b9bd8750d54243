import { buildEntryBundles, TEST_BUNDLE_ENV } from '../support/entry-bundles';

/**
 * Once per Playwright run: the kiosk and the platform simulator bundled (test/support/entry-bundles.ts);
 * the workers inherit the folder's name and start both from it. Removed when the run ends.
 */
export default async function globalSetup(): Promise<() => void> {
  const bundles = await buildEntryBundles();
  process.env[TEST_BUNDLE_ENV] = bundles.dir;
  return () => bundles.dispose();
}
