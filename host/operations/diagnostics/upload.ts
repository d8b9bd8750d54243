import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../../contract';
import type { AttachmentStatus } from '../../../contract/platform';

/** The platform's content-addressed upload, as the offline-cache PlatformClient offers it. */
export interface ChunkUploader {
  attachmentStatus(sha256: string): Promise<{ kind: string; value?: AttachmentStatus; reason?: string }>;
  uploadChunk(sha256: string, chunk: Uint8Array, start: number, total: number): Promise<{ kind: string; value?: AttachmentStatus; reason?: string }>;
}

/**
 * Sends a diagnostics bundle through the attachment endpoint (signed requests,
 * resumable by byte range), so the platform side finds it by the SHA-256 the
 * command acknowledgement carries.
 */
export async function uploadBundle(client: ChunkUploader, bytes: Uint8Array, chunkBytes = 512 * 1024): Promise<Result<string>> {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const status = await client.attachmentStatus(sha);
  let start = status.kind === 'ok' && status.value ? (status.value.complete ? bytes.length : status.value.receivedBytes) : 0;
  while (start < bytes.length) {
    const chunk = bytes.subarray(start, Math.min(bytes.length, start + chunkBytes));
    const out = await client.uploadChunk(sha, chunk, start, bytes.length);
    if (out.kind !== 'ok') return err('platform-unreachable', '诊断包上传失败，已保存在本机', { detail: `${out.kind}: ${out.reason ?? ''}`.slice(0, 200) });
    start += chunk.length;
  }
  return ok(`sha256 ${sha}`);
}
