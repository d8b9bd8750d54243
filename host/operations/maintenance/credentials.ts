import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UNLOCKED, type LockoutState } from './lockout';
import type { PinHash } from './pin-hash';

/**
 * `<dataDir>/maintenance/credentials.json`, mode 0600: the PIN's scrypt hash
 * and the lockout state (persisted so a restart does not reset the count).
 */
const CredentialsSchema = z.object({
  pin: z.object({ algo: z.literal('scrypt'), salt: z.string(), hash: z.string(), N: z.number(), r: z.number(), p: z.number() }).nullable(),
  lockout: z.object({ failures: z.number().int().nonnegative(), lockedUntil: z.string().nullable() }),
});
export type Credentials = { readonly pin: PinHash | null; readonly lockout: LockoutState };

export class CredentialsFile {
  constructor(readonly file: string) {}

  static in(dataDir: string): CredentialsFile {
    return new CredentialsFile(path.join(dataDir, 'maintenance', 'credentials.json'));
  }

  /** A damaged file keeps the kiosk locked out of maintenance rather than open. */
  read(): Credentials {
    if (!existsSync(this.file)) return { pin: null, lockout: UNLOCKED };
    const parsed = CredentialsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    if (!parsed.success) throw new Error(`maintenance credentials file is damaged: ${this.file}`);
    return parsed.data;
  }

  write(c: Credentials): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(c), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }
}
