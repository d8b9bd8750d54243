/**
 * The renderer's Content-Security-Policy, shared by the web shell (HTTP
 * header), Electron's app:// protocol (header) and the built index.html
 * (meta, for tools that read the page alone): our own scripts and wasm
 * only, no inline script, nothing remote.
 */
export function rendererCsp(options: { connectSrc: readonly string[]; meta?: boolean }): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src ${["'self'", ...options.connectSrc].join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // frame-ancestors is ignored (and warned about) in a meta element.
  if (!options.meta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

export const WEB_SHELL_CONNECT_SRC = ['ws://127.0.0.1:*', 'ws://localhost:*'] as const;
