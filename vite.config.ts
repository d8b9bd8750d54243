import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served by the host (web shell) or by Electron's app:// protocol: relative asset paths work in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
