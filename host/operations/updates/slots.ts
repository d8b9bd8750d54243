import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export type SlotName = 'a' | 'b';

/**
 * A/B slots of the web-shell kiosk under `<dataDir>/slots/`:
 *
 *   slots/a/, slots/b/     unpacked release bundles (package.json, app/, dist/, node_modules/)
 *   slots/current → a      the slot the service starts; absent = the packaged install (/usr/lib/onething-kiosk)
 *
 * `current` is switched with one rename of a fresh symlink, so a power cut
 * leaves either the old or the new pointer, never none.
 */
export class SlotStore {
  constructor(readonly dir: string) {}

  get currentLink(): string {
    return path.join(this.dir, 'current');
  }

  /** The slot `current` points to, or null for the packaged install. */
  current(): SlotName | null {
    try {
      const target = readlinkSync(this.currentLink);
      return target === 'a' || target === 'b' ? target : null;
    } catch {
      return null;
    }
  }

  /** Where the next release goes: never the running slot. */
  inactive(): SlotName {
    return this.current() === 'a' ? 'b' : 'a';
  }

  slotDir(slot: SlotName): string {
    return path.join(this.dir, slot);
  }

  /** The version in a slot's package.json, or null when the slot is empty or damaged. */
  versionOf(slot: SlotName | null): string | null {
    if (!slot) return null;
    try {
      const v = (JSON.parse(readFileSync(path.join(this.slotDir(slot), 'package.json'), 'utf8')) as { version?: unknown }).version;
      return typeof v === 'string' ? v : null;
    } catch {
      return null;
    }
  }

  /**
   * Unpacks a verified tarball into `slot` (replacing what was there) and
   * checks it is a bundle of `expectVersion`. A failure leaves the slot empty.
   */
  unpack(slot: SlotName, tarball: string, expectVersion: string): void {
    mkdirSync(this.dir, { recursive: true });
    const dest = this.slotDir(slot);
    const tmp = `${dest}.unpacking`;
    rmSync(tmp, { recursive: true, force: true });
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    try {
      // GNU tar refuses members with `..` and strips leading `/`; owners are ours, not the archive's.
      execFileSync('tar', ['-xzf', tarball, '-C', tmp, '--no-same-owner'], { stdio: 'pipe' });
      const pkgFile = path.join(tmp, 'package.json');
      if (!existsSync(pkgFile) || !existsSync(path.join(tmp, 'app', 'start.mjs'))) throw new Error('the release is not a kiosk bundle (package.json and app/start.mjs expected)');
      const version = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version?: unknown }).version;
      if (version !== expectVersion) throw new Error(`the bundle says version ${String(version)}, its signed metadata ${expectVersion}`);
      renameSync(tmp, dest);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
  }

  /** Points `current` at `slot` (null: back to the packaged install), atomically. */
  switchTo(slot: SlotName | null): void {
    mkdirSync(this.dir, { recursive: true });
    if (slot === null) {
      rmSync(this.currentLink, { force: true });
      return;
    }
    const tmp = `${this.currentLink}.next`;
    rmSync(tmp, { force: true });
    symlinkSync(slot, tmp);
    renameSync(tmp, this.currentLink);
  }

  /** The slot that holds `version`, if any. */
  slotWith(version: string): SlotName | null {
    for (const s of ['a', 'b'] as const) if (this.versionOf(s) === version) return s;
    return null;
  }
}
