import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a rename or an unlink in `dir` durable (the directory entry itself is fsynced). */
export function fsyncDir(dir: string): void {
  fsyncPath(dir);
}

/** Flushes a file (or directory) to disk. */
export function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
