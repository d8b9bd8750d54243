import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type Opener =
  | { readonly kind: 'electron'; readonly binary: string }
  | { readonly kind: 'chromium'; readonly binary: string }
  | { readonly kind: 'none'; readonly reason: string };

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
] as const;

/**
 * V8 flags of the kiosk host process, wherever it is started: the systemd
 * unit, `npm start`, Electron's main process (as --js-flags) and the tests'
 * `startKioskProcess`. The host keeps ~40 MiB of live objects, yet V8's
 * default young generation on a 64-bit machine grows to two 16 MiB
 * semi-spaces under the bursts of a journey (JSON, zod, SQLite rows) and
 * keeps them resident for good: the soak measured RSS +35 MiB within the
 * first hundred journeys with the live heap unchanged. 2 MiB semi-spaces
 * bound the young generation at 4 MiB; a journey's garbage costs a few more
 * scavenges of a millisecond or less, nothing a resident could notice.
 */
export const KIOSK_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

/** Electron's npm package writes dist/<path.txt> only when its binary download succeeded. */
export function electronBinary(repoRoot: string, exists: (p: string) => boolean = existsSync): string | null {
  const dir = path.join(repoRoot, 'node_modules', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  if (!exists(pathTxt)) return null;
  const rel = readFileSync(pathTxt, 'utf8').trim();
  const bin = path.join(dir, 'dist', rel);
  return exists(bin) ? bin : null;
}

/** Electron when its binary is present, else Chromium in app mode, else print the URL. */
export function chooseOpener(
  wanted: 'auto' | 'electron' | 'chromium' | 'none',
  found: { electron: string | null; chromium: string | null },
): Opener {
  if (wanted === 'none') return { kind: 'none', reason: 'KIOSK_OPEN=none' };
  if ((wanted === 'auto' || wanted === 'electron') && found.electron) return { kind: 'electron', binary: found.electron };
  if (wanted === 'electron') return { kind: 'none', reason: 'the Electron binary is not installed' };
  if (found.chromium) return { kind: 'chromium', binary: found.chromium };
  return { kind: 'none', reason: 'no Electron binary and no Chromium/Chrome found' };
}

/** Chromium as a kiosk: full screen, no UI chrome, no background traffic, its own profile. */
export function chromiumArgs(url: string, profileDir: string, asRoot: boolean): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,TouchpadOverscrollHistoryNavigation',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--noerrdialogs',
    ...(asRoot ? ['--no-sandbox'] : []),
  ];
}

/**
 * The web-shell token stays off Chromium's command line (which every local
 * user reads in /proc/PID/cmdline): Chromium opens a 0600 page in the kiosk's
 * own run folder that forwards to the UI with the token in the fragment.
 * Returns the file:// URL to pass to `--app=`.
 */
export function writeLaunchPage(runDir: string, uiUrl: string): string {
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const file = path.join(runDir, 'ui-launch.html');
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `<!doctype html><meta charset="utf-8"><title>onething-kiosk</title><script>location.replace(${JSON.stringify(uiUrl)})</script>\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return pathToFileURL(file).href;
}
