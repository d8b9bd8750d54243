import { z } from 'zod';
import { MAX_BODY_BYTES } from './common';

/** Largest single attachment (a multi-page scan). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Largest chunk of one PUT. */
export const MAX_CHUNK_BYTES = MAX_BODY_BYTES;

/**
 * Resumable, content-addressed upload:
 * `GET /v1/attachments/{sha256}` says how many bytes the platform holds;
 * `PUT /v1/attachments/{sha256}` with `Content-Range: bytes {start}-{end}/{total}`
 * appends one chunk that must start exactly at that offset (else 409
 * `range-mismatch` with the current offset). When the last byte arrives the
 * platform checks the digest: a mismatch discards the upload (422
 * `digest-mismatch`). Re-uploading a complete attachment is a no-op.
 */
export const AttachmentStatusSchema = z.object({
  sha256: z.string(),
  /** Declared by the first chunk; null before any byte arrived. */
  totalBytes: z.number().int().nonnegative().nullable(),
  receivedBytes: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type AttachmentStatus = z.infer<typeof AttachmentStatusSchema>;

export const ContentRangeSchema = z
  .string()
  .regex(/^bytes \d+-\d+\/\d+$/, 'expected "bytes {start}-{end}/{total}"');

export interface ContentRange {
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

/** Parses `bytes 0-1023/4096`; null when the header is malformed or inconsistent. */
export function parseContentRange(header: string): ContentRange | null {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = Number(m[3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || !Number.isSafeInteger(total)) return null;
  if (start > end || end >= total) return null;
  return { start, end, total };
}

export function formatContentRange(range: ContentRange): string {
  return `bytes ${range.start}-${range.end}/${range.total}`;
}
