/**
 * `platform-intake`: how much the platform simulator can absorb, so the
 * kiosk-side `drain` figures measure the kiosk, not the simulator.
 * - batch-intake: applications/s through signed 100-item batches to
 *   platform-sim (its own process, real SQLite, fsync per batch) vs bare
 *   better-sqlite3 inserting the same rows 100 per transaction with
 *   synchronous=FULL in this process (the storage floor).
 * - duplicate-intake: the same batches again (every item a duplicate, as
 *   after a lost response or a reconnect herd) vs first delivery.
 * - one-item-request p50: a signed 1-item batch vs an unsigned GET /v1/health
 *   on the same keep-alive connection pool (auth + validation + commit cost).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { startPlatformProcess, tempDir } from '../support/processes';
import { applicationItem, TestKiosk } from '../support/platform-kiosk';
import { figure, percentile, type Emit } from './format';

const BATCHES = 30;
const PER_BATCH = 100;
const SINGLES = 300;

export default async function platformIntake(emit: Emit): Promise<void> {
  const platform = await startPlatformProcess();
  try {
    const kiosk = new TestKiosk(platform.url, 'SX-BENCH-0001');
    if ((await kiosk.provision()).status !== 201) throw new Error('provisioning failed');
    let seq = 0;
    const batches = Array.from({ length: BATCHES }, () => Array.from({ length: PER_BATCH }, () => applicationItem(undefined, ++seq)));
    // Warm up: connection, JIT, SQLite pages.
    await kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem(undefined, ++seq)] });

    const send = async (items: unknown[]) => {
      const res = await kiosk.request('POST', '/v1/applications/batch', { items });
      if (res.status !== 200) throw new Error(`intake answered ${res.status}`);
      await res.arrayBuffer();
    };
    let t = performance.now();
    for (const b of batches) await send(b);
    const firstMs = performance.now() - t;
    t = performance.now();
    for (const b of batches) await send(b);
    const duplicateMs = performance.now() - t;

    const bareMs = bareInserts(batches);
    const total = BATCHES * PER_BATCH;
    emit(figure('batch-intake', total / (firstMs / 1000), 'applications/s', total / (bareMs / 1000)));
    emit(figure('duplicate-intake', total / (duplicateMs / 1000), 'applications/s', total / (firstMs / 1000)));

    const single: number[] = [];
    const health: number[] = [];
    for (let i = 0; i < SINGLES; i++) {
      let s = performance.now();
      await send([applicationItem(undefined, ++seq)]);
      single.push(performance.now() - s);
      s = performance.now();
      await (await fetch(`${platform.url}/v1/health`)).arrayBuffer();
      health.push(performance.now() - s);
    }
    single.sort((a, b) => a - b);
    health.sort((a, b) => a - b);
    emit(figure('one-item-request-p50', percentile(single, 50), 'ms', percentile(health, 50)));
    emit(figure('one-item-request-p99', percentile(single, 99), 'ms', percentile(health, 99)));
  } finally {
    await platform.stop();
  }
}

/** The same rows, 100 per transaction, WAL + synchronous=FULL: what the disk allows. */
function bareInserts(batches: readonly { clientId: string; seq: number; payload: unknown }[][]): number {
  const db = new Database(path.join(tempDir('bench-bare'), 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE intake (client_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, payload TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO intake (client_id, seq, payload) VALUES (?, ?, ?)');
  const tx = db.transaction((items: readonly { clientId: string; seq: number; payload: unknown }[]) => {
    for (const i of items) insert.run(i.clientId, i.seq, JSON.stringify(i.payload));
  });
  const t = performance.now();
  for (const b of batches) tx(b);
  const ms = performance.now() - t;
  db.close();
  return ms;
}
