/**
 * `npm run bench` runs every benchmark in test/bench; `npm run bench -- NAME` one.
 * Each figure is one JSON line on stdout:
 * {"bench":NAME,"metric":…,"value":N,"unit":…,"baseline":N|null,"ratio":N|null}
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule } from '../test/bench/format';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'bench');
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length ? wanted : available) {
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href)) as BenchModule;
  try {
    await mod.default((line) => process.stdout.write(JSON.stringify({ bench: name, ...line }) + '\n'));
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed: ${(e as Error).stack ?? e}`);
  }
}
process.exit(failed ? 1 : 0);
