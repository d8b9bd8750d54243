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
import { fakeScan, submitApplication } from '../offline-kiosk';

const [dataDir, platformUrl, kioskId = 'SX-TY-XD-0001'] = process.argv.slice(2);
if (!dataDir || !platformUrl) {
  console.error('usage: crash-child DATA_DIR PLATFORM_URL [KIOSK_ID]');
  process.exit(2);
}
const say = (line: string) => writeSync(1, `${line}\n`);
const cache = openOfflineCache({
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
