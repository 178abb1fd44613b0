/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precachePlugin } from './src/app/offline/precachePlugin.js';
import { cspPlugin } from './src/app/security/cspPlugin.js';

// `base: './'` keeps every asset URL relative, so `dist/` works from any static host or sub-path;
// hash routing (#/chapter) needs no server rewrites.
export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin(), precachePlugin()],
  worker: { format: 'es' },
  build: { outDir: process.env.GL_OUT_DIR ?? 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Component tests opt into the DOM with `// @vitest-environment jsdom` at the top of the file.
    testTimeout: 60_000,
    pool: 'threads',
  },
});
