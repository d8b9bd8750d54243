import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './processes';

export interface ChildBundle {
  /** The bundled entry point, run with `process.execPath`. */
  readonly entry: string;
  dispose(): void;
}

/**
 * Bundles a child entry from test/support/children/ into one ESM file, so each of many short-lived
 * children starts in a fraction of a second. It sits inside the repo so the bundle resolves the native
 * better-sqlite3 from node_modules.
 */
export async function bundleChild(name: string): Promise<ChildBundle> {
  const outdir = path.join(REPO_ROOT, 'node_modules', '.cache', `kiosk-${name}-${process.pid}`);
  await build({
    entryPoints: [path.join(REPO_ROOT, 'test/support/children', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return { entry: path.join(outdir, `${name}.mjs`), dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}
