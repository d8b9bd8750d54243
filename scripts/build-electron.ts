/**
 * Bundles the Electron main process (with the host it composes) and the
 * sandboxed preload into dist-electron/. Native modules stay external and are
 * unpacked from the asar by electron-builder.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NATIVE_EXTERNALS = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'sharp', 'electron-updater'];

export async function buildElectron(outDir = path.join(root, 'dist-electron')): Promise<void> {
  await build({
    entryPoints: { main: path.join(root, 'electron/main/index.ts') },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: NATIVE_EXTERNALS,
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  await build({
    entryPoints: { preload: path.join(root, 'electron/preload/index.ts') },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectron();
  console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
}
