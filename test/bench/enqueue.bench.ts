/**
 * Durable enqueue (Outbox.enqueue: sealed body, stream sequence, one
 * synchronous=FULL commit) against a bare better-sqlite3 single-row insert of
 * the same payload bytes with synchronous=FULL in WAL, interleaved in the
 * same run on the same disk; then again with 100,000 items queued.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createRecordCipher } from '../../offline-cache/crypto/record-cipher';
import { Outbox } from '../../offline-cache/outbox/outbox';
import { Store } from '../../offline-cache/store/database';
import { payloadFor } from '../support/offline-kiosk';
import { tempDir } from '../support/processes';
import { figure, percentile, type Emit } from './format';

const SAMPLES = Number(process.env['BENCH_ENQUEUE_SAMPLES'] ?? 1500);
const QUEUED = 100_000;

function bareTable(dir: string) {
  const db = new Database(path.join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO items (body) VALUES (?)');
  return { db, insert };
}

function measure(samples: number, ours: () => void, bare: () => void): { ours: number[]; bare: number[] } {
  const o: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < samples; i++) {
    // Interleaved, alternating who goes first, so both see the same disk weather.
    const first = i % 2 === 0;
    for (const which of first ? [0, 1] : [1, 0]) {
      const t0 = process.hrtime.bigint();
      if (which === 0) ours();
      else bare();
      const dt = Number(process.hrtime.bigint() - t0) / 1e6;
      (which === 0 ? o : b).push(dt);
    }
  }
  return { ours: o.sort((x, y) => x - y), bare: b.sort((x, y) => x - y) };
}

export default async function enqueueBench(emit: Emit): Promise<void> {
  const dir = tempDir('bench-enqueue');
  try {
    const store = Store.open({ dataDir: dir });
    const outbox = new Outbox(store, createRecordCipher(randomBytes(32)));
    const payload = payloadFor('SX-TY-XD-0001-20261126-000001');
    const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
    const bare = bareTable(dir);
    // Warm both paths (page cache, statement cache).
    measure(50, () => outbox.enqueue('application', payload), () => bare.insert.run(bytes));

    const empty = measure(SAMPLES, () => outbox.enqueue('application', payload), () => bare.insert.run(bytes));
    const p50 = percentile(empty.ours, 50);
    const p99 = percentile(empty.ours, 99);
    emit(figure('durable enqueue p50 vs bare FULL insert', p50, 'ms', percentile(empty.bare, 50)));
    emit(figure('durable enqueue p99 vs bare FULL insert', p99, 'ms', percentile(empty.bare, 99)));

    // Fill to 100k queued through the same code path, many items per commit (fast), then measure again.
    const fill = 5_000;
    while (outbox.summary().queued < QUEUED) {
      store.light((db) => {
        for (let i = 0; i < fill; i++) outbox.enqueueIn(db, 'application', payload);
      });
    }
    store.checkpoint();
    bare.db.exec(`INSERT INTO items (body) SELECT body FROM items LIMIT 0`);
    const full = measure(SAMPLES, () => outbox.enqueue('application', payload), () => bare.insert.run(bytes));
    emit(figure(`durable enqueue p50 with ${QUEUED} queued vs bare FULL insert`, percentile(full.ours, 50), 'ms', percentile(full.bare, 50)));
    emit(figure(`durable enqueue p99 with ${QUEUED} queued vs bare FULL insert`, percentile(full.ours, 99), 'ms', percentile(full.bare, 99)));
    emit(figure(`durable enqueue p50 with ${QUEUED} queued vs empty queue`, percentile(full.ours, 50), 'ms', p50));
    emit(figure(`durable enqueue p99 with ${QUEUED} queued vs empty queue`, percentile(full.ours, 99), 'ms', p99));
    bare.db.close();
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
