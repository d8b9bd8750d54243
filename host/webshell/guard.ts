import { rendererCsp, WEB_SHELL_CONNECT_SRC } from '../../contract/csp';
import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the web shell: only pages served by this host, on the
 * loopback address, holding this boot's token. Plain functions so the rules
 * are unit-tested apart from the server.
 */
export interface GuardPolicy {
  readonly port: number;
  readonly token: string;
}

export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Rejects DNS rebinding: a foreign name resolving to 127.0.0.1 still sends its own Host. */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).has(hostHeader.toLowerCase());
}

/** Browsers send Origin on cross-origin requests and on every WebSocket; absent means same-origin or non-browser. */
export function originAllowed(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return originHeader === `http://127.0.0.1:${port}` || originHeader === `http://localhost:${port}`;
}

export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearer(authorization: string | undefined): string | undefined {
  const m = /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  return m?.[1];
}

/** Strict CSP for the renderer (see contract/csp.ts). */
export const RENDERER_CSP = rendererCsp({ connectSrc: WEB_SHELL_CONNECT_SRC });

/** The renderer's CSP plus the video desk's origins (and nothing else) when video help is configured. */
export function rendererCspWith(videoDeskSources: readonly string[]): string {
  return videoDeskSources.length ? rendererCsp({ connectSrc: [...WEB_SHELL_CONNECT_SRC, ...videoDeskSources] }) : RENDERER_CSP;
}

/** The same, as the built index.html's meta element carries it (no frame-ancestors). */
export function rendererCspMeta(videoDeskSources: readonly string[]): string {
  return rendererCsp({ connectSrc: [...WEB_SHELL_CONNECT_SRC, ...videoDeskSources], meta: true });
}
