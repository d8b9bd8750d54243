import { statfsSync } from 'node:fs';

/**
 * The store could not make something durable: the disk is full, a write or
 * fsync failed, the card went read-only. A known failure of the hardware, not
 * a bug: the transaction was rolled back and the caller tells the resident it
 * did not go through.
 */
export class StoreUnavailable extends Error {
  constructor(
    readonly reason: 'disk-full' | 'io-error' | 'read-only',
    readonly detail: string,
  ) {
    super(`store unavailable (${reason}): ${detail}`);
    this.name = 'StoreUnavailable';
  }
}

const SQLITE: readonly [RegExp, StoreUnavailable['reason']][] = [
  [/^SQLITE_FULL/, 'disk-full'],
  [/^SQLITE_READONLY/, 'read-only'],
  [/^SQLITE_(IOERR|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/, 'io-error'],
];
const ERRNO: Readonly<Record<string, StoreUnavailable['reason']>> = { ENOSPC: 'disk-full', EDQUOT: 'disk-full', EFBIG: 'disk-full', EROFS: 'read-only', EIO: 'io-error', ENXIO: 'io-error', ENODEV: 'io-error' };

const DURABILITY_CALLS = new Set(['open', 'write', 'pwrite', 'writev', 'fsync', 'fdatasync', 'close', 'rename', 'mkdir', 'ftruncate']);

/** A storage failure as a `StoreUnavailable`, or null when `e` is something else (a bug, a constraint). */
export function asStoreUnavailable(e: unknown): StoreUnavailable | null {
  if (e instanceof StoreUnavailable) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  for (const [re, reason] of SQLITE) if (re.test(code)) return new StoreUnavailable(reason, `${code}: ${(e as Error).message}`);
  const reason = ERRNO[code];
  if (reason) return new StoreUnavailable(reason, `${code}: ${(e as Error).message}`);
  // Any other failure of a file-system call that makes data durable (a dying card returns odd errnos).
  const syscall = (e as { syscall?: unknown }).syscall;
  if (typeof syscall === 'string' && DURABILITY_CALLS.has(syscall)) return new StoreUnavailable('io-error', `${syscall} ${code}: ${(e as Error).message}`);
  return null;
}

/** Bytes an unprivileged writer may still use on the filesystem holding `dir`, or null when it cannot be asked. */
export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
