import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { RecordCipher } from '../crypto/record-cipher';
import type { Db, Store } from '../store/database';

export interface StoredAttachment {
  readonly address: string;
  readonly bytes: number;
  readonly mediaType: string;
}

/**
 * Scanned materials, content-addressed (SHA-256 of the plaintext, which the
 * platform re-checks) and sealed on disk beside the database:
 * `attachments/ab/abcdef….bin`. The file is written and fsynced before the
 * row that references it commits; a file without a row (a crash in between,
 * or a purge) is an orphan and `cleanOrphans` removes it.
 */
export class AttachmentStore {
  readonly dir: string;

  constructor(
    private readonly store: Store,
    private readonly cipher: RecordCipher,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(store.dir, 'attachments');
    mkdirSync(this.dir, { recursive: true });
  }

  static addressOf(content: Uint8Array): string {
    return createHash('sha256').update(content).digest('hex');
  }

  private fileOf(address: string): string {
    if (!/^[0-9a-f]{64}$/.test(address)) throw new Error('bad attachment address');
    return path.join(this.dir, address.slice(0, 2), `${address}.bin`);
  }

  /** Step 1, outside any transaction: the sealed file, durable on disk. */
  writeFile(content: Uint8Array): string {
    const address = AttachmentStore.addressOf(content);
    const file = this.fileOf(address);
    if (existsSync(file)) return address;
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, this.cipher.seal(content, address));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
    } catch (e) {
      // A full disk or a failed write leaves no partial file behind.
      rmSync(tmp, { force: true });
      throw e;
    }
    const dirFd = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
    return address;
  }

  /** Step 2, inside the submission's transaction: the row. */
  recordIn(db: Db, address: string, bytes: number, mediaType: string): void {
    db.prepare('INSERT OR IGNORE INTO attachments (address, bytes, media_type, created_at) VALUES (?, ?, ?, ?)').run(address, bytes, mediaType, this.now());
  }

  read(address: string): Buffer {
    const content = this.cipher.open(readFileSync(this.fileOf(address)), address);
    if (AttachmentStore.addressOf(content) !== address) throw new Error(`attachment ${address.slice(0, 12)} does not match its address`);
    return content;
  }

  exists(address: string): boolean {
    return existsSync(this.fileOf(address));
  }

  uploadedBytes(address: string): number {
    return this.store.read((db) => (db.prepare('SELECT uploaded_bytes FROM attachments WHERE address = ?').pluck().get(address) as number | undefined) ?? 0);
  }

  /** Progress of a resumable upload; light durability: after a crash the platform's own offset wins. */
  markUploaded(address: string, uploadedBytes: number): void {
    this.store.light((db) => db.prepare('UPDATE attachments SET uploaded_bytes = ? WHERE address = ?').run(uploadedBytes, address));
  }

  describe(address: string): StoredAttachment | null {
    return this.store.read((db) => {
      const r = db.prepare('SELECT address, bytes, media_type AS mediaType FROM attachments WHERE address = ?').get(address) as StoredAttachment | undefined;
      return r ?? null;
    });
  }

  /** Deletes the rows of attachments no item links to any more; returns their addresses so the caller removes the files after commit. */
  purgeUnreferenced(db: Db): string[] {
    const gone = db
      .prepare(`SELECT a.address FROM attachments a WHERE NOT EXISTS (SELECT 1 FROM outbox_attachments l WHERE l.address = a.address)`)
      .pluck()
      .all() as string[];
    const del = db.prepare('DELETE FROM attachments WHERE address = ?');
    for (const a of gone) del.run(a);
    return gone;
  }

  removeFile(address: string): void {
    rmSync(this.fileOf(address), { force: true });
  }

  /** Files on disk with no row, older than `graceMs` (a submission may be between its two steps). */
  cleanOrphans(graceMs = 10 * 60_000): number {
    const known = new Set(this.store.read((db) => db.prepare('SELECT address FROM attachments').pluck().all() as string[]));
    let removed = 0;
    const cutoff = this.now() - graceMs;
    for (const shard of readdirSync(this.dir)) {
      const shardDir = path.join(this.dir, shard);
      if (!statSync(shardDir).isDirectory()) continue;
      for (const f of readdirSync(shardDir)) {
        const full = path.join(shardDir, f);
        const address = f.replace(/\.bin$/, '');
        const isTemp = f.endsWith('.tmp');
        if ((isTemp || !known.has(address)) && statSync(full).mtimeMs < cutoff) {
          rmSync(full, { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
