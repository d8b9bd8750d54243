/**
 * `npm run dist [-- --arch amd64,arm64]`: the Debian package of the web-shell
 * kiosk for each architecture asked (default: this machine's), built by
 * scripts/build-deb.ts — another architecture than this machine's takes its
 * npm packages' prebuilt binaries and a cross-compiled better-sqlite3
 * (scripts/native-cross.ts) — then the Electron packages
 * (electron-builder.yml) when Electron's binary is installed; without it
 * they are skipped with one line, not failed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDeb } from './build-deb';
import { electronBinary } from './launch-plan';
import { parseArch } from './native-cross';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--arch');
const asked = i > 0 ? (process.argv[i + 1] ?? '') : process.env['KIOSK_DEB_ARCH'] ?? process.arch;
let arches;
try {
  arches = [...new Set(asked.split(',').filter((a) => a.trim()).map(parseArch))];
  if (arches.length === 0) throw new Error('--arch names no architecture: amd64, arm64 or amd64,arm64');
} catch (err) {
  console.error(`dist: ${(err as Error).message}`);
  process.exit(2);
}
for (const arch of arches) {
  const deb = await buildDeb({ out: path.join(root, 'release'), arch });
  console.log(`built ${path.relative(root, deb.file)} (web shell, ${deb.arch})`);
}
if (!electronBinary(root)) {
  console.log('Electron packages skipped: the Electron binary is not installed (node_modules/electron/dist)');
} else {
  const r = spawnSync('npx', ['electron-builder', '--config', 'electron-builder.yml'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
