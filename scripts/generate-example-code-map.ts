/**
 * Writes contract/province-example/code-map.json: the example province's
 * codes for everything the kiosk can send (docs/platform-api.md). An
 * integrator writes the same file by hand (or from the province's code
 * tables); `npx tsx scripts/generate-example-code-map.ts` regenerates this one
 * after a catalog or journey change.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../contract/catalog';
import { codesWeSend, materialIdsOf, type CodeMapFile } from '../contract/code-map';
import { JOURNEYS } from '../contract/journeys';

const sent = codesWeSend(CATALOG, materialIdsOf(JOURNEYS));
const map: CodeMapFile = {
  format: 'onething-kiosk/code-map@1',
  province: '示例省政务服务网关',
  oneThings: Object.fromEntries(sent.oneThings.map((c) => [c, `1400YJS${c.padStart(3, '0')}`])),
  subItems: Object.fromEntries(sent.subItems.map((c) => [c, `1400ZX${c.replace('-', '')}`])),
  eCertificates: Object.fromEntries(sent.eCertificates.map((c) => [c, `14ZZ${c.slice(2).padStart(4, '0')}`])),
  materials: Object.fromEntries(sent.materials.map((c, i) => [c, `14CL${String(i + 1).padStart(4, '0')}`])),
};
const out = path.join(import.meta.dirname, '..', 'contract', 'province-example', 'code-map.json');
writeFileSync(out, `${JSON.stringify(map, null, 2)}\n`);
console.log(`wrote ${out}: ${Object.values(sent).reduce((n, l) => n + l.length, 0)} codes`);
