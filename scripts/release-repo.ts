/**
 * The release repository of the web-shell kiosk: TUF metadata (root,
 * targets, snapshot, timestamp; one Ed25519 key per role) over release
 * tarballs, each target carrying its `version` and `channel` as custom
 * metadata. Kiosks pin the first root (`metadata/1.root.json`) and use
 * tuf-js to refresh and verify (host/operations/updates/). docs/packaging.md.
 *
 *   <repo>/metadata/{N.root.json, timestamp.json, N.snapshot.json, N.targets.json}
 *   <repo>/targets/<sha256>.<name>          (consistent snapshots: files never change under a reader)
 *   <keys>/{root,targets,snapshot,timestamp}.key.json   private JWKs (0600); keep root's offline
 *
 *   npx tsx scripts/release-repo.ts init REPO KEYS
 *   npx tsx scripts/release-repo.ts pack BUNDLE_DIR OUT.tar.gz           (a production bundle → tarball)
 *   npx tsx scripts/release-repo.ts add REPO KEYS TARBALL --version V [--channel C]
 *   npx tsx scripts/release-repo.ts timestamp REPO KEYS                  (re-sign the timestamp: do it daily)
 */
import { Key, Metadata, MetadataKind, MetaFile, Root, Signature, Snapshot, TargetFile, Targets, Timestamp } from '@tufjs/models';
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TUF_ROLES = ['root', 'targets', 'snapshot', 'timestamp'] as const;
export type TufRole = (typeof TUF_ROLES)[number];

const DAY = 86_400_000;
/** How long each role's signature stays valid: the timestamp is short so a frozen mirror is noticed within a day. */
export const DEFAULT_EXPIRY_MS: Record<TufRole, number> = { root: 365 * DAY, targets: 90 * DAY, snapshot: 30 * DAY, timestamp: DAY };

interface RoleKey {
  readonly private: KeyObject;
  readonly key: Key;
}

/** Canonical JSON (sorted keys, no spaces) as TUF hashes and signs it. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function publicKeyOf(privateKey: KeyObject): Key {
  const jwk = privateKey.export({ format: 'jwk' });
  const hex = Buffer.from(jwk.x!, 'base64url').toString('hex');
  const body = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: hex } };
  const keyID = createHash('sha256').update(canonical(body)).digest('hex');
  return new Key({ keyID, keyType: 'ed25519', scheme: 'ed25519', keyVal: { public: hex } });
}

function loadKeys(keysDir: string): Record<TufRole, RoleKey> {
  const out = {} as Record<TufRole, RoleKey>;
  for (const role of TUF_ROLES) {
    const file = path.join(keysDir, `${role}.key.json`);
    if (!existsSync(file)) throw new Error(`release-repo: no ${role} key at ${file} (run init first)`);
    const priv = createPrivateKey({ key: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>, format: 'jwk' });
    out[role] = { private: priv, key: publicKeyOf(priv) };
  }
  return out;
}

function signWith(md: Metadata<Root | Targets | Snapshot | Timestamp>, k: RoleKey): void {
  md.sign((bytes) => new Signature({ keyID: k.key.keyID, sig: sign(null, bytes, k.private).toString('hex') }), false);
}

function writeJson(file: string, md: { toJSON(): unknown }): Buffer {
  const bytes = Buffer.from(JSON.stringify(md.toJSON(), null, 1));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
  return bytes;
}

function readMd<T extends MetadataKind>(file: string, kind: T) {
  return Metadata.fromJSON(kind as MetadataKind.Root, JSON.parse(readFileSync(file, 'utf8')));
}

const expiry = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface RepoPaths {
  readonly repo: string;
  readonly keys: string;
}

/** New keys (if none) and version 1 of every role, with no targets. Returns the root kiosks pin. */
export function initRepo(p: RepoPaths, now = new Date()): string {
  mkdirSync(p.keys, { recursive: true, mode: 0o700 });
  for (const role of TUF_ROLES) {
    const file = path.join(p.keys, `${role}.key.json`);
    if (existsSync(file)) continue;
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, JSON.stringify(privateKey.export({ format: 'jwk' })), { mode: 0o600 });
  }
  const keys = loadKeys(p.keys);
  const root = new Root({ version: 1, specVersion: '1.0.31', expires: expiry(now, DEFAULT_EXPIRY_MS.root), consistentSnapshot: true });
  for (const role of TUF_ROLES) root.addKey(keys[role].key, role);
  const rootMd = new Metadata(root);
  signWith(rootMd, keys.root);
  const rootFile = path.join(p.repo, 'metadata', '1.root.json');
  writeJson(rootFile, rootMd);
  mkdirSync(path.join(p.repo, 'targets'), { recursive: true });
  publish(p, keys, [], now);
  return rootFile;
}

function currentTargets(p: RepoPaths): Metadata<Targets> | null {
  const snapFile = path.join(p.repo, 'metadata', 'snapshot.json');
  if (!existsSync(snapFile)) return null;
  const snap = readMd(snapFile, MetadataKind.Snapshot) as unknown as Metadata<Snapshot>;
  const v = snap.signed.meta['targets.json']!.version;
  return readMd(path.join(p.repo, 'metadata', `${v}.targets.json`), MetadataKind.Targets) as unknown as Metadata<Targets>;
}

function next(md: { signed: { version: number } } | null): number {
  return (md?.signed.version ?? 0) + 1;
}

/** Signs new targets (with `extra` added), snapshot and timestamp. */
function publish(p: RepoPaths, keys: Record<TufRole, RoleKey>, extra: readonly TargetFile[], now: Date, expiresMs: Partial<Record<TufRole, number>> = {}): void {
  const meta = path.join(p.repo, 'metadata');
  const before = currentTargets(p);
  const targets = new Targets({ version: next(before), specVersion: '1.0.31', expires: expiry(now, expiresMs.targets ?? DEFAULT_EXPIRY_MS.targets), targets: { ...(before?.signed.targets ?? {}) } });
  for (const t of extra) targets.addTarget(t);
  const targetsMd = new Metadata(targets);
  signWith(targetsMd, keys.targets);
  const targetsBytes = writeJson(path.join(meta, `${targets.version}.targets.json`), targetsMd);
  const snapBefore = existsSync(path.join(meta, 'snapshot.json')) ? (readMd(path.join(meta, 'snapshot.json'), MetadataKind.Snapshot) as unknown as Metadata<Snapshot>) : null;
  const snapshot = new Snapshot({
    version: next(snapBefore),
    specVersion: '1.0.31',
    expires: expiry(now, expiresMs.snapshot ?? DEFAULT_EXPIRY_MS.snapshot),
    meta: { 'targets.json': new MetaFile({ version: targets.version, length: targetsBytes.length, hashes: { sha256: createHash('sha256').update(targetsBytes).digest('hex') } }) },
  });
  const snapMd = new Metadata(snapshot);
  signWith(snapMd, keys.snapshot);
  const snapBytes = writeJson(path.join(meta, `${snapshot.version}.snapshot.json`), snapMd);
  // Kept unversioned too, for this tool's own bookkeeping.
  writeJson(path.join(meta, 'snapshot.json'), snapMd);
  writeTimestamp(p, keys, snapshot.version, snapBytes, now, expiresMs.timestamp);
}

function writeTimestamp(p: RepoPaths, keys: Record<TufRole, RoleKey>, snapVersion: number, snapBytes: Buffer, now: Date, ms?: number): void {
  const file = path.join(p.repo, 'metadata', 'timestamp.json');
  const before = existsSync(file) ? (readMd(file, MetadataKind.Timestamp) as unknown as Metadata<Timestamp>) : null;
  const ts = new Timestamp({
    version: next(before),
    specVersion: '1.0.31',
    expires: expiry(now, ms ?? DEFAULT_EXPIRY_MS.timestamp),
    snapshotMeta: new MetaFile({ version: snapVersion, length: snapBytes.length, hashes: { sha256: createHash('sha256').update(snapBytes).digest('hex') } }),
  });
  const md = new Metadata(ts);
  signWith(md, keys.timestamp);
  writeJson(file, md);
}

export interface ReleaseInput {
  readonly tarball: string;
  readonly version: string;
  readonly channel?: string;
  /** Target name; default `onething-kiosk-<version>.tar.gz`. */
  readonly name?: string;
  readonly now?: Date;
  /** Shorter lifetimes, e.g. an already-expired timestamp in a freeze test. */
  readonly expiresMs?: Partial<Record<TufRole, number>>;
}

/** Adds one release tarball as a target and signs targets, snapshot and timestamp anew. */
export function addRelease(p: RepoPaths, r: ReleaseInput): TargetFile {
  if (!/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(r.version)) throw new Error(`release-repo: --version: expected a semantic version such as 1.4.0 (got ${JSON.stringify(r.version)})`);
  const keys = loadKeys(p.keys);
  const bytes = readFileSync(r.tarball);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = r.name ?? `onething-kiosk-${r.version}.tar.gz`;
  copyFileSync(r.tarball, path.join(p.repo, 'targets', `${sha256}.${name}`));
  const target = new TargetFile({ path: name, length: bytes.length, hashes: { sha256 }, unrecognizedFields: { custom: { version: r.version, channel: r.channel ?? 'stable' } } });
  publish(p, keys, [target], r.now ?? new Date(), r.expiresMs);
  return target;
}

/** Re-signs only the timestamp (the daily job that proves the mirror is not frozen). */
export function refreshTimestamp(p: RepoPaths, now = new Date(), ms?: number): void {
  const keys = loadKeys(p.keys);
  const snap = readMd(path.join(p.repo, 'metadata', 'snapshot.json'), MetadataKind.Snapshot);
  const bytes = readFileSync(path.join(p.repo, 'metadata', `${snap.signed.version}.snapshot.json`));
  writeTimestamp(p, keys, snap.signed.version, bytes, now, ms);
}

/** A bundle folder (scripts/build-production.ts output: package.json, app/, dist/, node_modules/) → a .tar.gz. */
export function packBundle(bundleDir: string, outFile: string): string {
  if (!existsSync(path.join(bundleDir, 'package.json')) || !statSync(path.join(bundleDir, 'app')).isDirectory()) {
    throw new Error(`release-repo: ${bundleDir} is not a production bundle (expected package.json and app/)`);
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '-czf', outFile, '-C', bundleDir, '.'], { stdio: 'pipe' });
  return outFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, a, b, c] = process.argv.slice(2);
  const opt = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const usage = 'usage: release-repo.ts init REPO KEYS | pack BUNDLE OUT.tar.gz | add REPO KEYS TARBALL --version V [--channel C] | timestamp REPO KEYS';
  try {
    if (cmd === 'init' && a && b) console.log(`root to pin on kiosks: ${initRepo({ repo: a, keys: b })}`);
    else if (cmd === 'pack' && a && b) console.log(`packed ${packBundle(a, b)}`);
    else if (cmd === 'add' && a && b && c && opt('--version')) {
      const t = addRelease({ repo: a, keys: b }, { tarball: c, version: opt('--version')!, ...(opt('--channel') ? { channel: opt('--channel')! } : {}) });
      console.log(`added ${t.path} (${t.length} bytes)`);
    } else if (cmd === 'timestamp' && a && b) {
      refreshTimestamp({ repo: a, keys: b });
      console.log('timestamp re-signed');
    } else {
      console.error(usage);
      process.exit(2);
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
