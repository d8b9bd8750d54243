import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/processes';

/**
 * What the attract screen's first load evaluates: renderer/src/main.tsx and what it imports statically,
 * transitively (React.lazy screens and import() come after). The import graph is esbuild's; vite's
 * build follows the same static imports.
 */
async function firstLoadInputs(): Promise<Map<string, string | null>> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: ['renderer/src/main.tsx'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'first-load-graph',
    jsx: 'automatic',
    loader: { '.css': 'empty', '.woff2': 'empty', '.woff': 'empty', '.wasm': 'empty', '.png': 'empty', '.svg': 'empty', '.bin': 'empty' },
    external: ['*?worker', '*?url'],
    logLevel: 'error',
  });
  const inputs = result.metafile.inputs;
  const from = new Map<string, string | null>([['renderer/src/main.tsx', null]]);
  const queue = ['renderer/src/main.tsx'];
  while (queue.length) {
    const file = queue.shift()!;
    for (const imp of inputs[file]?.imports ?? []) {
      if (imp.kind !== 'import-statement' || imp.external || from.has(imp.path)) continue;
      from.set(imp.path, file);
      queue.push(imp.path);
    }
  }
  return from;
}

const chain = (from: Map<string, string | null>, file: string) => {
  const path: string[] = [];
  for (let f: string | null | undefined = file; f; f = from.get(f)) path.unshift(f);
  return path.join(' > ');
};

describe('the renderer\'s first load (docs/packaging.md "Start-up")', () => {
  it('carries no zod, no contract schemas, no catalog, no call code and no dev dock: those come with the screens that use them', async () => {
    const from = await firstLoadInputs();
    const files = [...from.keys()];
    expect(files).toContain('renderer/src/screens/AttractScreen.tsx');
    const unwanted = files.filter((f) => /node_modules\/zod\/|^contract\/(api|catalog|journeys|platform)\/|^contract\/(index|video|identity|result)\.ts$|^renderer\/src\/(video\/kiosk-call|devdock\/sections|catalog\/)/.test(f));
    expect(unwanted.map((f) => chain(from, f))).toEqual([]);
  }, 60_000);
});
