import path from 'node:path';
import { rendererCsp } from '../../contract/csp';
import { APP_HOST, APP_SCHEME } from './policies';

/**
 * The renderer's policy with app://kiosk as 'self' (contract/csp.ts), plus
 * the video desk's origins when video help is configured (its page checks
 * over http(s), signalling over ws(s); `VideoTickets.connectSources`).
 * Nothing else: TURN and ICE are not fetched by the page (the desk hands
 * them over the signalling socket per call) and are outside connect-src.
 */
export function appCsp(videoSources: readonly string[]): string {
  for (const s of videoSources) {
    if (!/^(https?|wss?):\/\/[^\s/*;,']+$/.test(s)) throw new Error(`not an origin for connect-src: ${s}`);
  }
  return rendererCsp({ connectSrc: videoSources });
}

/** Without video help. */
export const APP_CSP = appCsp([]);

export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.map': 'application/json',
};

/**
 * Maps app://kiosk/<path> to a file inside the renderer bundle, or null for
 * anything else (other hosts, traversal, absolute escapes).
 */
export function resolveAppFile(url: string, rendererRoot: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, '.' + rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

export function mimeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
