import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * How a key (data key, device key, audit key) is protected on disk. The
 * composition root chooses one: systemd-creds (TPM2 or the host key), a
 * key-encryption key provisioned at install, Electron's safeStorage, or —
 * demo only — the plain 0600 file. Nothing below the composition root knows
 * which.
 */
export interface SecretSealer {
  /** What the dashboard shows, e.g. `systemd-creds:tpm2`, `kek:credential`, `file-0600`. */
  readonly kind: string;
  /**
   * Tag written in a sealed file's first line; files tagged otherwise are not
   * this sealer's. Absent for the plain file, which is written headerless.
   */
  readonly scheme?: string;
  /** `name` binds the sealed blob to the key's role (data.key, device.key): swapped files do not open. */
  seal(secret: Buffer, name?: string): Buffer;
  unseal(sealed: Buffer, name?: string): Buffer;
}

/** Demo and legacy: the file's 0600 mode is the only protection. */
export const plainFileSealer: SecretSealer = {
  kind: 'file-0600',
  seal: (secret) => Buffer.from(secret),
  unseal: (sealed) => Buffer.from(sealed),
};

/** A key file that exists but cannot be opened here. Nothing was changed on disk. */
export class SealedKeyError extends Error {
  override readonly name = 'SealedKeyError';
}

const HEADER = 'OTK-SEALED/1 ';

function parseSealed(bytes: Buffer): { scheme: string; payload: Buffer } | null {
  if (bytes.length < HEADER.length || bytes.subarray(0, HEADER.length).toString('latin1') !== HEADER) return null;
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) return null;
  return { scheme: bytes.subarray(HEADER.length, nl).toString('utf8'), payload: bytes.subarray(nl + 1) };
}

function encode(sealer: SecretSealer, secret: Buffer, name: string): Buffer {
  const payload = sealer.seal(secret, name);
  return sealer.scheme ? Buffer.concat([Buffer.from(`${HEADER}${sealer.scheme}\n`, 'utf8'), payload]) : payload;
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every filesystem lets a directory be fsynced; the renames are still atomic.
  }
}

function writeDurable(file: string, bytes: Buffer): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Overwrites a file's bytes in place, flushes, then unlinks it. On a
 * journaling or copy-on-write filesystem old blocks may survive; it removes
 * the key from the folder an intruder copies, not from the raw flash.
 */
export function shredFile(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(Math.max(size, 1)), 0, Math.max(size, 1), 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(file);
}

export interface SealedSecretOptions {
  /** The key's role, bound into the seal and named in errors ("data.key"). */
  readonly name: string;
  readonly create: () => Buffer;
  /** Null when `secret` is a well-formed key, else why not. */
  readonly validate: (secret: Buffer) => string | null;
  /** Reads headerless files written before sealing (default: the plain 0600 file). */
  readonly legacy?: readonly SecretSealer[];
}

export interface SealedSecret {
  readonly secret: Buffer;
  readonly created: boolean;
  /** The sealer kind a headerless key was read with before it was sealed and its plain copy shredded. */
  readonly migratedFrom: string | null;
  readonly warnings: readonly string[];
}

function openLegacy(bytes: Buffer, o: SealedSecretOptions): { secret: Buffer; kind: string } | null {
  for (const s of o.legacy ?? [plainFileSealer]) {
    try {
      const secret = s.unseal(bytes, o.name);
      if (o.validate(secret) === null) return { secret, kind: s.kind };
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * Loads a key sealed with `sealer`, creating it on first boot. A key still in
 * a plain (headerless) file is sealed in place: the sealed copy is written
 * and read back first, then swapped in atomically, then the plain copy is
 * overwritten and unlinked — at no point is the key only in memory. A key
 * sealed some other way, or one this machine cannot open, is a
 * `SealedKeyError` and the file is left as it is.
 */
export function loadOrCreateSealedSecret(file: string, sealer: SecretSealer, o: SealedSecretOptions): SealedSecret {
  mkdirSync(path.dirname(file), { recursive: true });
  const warnings: string[] = [];
  const plainCopy = `${file}.plain`;
  const tmp = `${file}.tmp`;
  if (!existsSync(file) && existsSync(plainCopy)) {
    // Interrupted between keeping the plain copy and swapping in the sealed one: the plain copy is the key.
    renameSync(plainCopy, file);
    warnings.push(`${o.name}: an interrupted sealing was rolled back; sealing again`);
  }
  if (!existsSync(file)) {
    const secret = o.create();
    writeDurable(tmp, encode(sealer, secret, o.name));
    renameSync(tmp, file);
    fsyncDir(path.dirname(file));
    return { secret, created: true, migratedFrom: null, warnings };
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    chmodSync(file, 0o600);
    warnings.push(`${o.name}: key file mode was ${mode.toString(8)}; tightened to 600`);
  }
  const bytes = readFileSync(file);
  const sealed = parseSealed(bytes);
  if (sealed) {
    if (!sealer.scheme || sealed.scheme !== sealer.scheme) {
      throw new SealedKeyError(`${o.name} in ${path.dirname(file)} is sealed with ${sealed.scheme}, but this kiosk seals with ${sealer.kind}; the file is left as it is (docs/provisioning.md, "Key sealing")`);
    }
    let secret: Buffer;
    try {
      secret = sealer.unseal(sealed.payload, o.name);
    } catch (e) {
      throw new SealedKeyError(`${o.name} in ${path.dirname(file)} cannot be unsealed with ${sealer.kind} on this machine (${(e as Error).message.trim().split('\n').at(-1)}); was the data folder copied from another kiosk? The file is left as it is`);
    }
    const bad = o.validate(secret);
    if (bad) throw new SealedKeyError(`${o.name} in ${path.dirname(file)}: ${bad}; the file is left as it is`);
    if (existsSync(plainCopy)) finishMigration(plainCopy, secret, o, warnings);
    return { secret, created: false, migratedFrom: null, warnings };
  }
  if (!sealer.scheme) {
    // A headerless sealer (the plain file) reads its own files only.
    const own = openLegacy(bytes, { ...o, legacy: [sealer] });
    if (!own) throw new SealedKeyError(`${o.name} in ${path.dirname(file)} is not a readable key (${o.validate(bytes) ?? 'unknown format'}); wrong sealer? The file is left as it is`);
    if (existsSync(plainCopy)) unlinkIfSameFile(plainCopy, file);
    return { secret: own.secret, created: false, migratedFrom: null, warnings };
  }
  const legacy = openLegacy(bytes, o);
  if (!legacy) {
    throw new SealedKeyError(`${o.name} in ${path.dirname(file)} is not a readable key (${o.validate(bytes) ?? 'unknown format'}); wrong sealer? The file is left as it is`);
  }
  // Migration: sealed copy written and verified, plain kept as a hard link, sealed swapped in, plain shredded.
  const encoded = encode(sealer, legacy.secret, o.name);
  writeDurable(tmp, encoded);
  const back = parseSealed(readFileSync(tmp));
  if (!back || !sealer.unseal(back.payload, o.name).equals(legacy.secret)) {
    unlinkSync(tmp);
    throw new SealedKeyError(`${o.name}: sealing with ${sealer.kind} did not read back the same key; the plain key is left as it is`);
  }
  if (existsSync(plainCopy)) unlinkIfSameFile(plainCopy, file);
  if (!existsSync(plainCopy)) linkSync(file, plainCopy);
  renameSync(tmp, file);
  fsyncDir(path.dirname(file));
  shredFile(plainCopy);
  fsyncDir(path.dirname(file));
  return { secret: legacy.secret, created: false, migratedFrom: legacy.kind, warnings };
}

function unlinkIfSameFile(plainCopy: string, file: string): void {
  const a = statSync(plainCopy);
  const b = statSync(file);
  if (a.ino === b.ino && a.dev === b.dev) unlinkSync(plainCopy);
}

/** The sealed key is in place; a plain copy left by an interrupted migration is shredded once it holds the same key. */
function finishMigration(plainCopy: string, secret: Buffer, o: SealedSecretOptions, warnings: string[]): void {
  const left = openLegacy(readFileSync(plainCopy), o);
  if (left && left.secret.equals(secret)) {
    shredFile(plainCopy);
    warnings.push(`${o.name}: finished shredding the plain copy of an interrupted sealing`);
  } else {
    warnings.push(`${o.name}: ${plainCopy} does not hold the sealed key; left for a technician to inspect`);
  }
}

/**
 * Loads the 32-byte data key from `file`, creating it on first boot. A key
 * file that others can read is tightened to 0600 (the caller logs the
 * warning); a plain key is sealed in place when `sealer` seals.
 */
export function loadOrCreateDataKey(
  file: string,
  sealer: SecretSealer,
  legacy?: readonly SecretSealer[],
): { readonly key: Buffer; readonly created: boolean; readonly warning: string | null; readonly migratedFrom: string | null } {
  const r = loadOrCreateSealedSecret(file, sealer, {
    name: path.basename(file),
    create: () => randomBytes(32),
    validate: (s) => (s.length === 32 ? null : `has ${s.length} bytes, expected 32`),
    ...(legacy ? { legacy } : {}),
  });
  return { key: r.secret, created: r.created, warning: r.warnings.length > 0 ? r.warnings.join('; ') : null, migratedFrom: r.migratedFrom };
}
