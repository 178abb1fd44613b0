/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precachePlugin } from './src/app/offline/precachePlugin.js';
import { cspPlugin } from './src/app/security/cspPlugin.js';

// e2e/updates.spec.ts deploys a second build whose files all have other names, as a real update has: GL_FILE_TAG
// adds a tag to every emitted file name (unset: Vite's usual names).
const fileTag = process.env.GL_FILE_TAG ? `-${process.env.GL_FILE_TAG.replace(/[^a-z0-9]/gi, '')}` : '';
const output = fileTag
  ? {
      entryFileNames: `assets/[name]-[hash]${fileTag}.js`,
      chunkFileNames: `assets/[name]-[hash]${fileTag}.js`,
      assetFileNames: `assets/[name]-[hash]${fileTag}[extname]`,
    }
  : {};

export default defineConfig({
  // `base: './'` keeps every asset URL relative, so `dist/` works from any static host or sub-path;
  // hash routing (#/chapter) needs no server rewrites.
  base: './',
  plugins: [react(), cspPlugin(), precachePlugin()],
  worker: { format: 'es', rolldownOptions: { output } },
  build: {
    outDir: process.env.GL_OUT_DIR ?? 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output },
  },
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
