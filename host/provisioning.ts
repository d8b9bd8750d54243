import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { KioskConfig } from './config';
import { DEMO_CLERK } from './staff/staff';
import { CredentialsFile } from './operations/maintenance/credentials';
import { verifyPin } from './operations/maintenance/pin-hash';

/**
 * Provisioning a production kiosk (docs/provisioning.md): the platform's
 * public keys are imported from a file the platform operator hands over, the
 * kiosk's public key is exported for the platform's registry (`keys.json`),
 * and a production start is refused, with one line, while anything of demo
 * mode or an unprovisioned state is left.
 */

/** The platform's public keys, as a file: the same field names as the provisioning response. */
export const PlatformKeyFileSchema = z
  .object({
    platformPublicKey: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'expected the base64 of a 32-byte Ed25519 public key'),
    /** SM2 public key (uncompressed, `04` + 128 hex) for the 国密 catalog signature. */
    platformSm2PublicKey: z
      .string()
      .regex(/^04[0-9a-f]{128}$/, 'expected an uncompressed SM2 public key in hex')
      .optional(),
  })
  .strict();
export type PlatformKeyFile = z.infer<typeof PlatformKeyFileSchema>;

/** Where the imported platform keys live: readable by the kiosk, written only by provisioning. */
export function platformKeyPath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'platform-key.json');
}

/** `SHA256:` + unpadded base64 of the SHA-256 of the key bytes, as ssh shows host keys. */
export function fingerprint(keyBytes: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(keyBytes).digest('base64').replace(/=+$/, '')}`;
}

export function sm2Fingerprint(hex: string): string {
  return fingerprint(Buffer.from(hex, 'hex'));
}

/** Parses a platform key file; a bad one is a value naming what is wrong. */
export function parsePlatformKeyFile(text: string, source: string): { ok: true; value: PlatformKeyFile } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${source}: not JSON (${(e as Error).message})` };
  }
  const parsed = PlatformKeyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}

/** The imported platform keys, or null when none was imported (a damaged file counts as none and says so). */
export function readImportedPlatformKey(dataDir: string): PlatformKeyFile | null {
  const file = platformKeyPath(dataDir);
  if (!existsSync(file)) return null;
  const r = parsePlatformKeyFile(readFileSync(file, 'utf8'), file);
  return r.ok ? r.value : null;
}

/**
 * Writes the platform keys into the data folder (atomically, 0640). Run as
 * root by `onething-kiosk-provision`, the file is given to the data folder's
 * owner, so the kiosk's own user can read it.
 */
export function writeImportedPlatformKey(dataDir: string, keys: PlatformKeyFile): string {
  const file = platformKeyPath(dataDir);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o640 });
  giveToOwnerOf(dataDir, tmp);
  giveToOwnerOf(dataDir, path.dirname(file));
  renameSync(tmp, file);
  return file;
}

/** root writing into the kiosk's folder hands the file to the folder's owner (no-op otherwise). */
export function giveToOwnerOf(dir: string, file: string): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const owner = statSync(dir);
  chownSync(file, owner.uid, owner.gid);
}

/** The platform key the store pinned (provisioned with a token in demo, or imported), read without opening the store for writing. */
function storePinnedKey(dataDir: string): string | null {
  const file = path.join(dataDir, 'kiosk.db');
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare(`SELECT value FROM meta WHERE key = 'platform_public_key'`).get() as { value: string } | undefined;
      return row?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Demo staff and the demo maintenance PIN, if a data folder still has them. */
export async function demoCredentialsIn(dataDir: string, demoPin: string): Promise<{ kind: 'clerk' | 'pin'; message: string } | null> {
  const staffFile = path.join(dataDir, 'staff.json');
  if (existsSync(staffFile)) {
    try {
      const staff = JSON.parse(readFileSync(staffFile, 'utf8')) as { staff?: { staffId?: string }[] };
      if (staff.staff?.some((s) => s.staffId === DEMO_CLERK.staffId)) return { kind: 'clerk', message: `the demo clerk '${DEMO_CLERK.staffId}' is in ${staffFile}` };
    } catch {
      /* a damaged staff file is the staff desk's to report */
    }
  }
  try {
    const pin = CredentialsFile.in(dataDir).read().pin;
    if (pin && (await verifyPin(demoPin, pin))) return { kind: 'pin', message: `the maintenance PIN in ${CredentialsFile.in(dataDir).file} is the demo PIN` };
  } catch {
    /* damaged credentials keep maintenance locked; not a demo credential */
  }
  return null;
}

/**
 * Why a production kiosk must not start, as one line; null when it may.
 * Checked before anything is composed: a kiosk that would silently run the
 * simulator, simulated devices or demo credentials never goes into service.
 * `newPin` (KIOSK_MAINTENANCE_PIN) replaces a demo PIN, so it does not count.
 */
export async function productionRefusal(config: KioskConfig, options: { demoPin: string; newPin?: string | undefined }): Promise<string | null> {
  if (config.mode !== 'production') return null;
  if (!config.platform.url) return 'production: platform.url (KIOSK_PLATFORM_URL) is not set; a production kiosk never starts the local simulator';
  if (new URL(config.platform.url).protocol !== 'https:') return `production: platform.url must be https (got ${config.platform.url})`;
  if (config.platform.progressUrl && new URL(config.platform.progressUrl).protocol !== 'https:') {
    return `production: platform.progressUrl (KIOSK_PROGRESS_URL) must be https: it is printed on every receipt (got ${config.platform.progressUrl})`;
  }
  for (const device of ['idcard', 'printer', 'scanner'] as const) {
    if (config.devices[device] === 'sim') return `production: devices.${device} is 'sim'; name the real device (a path, 'auto' or 'none')`;
  }
  if (options.newPin === options.demoPin) return 'production: KIOSK_MAINTENANCE_PIN is the demo PIN; choose another';
  const demo = await demoCredentialsIn(config.dataDir, options.demoPin);
  if (demo?.kind === 'clerk') return `production: demo credentials in the data folder: ${demo.message}; remove that entry`;
  if (demo?.kind === 'pin' && !options.newPin) return `production: demo credentials in the data folder: ${demo.message}; set KIOSK_MAINTENANCE_PIN to replace it`;
  if (!readImportedPlatformKey(config.dataDir) && !storePinnedKey(config.dataDir)) {
    return `production: no platform key is pinned; import it with onething-kiosk-provision import-platform-key FILE (writes ${platformKeyPath(config.dataDir)})`;
  }
  return null;
}
