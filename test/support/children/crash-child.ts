/**
 * A kiosk that submits and syncs as fast as it can, to be killed with
 * SIGKILL at random points by test/integration/offline-cache/crash.test.ts.
 * `ACK <clientId>` is written (synchronously) only after the submission
 * committed: that is the moment a resident would read "已提交".
 */
import { writeSync } from 'node:fs';
import { CATALOG } from '../../../contract/catalog';
import { plainFileSealer } from '../../../offline-cache/crypto/key-vault';
import { openOfflineCache } from '../../../offline-cache/offline-cache';
import path from 'node:path';
import { loadCodeMap } from '../../../offline-cache/platform/code-map';
import { ExampleGatewayAdapter } from '../../../offline-cache/platform/example-gateway';
import { fakeScan, submitApplication } from '../offline-kiosk';

const [dataDir, platformUrl, kioskId = 'SX-TY-XD-0001', adapterName = 'v1'] = process.argv.slice(2);
if (!dataDir || !platformUrl || (adapterName !== 'v1' && adapterName !== 'example-gateway')) {
  console.error('usage: crash-child DATA_DIR PLATFORM_URL [KIOSK_ID] [v1|example-gateway]');
  process.exit(2);
}
// Bundled, this file no longer sits beside the repository: the code map is found from the working directory (the repo).
const codeMap = adapterName === 'example-gateway' ? loadCodeMap(path.resolve('contract/province-example/code-map.json')) : null;
const say = (line: string) => writeSync(1, `${line}\n`);
const cache = openOfflineCache({
  ...(codeMap ? { platform: (deps) => new ExampleGatewayAdapter({ ...deps, codeMap }) } : {}),
  dataDir,
  kioskId,
  platformUrl,
  requestTimeoutMs: 2_000,
  sealer: plainFileSealer,
  builtInCatalog: CATALOG,
  bootJitterMs: 0,
  idlePollMs: 50,
  backoff: { baseMs: 20, capMs: 200 },
  onSyncStatus: (s) => say(`SYNC ${s.queueDepth}`),
});
say(`OPEN ${cache.integrity.ok ? 'ok' : 'recovered'}`);
cache.engine.start();
for (let i = 0; ; i++) {
  const r = submitApplication(cache, i % 5 === 0 ? { attachment: fakeScan(20_000 + i) } : {});
  say(`ACK ${r.clientId}`);
  if (i % 3 === 2) cache.engine.kick();
  await new Promise((resolve) => setImmediate(resolve));
}
