import { createHash } from 'node:crypto';
import { closeSync, createReadStream, ftruncateSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, type AttachmentStatus, type ContentRange } from '../../contract/platform';
import type { Db } from './database';

export type ChunkOutcome =
  | { readonly kind: 'stored'; readonly status: AttachmentStatus; readonly createdNew: boolean }
  | { readonly kind: 'range-mismatch'; readonly status: AttachmentStatus; readonly message: string }
  | { readonly kind: 'too-large'; readonly message: string }
  | { readonly kind: 'digest-mismatch'; readonly message: string };

interface Row {
  sha256: string;
  total_bytes: number;
  received_bytes: number;
  complete: number;
}

/**
 * Resumable, content-addressed uploads. Bytes go to `<sha256>.part` at the
 * chunk's offset (so a chunk written but not recorded before a crash is
 * simply overwritten), then the row moves the offset. On the last byte the
 * file is hashed; only a matching digest becomes `<sha256>`.
 */
export class AttachmentStore {
  private readonly dir: string;
  /** One chunk at a time per digest: two kiosks uploading the same scan must not interleave. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    dataDir: string,
  ) {
    this.dir = path.join(dataDir, 'attachments');
    mkdirSync(this.dir, { recursive: true });
  }

  status(sha256: string): AttachmentStatus {
    const row = this.db.prepare('SELECT * FROM attachments WHERE sha256 = ?').get(sha256) as Row | undefined;
    return row
      ? { sha256, totalBytes: row.total_bytes, receivedBytes: row.received_bytes, complete: row.complete === 1 }
      : { sha256, totalBytes: null, receivedBytes: 0, complete: false };
  }

  /** Path of a complete attachment's bytes, or null. */
  completePath(sha256: string): string | null {
    return /^[0-9a-f]{64}$/.test(sha256) && this.isComplete(sha256) ? path.join(this.dir, sha256) : null;
  }

  isComplete(sha256: string): boolean {
    return this.status(sha256).complete;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE complete = 1').get() as { n: number }).n;
  }

  putChunk(kioskId: string, sha256: string, range: ContentRange, bytes: Uint8Array): Promise<ChunkOutcome> {
    const previous = this.inFlight.get(sha256) ?? Promise.resolve();
    const next = previous.then(() => this.putChunkNow(kioskId, sha256, range, bytes));
    const settled = next.catch(() => undefined);
    this.inFlight.set(sha256, settled);
    void settled.then(() => {
      if (this.inFlight.get(sha256) === settled) this.inFlight.delete(sha256);
    });
    return next;
  }

  private async putChunkNow(kioskId: string, sha256: string, range: ContentRange, bytes: Uint8Array): Promise<ChunkOutcome> {
    if (range.total > MAX_ATTACHMENT_BYTES) return { kind: 'too-large', message: `attachment of ${range.total} bytes exceeds ${MAX_ATTACHMENT_BYTES}` };
    const before = this.status(sha256);
    if (before.complete) return { kind: 'stored', status: before, createdNew: false };
    if (before.totalBytes !== null && before.totalBytes !== range.total) {
      return { kind: 'range-mismatch', status: before, message: `total ${range.total} differs from the ${before.totalBytes} declared earlier` };
    }
    if (range.start !== before.receivedBytes) {
      return { kind: 'range-mismatch', status: before, message: `chunk starts at ${range.start}; resume at ${before.receivedBytes}` };
    }
    const part = path.join(this.dir, `${sha256}.part`);
    const fd = openSync(part, before.receivedBytes === 0 ? 'w' : 'r+');
    try {
      ftruncateSync(fd, range.start);
      writeSync(fd, bytes, 0, bytes.length, range.start);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const received = range.end + 1;
    const now = new Date().toISOString();
    if (received < range.total) {
      this.db
        .prepare(
          `INSERT INTO attachments (sha256, total_bytes, received_bytes, complete, first_kiosk_id, updated_at) VALUES (?, ?, ?, 0, ?, ?)
           ON CONFLICT (sha256) DO UPDATE SET received_bytes = excluded.received_bytes, updated_at = excluded.updated_at`,
        )
        .run(sha256, range.total, received, kioskId, now);
      return { kind: 'stored', status: this.status(sha256), createdNew: true };
    }
    const digest = await hashFile(part);
    if (digest !== sha256) {
      rmSync(part, { force: true });
      this.db.prepare('DELETE FROM attachments WHERE sha256 = ?').run(sha256);
      return { kind: 'digest-mismatch', message: `received bytes hash to ${digest}, not ${sha256}; upload discarded, start again at 0` };
    }
    renameSync(part, path.join(this.dir, sha256));
    this.db
      .prepare(
        `INSERT INTO attachments (sha256, total_bytes, received_bytes, complete, first_kiosk_id, updated_at) VALUES (?, ?, ?, 1, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET received_bytes = excluded.received_bytes, complete = 1, updated_at = excluded.updated_at`,
      )
      .run(sha256, range.total, received, kioskId, now);
    return { kind: 'stored', status: this.status(sha256), createdNew: true };
  }
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
