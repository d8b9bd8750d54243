import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TrialState } from './update-policy';

const TrialStateSchema = z.object({
  version: z.string(),
  previousVersion: z.string().nullable(),
  phase: z.enum(['trial', 'committed']),
  bootsOnTrial: z.number().int().nonnegative(),
});

/** `<dataDir>/update/state.json`: survives the restart an update needs. A damaged file reads as "no state". */
export function readTrialState(dataDir: string): TrialState | null {
  const file = path.join(dataDir, 'update', 'state.json');
  if (!existsSync(file)) return null;
  try {
    const parsed = TrialStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeTrialState(dataDir: string, state: TrialState): void {
  const file = path.join(dataDir, 'update', 'state.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(state), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
