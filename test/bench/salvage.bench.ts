/**
 * Start-up with a damaged 100,000-item store (a flipped outbox leaf page, a
 * damaged outbox root page) against opening the same store healthy: the
 * kiosk must come back by itself in bounded time, not spin on a garbage
 * rowid. Items go in through the real code path (sealed, numbered).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRecordCipher } from '../../offline-cache/crypto/record-cipher';
import { Outbox } from '../../offline-cache/outbox/outbox';
import { Store } from '../../offline-cache/store/database';
import { flipBytes } from '../support/damaged-store';
import { payloadFor } from '../support/offline-kiosk';
import { tempDir } from '../support/processes';
import { figure, type Emit } from './format';

const ROWS = Number(process.env['BENCH_SALVAGE_ROWS'] ?? 100_000);

function timedOpen(dir: string): { ms: number; store: Store } {
  const t0 = process.hrtime.bigint();
  const store = Store.open({ dataDir: dir });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, store };
}

export default async function salvageBench(emit: Emit): Promise<void> {
  const root = tempDir('bench-salvage');
  try {
    const source = path.join(root, 'source');
    const store = Store.open({ dataDir: source });
    const outbox = new Outbox(store, createRecordCipher(randomBytes(32)));
    const payload = payloadFor('SX-TY-XD-0001-000001');
    for (let filled = 0; filled < ROWS; filled += 5_000) {
      store.light((db) => {
        for (let i = 0; i < Math.min(5_000, ROWS - filled); i++) outbox.enqueueIn(db, 'application', payload);
      });
    }
    store.close();
    const file = (dir: string) => path.join(dir, 'kiosk.db');
    const db = new Database(file(source), { readonly: true });
    const leaves = db.prepare(`SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
    const outboxRoot = db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'outbox'`).pluck().get() as number;
    db.close();

    const healthy = path.join(root, 'healthy');
    cpSync(source, healthy, { recursive: true });
    const h = timedOpen(healthy);
    h.store.close();
    emit(figure(`open a healthy ${ROWS}-item store (integrity check + migrations)`, h.ms, 'ms', null));

    for (const [name, damage] of [
      ['512 flipped bytes in an outbox leaf page', (f: string) => flipBytes(f, leaves[Math.floor(leaves.length / 2)]!, 100, 512)],
      ['a damaged outbox root page', (f: string) => flipBytes(f, outboxRoot, 0, 2_000)],
    ] as const) {
      const dir = path.join(root, name.replace(/\W+/g, '-'));
      cpSync(source, dir, { recursive: true });
      damage(file(dir));
      const d = timedOpen(dir);
      const r = d.store.integrity;
      d.store.close();
      if (r.ok) throw new Error(`${name}: the damage was not noticed`);
      emit(figure(`start + salvage a ${ROWS}-item store with ${name} vs healthy open`, d.ms, 'ms', h.ms));
      emit(figure(`${name}: items kept of ${ROWS}`, r.recovered['outbox'] ?? 0, 'items', ROWS));
      emit(figure(`${name}: applications reported lost`, r.lost.applications, 'items', null));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
