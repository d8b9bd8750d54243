import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { rendererCsp, WEB_SHELL_CONNECT_SRC } from './contract/csp';

/** The CSP also travels in the page itself, so the built bundle carries its policy wherever it is served from. */
function cspMeta(): Plugin {
  return {
    name: 'kiosk-csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: rendererCsp({ connectSrc: WEB_SHELL_CONNECT_SRC, meta: true }) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The renderer is served by the host (web shell) or by Electron's app:// protocol: relative asset paths work in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    // No data: URLs: the CSP allows fonts and scripts from 'self' only.
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
