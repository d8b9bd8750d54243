import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * `<dataDir>/run/webshell.json` (mode 0600): how local tools such as
 * `npm run doctor` reach the running kiosk. Only the user the kiosk runs as
 * (and root) can read the token.
 */
export const RunFileSchema = z.object({
  url: z.string(),
  token: z.string(),
  /** Maintenance token for local tools (doctor); valid until the kiosk restarts. */
  maintenanceToken: z.string(),
  pid: z.number().int(),
  kioskId: z.string(),
  startedAt: z.string(),
});
export type RunFile = z.infer<typeof RunFileSchema>;

export function runFilePath(dataDir: string): string {
  return path.join(dataDir, 'run', 'webshell.json');
}

export function writeRunFile(dataDir: string, info: RunFile): string {
  const file = runFilePath(dataDir);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function readRunFile(dataDir: string): RunFile {
  return RunFileSchema.parse(JSON.parse(readFileSync(runFilePath(dataDir), 'utf8')));
}

export function removeRunFile(dataDir: string, pid: number): void {
  try {
    // Only our own: a newer kiosk process may have written it since.
    if (readRunFile(dataDir).pid === pid) rmSync(runFilePath(dataDir));
  } catch {
    /* already gone */
  }
}
