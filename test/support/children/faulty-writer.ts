/**
 * A kiosk that submits applications (every third with a scanned page),
 * evaluations and feedback while test/integration/offline-cache/failing-writes.test.ts
 * makes its writes and fsyncs fail (libfiu, via fiu-ctrl) or fills its disk.
 * `ACK kind marker clientId` is printed only after the commit returned: the
 * moment a resident would read "已提交"; `FAIL kind marker reason` when the
 * kiosk said it did not go through. Waits for `CLOSE` on stdin, then closes.
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CATALOG } from '../../../contract/catalog';
import { plainFileSealer } from '../../../offline-cache/crypto/key-vault';
import { openOfflineCache } from '../../../offline-cache/offline-cache';
import { asStoreUnavailable } from '../../../offline-cache/store/store-errors';
import { fakeScan, payloadFor } from '../offline-kiosk';

const [dataDir, platformUrl, countArg = '150'] = process.argv.slice(2);
if (!dataDir || !platformUrl) {
  console.error('usage: faulty-writer DATA_DIR PLATFORM_URL [COUNT]');
  process.exit(2);
}
const say = (line: string) => writeSync(1, `${line}\n`);
const cache = openOfflineCache({ dataDir, kioskId: 'SX-TY-XD-0001', platformUrl, requestTimeoutMs: 2_000, sealer: plainFileSealer, builtInCatalog: CATALOG, bootJitterMs: 0, idlePollMs: 50, backoff: { baseMs: 20, capMs: 200 } });
const lines = createInterface({ input: process.stdin });
const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
say(`OPEN ${cache.integrity.ok ? 'ok' : 'recovered'}`);
await next(); // GO: the faults are on
cache.engine.start();
const count = Number(countArg);
for (let i = 0; i < count; i++) {
  const kind = i % 5 === 3 ? 'evaluation' : i % 5 === 4 ? 'feedback' : 'application';
  try {
    if (kind === 'application') {
      const scan = i % 3 === 0 ? [{ content: fakeScan(8_000 + i), mediaType: 'image/jpeg', role: 'M01' }] : [];
      const r = cache.ledger.submit({
        matterCode: '01',
        matterTitle: `marker-${i}`,
        deadline: null,
        applicantIdNumber: '140105195803150027',
        applicantMasked: '王*英',
        subItems: [{ code: '01-01', name: '出生医学证明', department: '卫健委' }],
        attachments: scan,
        payload: (localNumber, files) =>
          payloadFor(localNumber, { materials: files.map((f) => ({ kind: 'attachment' as const, materialCode: f.role, sha256: f.address, mediaType: 'image/jpeg' as const, bytes: f.bytes })) }),
      });
      say(`ACK application ${i} ${r.clientId}`);
    } else {
      const r = cache.outbox.enqueue(kind, kind === 'evaluation' ? { level: 'very-satisfied', reasons: [] } : { category: 'other', description: `marker-${i}` });
      say(`ACK ${kind} ${i} ${r.clientId}`);
    }
  } catch (e) {
    const broken = asStoreUnavailable(e);
    if (!broken) {
      say(`BUG ${kind} ${i} ${(e as Error).stack?.replace(/\n/g, ' | ')}`);
      process.exit(3);
    }
    say(`FAIL ${kind} ${i} ${broken.reason}`);
  }
  if (i % 4 === 0) cache.engine.kick();
  await new Promise((resolve) => setTimeout(resolve, 2));
}
say('DONE');
await next(); // CLOSE: the faults are off
// The kiosk stayed up: one more submission goes through once the card behaves.
const after = cache.outbox.enqueue('feedback', { category: 'other', description: 'marker-after' });
say(`ACK feedback after ${after.clientId}`);
await cache.close();
say('CLOSED');
process.exit(0);
