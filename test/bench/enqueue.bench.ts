/**
 * Durable enqueue (Outbox.enqueue: sealed body, stream sequence, one
 * synchronous=FULL commit) against a bare better-sqlite3 single-row insert of
 * the same payload bytes with synchronous=FULL in WAL, and a durable enqueue
 * into a queue already holding 100,000 items: the three interleaved in the
 * same run on the same disk.
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

/** Runs the contenders in turn, rotating who goes first, so all see the same disk weather. */
function measure(samples: number, contenders: Record<string, () => void>): Record<string, number[]> {
  const names = Object.keys(contenders);
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < samples; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      const t0 = process.hrtime.bigint();
      contenders[name]!();
      out[name]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  for (const n of names) out[n]!.sort((x, y) => x - y);
  return out;
}

export default async function enqueueBench(emit: Emit): Promise<void> {
  const dir = tempDir('bench-enqueue');
  try {
    const payload = payloadFor('SX-TY-XD-0001-20261126-000001');
    const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
    const open = (name: string) => {
      const store = Store.open({ dataDir: path.join(dir, name) });
      return { store, outbox: new Outbox(store, createRecordCipher(randomBytes(32))) };
    };
    const empty = open('empty');
    const full = open('full');
    // 100k queued through the same code path, many items per commit (fast).
    for (let filled = 0; filled < QUEUED; filled += 5_000) {
      full.store.light((db) => {
        for (let i = 0; i < 5_000; i++) full.outbox.enqueueIn(db, 'application', payload);
      });
    }
    full.store.checkpoint();
    const bare = bareTable(dir);
    const contenders = {
      bare: () => void bare.insert.run(bytes),
      empty: () => void empty.outbox.enqueue('application', payload),
      full: () => void full.outbox.enqueue('application', payload),
    };
    measure(100, contenders); // warm-up: page cache, statement cache, JIT
    const t = measure(SAMPLES, contenders);
    for (const p of [50, 99]) {
      emit(figure(`durable enqueue p${p} vs bare FULL insert (target ≤ 1.3×)`, percentile(t['empty']!, p), 'ms', percentile(t['bare']!, p)));
      emit(figure(`durable enqueue p${p} with ${QUEUED} queued vs empty queue (target ≤ 1.2×)`, percentile(t['full']!, p), 'ms', percentile(t['empty']!, p)));
      emit(figure(`durable enqueue p${p} with ${QUEUED} queued vs bare FULL insert`, percentile(t['full']!, p), 'ms', percentile(t['bare']!, p)));
    }
    bare.db.close();
    empty.store.close();
    full.store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
