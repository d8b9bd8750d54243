/**
 * `npm run dist`: the Debian package of the web-shell kiosk for this
 * machine's architecture (scripts/build-deb.ts), then the Electron packages
 * (electron-builder.yml) when Electron's binary is installed — without it
 * they are skipped with one line, not failed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDeb } from './build-deb';
import { electronBinary } from './launch-plan';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const deb = await buildDeb({ out: path.join(root, 'release') });
console.log(`built ${path.relative(root, deb.file)} (web shell, ${deb.arch})`);
if (process.arch !== 'arm64') console.log('arm64 web-shell package: build on an arm64 machine (docs/packaging.md)');
if (!electronBinary(root)) {
  console.log('Electron packages skipped: the Electron binary is not installed (node_modules/electron/dist)');
} else {
  const r = spawnSync('npx', ['electron-builder', '--config', 'electron-builder.yml'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
