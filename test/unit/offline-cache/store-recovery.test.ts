import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordCipher } from '../../../offline-cache/crypto/record-cipher';
import { Outbox } from '../../../offline-cache/outbox/outbox';
import { Store } from '../../../offline-cache/store/database';
import { MIGRATIONS } from '../../../offline-cache/store/migrations';
import { tempDir } from '../../support/processes';

function filled(n: number) {
  const dir = tempDir('recovery');
  const key = randomBytes(32);
  const store = Store.open({ dataDir: dir });
  const outbox = new Outbox(store, createRecordCipher(key));
  const ids = Array.from({ length: n }, (_, i) => outbox.enqueue('application', { i, pad: 'p'.repeat(300) }).clientId);
  store.close();
  return { dir, key, ids, file: path.join(dir, 'kiosk.db') };
}

function overwritePage(file: string, pageno: number) {
  const pageSize = 4096;
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(pageSize), 0, pageSize, (pageno - 1) * pageSize);
  closeSync(fd);
}

describe('Store', () => {
  it('opens in WAL with the latest migration and a bounded journal', () => {
    const store = Store.open({ dataDir: tempDir('store'), journalSizeLimitBytes: 1 << 20 });
    const mode = store.read((db) => db.pragma('journal_mode', { simple: true }));
    const version = store.read((db) => db.pragma('user_version', { simple: true }));
    expect(mode).toBe('wal');
    expect(version).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.integrity.ok).toBe(true);
    store.close();
  });

  it('keeps the WAL bounded: a checkpoint truncates it after a burst', () => {
    const store = Store.open({ dataDir: tempDir('wal'), journalSizeLimitBytes: 64 * 1024 });
    const outbox = new Outbox(store, createRecordCipher(randomBytes(32)));
    for (let i = 0; i < 500; i++) outbox.enqueue('feedback', { pad: 'x'.repeat(2000) });
    const wal = `${store.file}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(64 * 1024);
    store.checkpoint();
    expect(statSync(wal).size).toBeLessThanOrEqual(64 * 1024);
    store.close();
  });

  it('checkpoints by itself once writes go idle', async () => {
    const store = Store.open({ dataDir: tempDir('idle'), journalSizeLimitBytes: 0, idleCheckpointMs: 50 });
    const outbox = new Outbox(store, createRecordCipher(randomBytes(32)));
    for (let i = 0; i < 50; i++) outbox.enqueue('feedback', { pad: 'x'.repeat(2000) });
    const wal = `${store.file}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(0);
    await expect.poll(() => statSync(wal).size, { timeout: 5_000, interval: 20 }).toBe(0);
    store.close();
  });

  it('repairs a damaged index by REINDEX without losing a row', () => {
    const { dir, file, ids } = filled(600);
    const db = new Database(file);
    const indexPage = (db.prepare(`SELECT pageno FROM dbstat WHERE name = 'sqlite_autoindex_outbox_1' AND pagetype = 'leaf' LIMIT 1`).pluck().get() as number);
    db.close();
    overwritePage(file, indexPage);
    const store = Store.open({ dataDir: dir });
    expect(store.integrity.ok).toBe(false);
    expect(store.integrity.messages.join(' ')).toMatch(/REINDEX|salvaged/);
    expect(store.integrityOk()).toBe(true);
    const count = store.read((d) => d.prepare('SELECT count(*) FROM outbox').pluck().get());
    expect(count).toBe(ids.length);
    store.close();
  });

  it('salvages every readable row of a file with a destroyed table page and says which rows were lost', () => {
    const { dir, file, key, ids } = filled(600);
    const db = new Database(file);
    const leaves = db.prepare(`SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
    db.close();
    overwritePage(file, leaves[Math.floor(leaves.length / 2)]!);
    const store = Store.open({ dataDir: dir });
    const report = store.integrity;
    expect(report.ok).toBe(false);
    expect(report.quarantinedFile && existsSync(report.quarantinedFile)).toBe(true);
    const recovered = report.recovered['outbox'] ?? 0;
    expect(report.lost.applications).toBeGreaterThan(0);
    expect(recovered).toBeGreaterThan(ids.length / 2);
    expect(recovered + report.lost.applications).toBe(ids.length);
    expect(report.held['outbox']).toBe(ids.length);
    expect(report.gone.application.length).toBe(report.lost.applications);
    expect(store.integrityOk()).toBe(true);
    // What was recovered still opens, and new items continue the sequence after the highest ever used.
    const outbox = new Outbox(store, createRecordCipher(key));
    const batch = outbox.claimBatch('application', { maxBytes: 1e9, maxItems: 10_000 });
    expect(batch.length).toBe(recovered);
    expect(outbox.enqueue('feedback', {}).seq).toBeGreaterThan(ids.length);
    store.close();
  });
});
