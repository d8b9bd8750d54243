import { execFileSync, spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { plainFileSealer, type SecretSealer } from '../offline-cache/crypto/key-vault';

/**
 * Which protection the kiosk's keys get on disk in the web shell, chosen
 * once at start (docs/provisioning.md, "Key sealing"):
 *
 * 1. a key-encryption key handed over by systemd (`LoadCredentialEncrypted=kek:…`
 *    in the unit: sealed at install with systemd-creds, TPM2 or the host key) —
 *    the .deb's way, since the kiosk user cannot read the host key itself;
 * 2. systemd-creds directly (TPM2 when present, else the host key) when the
 *    host may use it (root, or `SYSTEMD_CREDENTIAL_SECRET` names a secret file);
 * 3. a KEK file provisioned at install outside the data folder (`/etc/onething-kiosk/kek`);
 * 4. the plain 0600 file — demo only; production says so as a dashboard fault.
 *
 * `KIOSK_KEY_SEALING=systemd-creds|kek|plain` forces one (and fails when it is not there).
 */
export interface KeySealing {
  readonly sealer: SecretSealer;
  /** Headerless key files from before sealing are read with these, then sealed. */
  readonly legacy: readonly SecretSealer[];
}

export const KEK_FILE = '/etc/onething-kiosk/kek';
/** Written by the .deb's postinst beside kek.cred: what systemd-creds sealed the KEK with (`tpm2`, `host`, `host+tpm2`). */
export const KEK_SEALING_FILE = '/etc/onething-kiosk/kek.sealing';

const SEALING_MODES = ['auto', 'systemd-creds', 'kek', 'plain'] as const;
type SealingMode = (typeof SEALING_MODES)[number];

/** AES-256-GCM under a key derived from the KEK; the key's name is bound as associated data. */
export function kekSealer(kek: Buffer, kind: string): SecretSealer {
  if (kek.length < 32) throw new Error(`the key-encryption key has ${kek.length} bytes; at least 32 are needed (head -c 32 /dev/urandom)`);
  const key = Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), 'onething-kiosk key sealing v1', 32));
  const id = createHash('sha256').update(key).digest().subarray(0, 8);
  return {
    kind,
    scheme: 'kek-aes256gcm',
    seal(secret, name = '') {
      const nonce = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, nonce);
      c.setAAD(Buffer.from(name, 'utf8'));
      const ct = Buffer.concat([c.update(secret), c.final()]);
      return Buffer.concat([id, nonce, c.getAuthTag(), ct]);
    },
    unseal(sealed, name = '') {
      if (sealed.length < 36) throw new Error('sealed key is truncated');
      const sid = sealed.subarray(0, 8);
      if (!sid.equals(id)) throw new Error(`sealed under another key-encryption key (${sid.toString('hex')}; this one is ${id.toString('hex')})`);
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(8, 20));
      d.setAAD(Buffer.from(name, 'utf8'));
      d.setAuthTag(sealed.subarray(20, 36));
      try {
        return Buffer.concat([d.update(sealed.subarray(36)), d.final()]);
      } catch {
        throw new Error('the sealed key does not authenticate under this key-encryption key');
      }
    },
  };
}

function runCreds(args: readonly string[], input: Buffer, env: NodeJS.ProcessEnv): Buffer {
  const r = spawnSync('systemd-creds', args, { input, env, maxBuffer: 1 << 20 });
  if (r.error) throw new Error(`systemd-creds: ${r.error.message}`);
  if (r.status !== 0) {
    const why = r.stderr.toString('utf8').split('\n').filter((l) => l && !/not located on encrypted media/.test(l)).at(-1) ?? `exit ${r.status}`;
    throw new Error(`systemd-creds ${args[0]}: ${why}`);
  }
  return r.stdout;
}

/** `systemd-creds has-tpm2` exits 0 only when firmware, driver and system all support TPM2. */
export function hasTpm2(env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync('systemd-creds', ['has-tpm2', '--quiet'], { env, stdio: 'ignore' }).status === 0;
}

/** Each key file sealed by systemd-creds itself, bound to the key's name. Decrypt needs no --with-key: the credential says. */
export function systemdCredsSealer(withKey: 'tpm2' | 'host' | 'host+tpm2', env: NodeJS.ProcessEnv = process.env): SecretSealer {
  return {
    kind: `systemd-creds:${withKey}`,
    scheme: 'systemd-creds',
    seal: (secret, name = 'key') => runCreds(['encrypt', `--with-key=${withKey}`, `--name=${name}`, '-', '-'], secret, env),
    unseal: (sealed, name = 'key') => runCreds(['decrypt', `--name=${name}`, '-', '-'], sealed, env),
  };
}

/** The host key systemd-creds uses unless `SYSTEMD_CREDENTIAL_SECRET` names another. */
export const HOST_CREDENTIAL_SECRET = '/var/lib/systemd/credential.secret';

/**
 * Direct use needs the host key: root, or a secret file named by the
 * environment. Demo never uses the machine's own host key (nor creates it):
 * a demo kiosk's keys must not depend on what else ran on the machine — only
 * a secret named in `SYSTEMD_CREDENTIAL_SECRET` opts a demo run in.
 */
function systemdCredsUsable(env: NodeJS.ProcessEnv, mode: 'demo' | 'production'): boolean {
  const root = process.getuid?.() === 0;
  if (!(env['SYSTEMD_CREDENTIAL_SECRET'] || (root && mode === 'production'))) return false;
  try {
    execFileSync('systemd-creds', ['--version'], { stdio: 'ignore', env });
    return true;
  } catch {
    return false;
  }
}

function readable(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** The KEK as the .deb's postinst sealed it with systemd-creds (the unit's `LoadCredentialEncrypted=kek:` reads it). */
export const KEK_CRED_FILE = '/etc/onething-kiosk/kek.cred';

export function chooseKeySealing(
  kioskMode: 'demo' | 'production',
  env: NodeJS.ProcessEnv = process.env,
  files: { kek?: string; kekCred?: string; kekSealing?: string } = {},
): KeySealing {
  const raw = (env['KIOSK_KEY_SEALING'] ?? 'auto').trim() || 'auto';
  if (!(SEALING_MODES as readonly string[]).includes(raw)) throw new Error(`KIOSK_KEY_SEALING=${raw}: expected one of ${SEALING_MODES.join(', ')}`);
  const mode = raw as SealingMode;
  const legacy = [plainFileSealer];
  if (mode === 'plain') return { sealer: plainFileSealer, legacy };
  const wantKek = mode === 'auto' || mode === 'kek';
  const credDir = env['CREDENTIALS_DIRECTORY'];
  if (wantKek && credDir && existsSync(path.join(credDir, 'kek'))) {
    const how = readable(files.kekSealing ?? KEK_SEALING_FILE)?.toString('utf8').trim();
    return { sealer: kekSealer(readFileSync(path.join(credDir, 'kek')), how ? `kek:systemd-creds:${how}` : 'kek:credential'), legacy };
  }
  // Outside the unit (root running onething-kiosk-provision or doctor): open the same sealed KEK the unit hands over.
  const kekCred = files.kekCred ?? KEK_CRED_FILE;
  if (wantKek && existsSync(kekCred) && systemdCredsUsable(env, kioskMode)) {
    const how = readable(files.kekSealing ?? KEK_SEALING_FILE)?.toString('utf8').trim() ?? 'host';
    return { sealer: kekSealer(runCreds(['decrypt', '--name=kek', kekCred, '-'], Buffer.alloc(0), env), `kek:systemd-creds:${how}`), legacy };
  }
  if (mode === 'auto' || mode === 'systemd-creds') {
    if (systemdCredsUsable(env, mode === 'systemd-creds' ? 'production' : kioskMode)) return { sealer: systemdCredsSealer(hasTpm2(env) ? 'host+tpm2' : 'host', env), legacy };
    if (mode === 'systemd-creds') throw new Error('KIOSK_KEY_SEALING=systemd-creds, but systemd-creds cannot be used here (needs root or SYSTEMD_CREDENTIAL_SECRET, and the systemd package)');
  }
  // The machine's KEK file is the installed kiosk's; a demo run uses it only when told to (KIOSK_KEY_SEALING=kek).
  if (mode === 'kek' || (wantKek && kioskMode === 'production')) {
    const kek = readable(files.kek ?? KEK_FILE);
    if (kek) return { sealer: kekSealer(kek, 'kek:file'), legacy };
    if (mode === 'kek') throw new Error(`KIOSK_KEY_SEALING=kek, but no key-encryption key: neither $CREDENTIALS_DIRECTORY/kek nor ${files.kek ?? KEK_FILE} is readable`);
  }
  return { sealer: plainFileSealer, legacy };
}

/** True when the keys lie in plain files (whatever copies the data folder reads them). */
export function isUnsealed(kind: string): boolean {
  return kind.startsWith('file-0600');
}
