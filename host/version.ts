import { readFileSync } from 'node:fs';

/** The app version from package.json, read once at start-up. */
export function readVersion(packageJsonUrl: URL = new URL('../package.json', import.meta.url)): string {
  try {
    const pkg = JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
