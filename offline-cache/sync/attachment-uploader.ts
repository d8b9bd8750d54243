import { MAX_CHUNK_BYTES } from '../../contract/platform';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { PlatformPort } from './platform-port';

export type UploadOutcome =
  | { readonly kind: 'complete' }
  | { readonly kind: 'transient'; readonly reason: string; readonly retryAfterMs: number | null }
  /** The local copy is gone or does not match its address: retrying cannot help. */
  | { readonly kind: 'broken'; readonly reason: string };

/**
 * Resumable upload of one content-addressed attachment: ask the platform how
 * much it holds, send the rest in chunks from exactly that offset. A crash or
 * a dropped connection costs at most one chunk.
 */
export class AttachmentUploader {
  constructor(
    private readonly client: Pick<PlatformPort, 'attachmentStatus' | 'uploadChunk'>,
    private readonly attachments: AttachmentStore,
    private readonly chunkBytes: number = 256 * 1024,
  ) {}

  async ensureUploaded(address: string): Promise<UploadOutcome> {
    const known = this.attachments.describe(address);
    if (!known) return { kind: 'broken', reason: 'attachment row missing' };
    if (this.attachments.uploadedBytes(address) >= known.bytes) return { kind: 'complete' };
    let content: Buffer;
    try {
      content = this.attachments.read(address);
    } catch (e) {
      return { kind: 'broken', reason: `local attachment unreadable: ${(e as Error).message}` };
    }
    const chunk = Math.min(this.chunkBytes, MAX_CHUNK_BYTES);
    // Bounded: each round either advances or re-reads the platform's offset.
    for (let round = 0; round < 4 + Math.ceil(content.length / chunk) * 2; round++) {
      const status = await this.client.attachmentStatus(address);
      if (status.kind !== 'ok') return transient(status);
      if (status.value.complete) {
        this.attachments.markUploaded(address, content.length);
        return { kind: 'complete' };
      }
      let offset = status.value.receivedBytes;
      let mismatch = false;
      while (offset < content.length) {
        const piece = content.subarray(offset, Math.min(content.length, offset + chunk));
        const put = await this.client.uploadChunk(address, piece, offset, content.length);
        if (put.kind === 'refused' && put.status === 409) {
          mismatch = true;
          break;
        }
        if (put.kind === 'refused' && put.status === 422) return { kind: 'broken', reason: `platform rejected the content: ${put.reason}` };
        if (put.kind !== 'ok') return transient(put);
        offset = put.value.receivedBytes;
        this.attachments.markUploaded(address, offset);
        if (put.value.complete) return { kind: 'complete' };
      }
      if (!mismatch && offset >= content.length) return { kind: 'complete' };
    }
    return { kind: 'transient', reason: 'upload offset kept moving', retryAfterMs: null };
  }
}

function transient(o: { kind: string; reason?: string; retryAfterMs?: number | null }): UploadOutcome {
  return { kind: 'transient', reason: o.reason ?? o.kind, retryAfterMs: o.retryAfterMs ?? null };
}
