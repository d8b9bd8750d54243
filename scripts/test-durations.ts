/**
 * Writes test/durations.json from a vitest JSON report: the seconds each test
 * file took, for files of 2 s and more, so `test/support/slow-first-sequencer.ts`
 * starts the longest first on a clean CI checkout.
 *
 *   npx vitest run --reporter=json --outputFile=/tmp/unit.json
 *   npx tsx scripts/test-durations.ts /tmp/unit.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = process.argv[2];
if (!report) {
  console.error('usage: tsx scripts/test-durations.ts VITEST_JSON_REPORT');
  process.exit(2);
}
interface Report {
  testResults: { name: string; startTime: number; endTime: number }[];
}
const parsed = JSON.parse(readFileSync(report, 'utf8')) as Report;
if (!Array.isArray(parsed.testResults) || parsed.testResults.length === 0) {
  console.error(`${report}: no testResults (is it a vitest --reporter=json report?)`);
  process.exit(1);
}
const rows = parsed.testResults
  .map((r) => [path.relative(root, r.name).split(path.sep).join('/'), Math.round((r.endTime - r.startTime) / 100) / 10] as const)
  .filter(([, s]) => s >= 2)
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
writeFileSync(path.join(root, 'test', 'durations.json'), `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
console.log(`test/durations.json: ${rows.length} files of 2 s or more`);
