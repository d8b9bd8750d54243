import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a rename or an unlink in `dir` durable (the directory entry itself is fsynced). */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
