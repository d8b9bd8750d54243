import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
