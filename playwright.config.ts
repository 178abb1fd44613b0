import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Browser tests run against the production build (`vite build` + `vite preview`) in real Chromium.
 * Playwright's own browser download does not work on our machines, so we use a system Chromium:
 * $CHROMIUM_PATH if set, else Debian's /usr/bin/chromium.
 */
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => Boolean(p),
);
const chromium = candidates.find((p) => existsSync(p));
if (!chromium) {
  throw new Error(
    'No Chromium found: install it (Debian: `apt-get install chromium`; elsewhere `npx playwright install chromium`) or set CHROMIUM_PATH.',
  );
}

// Each checkout (or parallel developer) may pick its own port and build folder.
const port = Number(process.env.GL_E2E_PORT ?? 4317);
const outDir = process.env.GL_OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts/,
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, grepInvert: /@perf/ },
    // Timing-sensitive tests (tagged PERF in e2e/fixtures.ts) run alone, after the rest, so other tests do not
    // compete with them for the two cores.
    { name: 'perf', use: { browserName: 'chromium' }, grep: /@perf/, workers: 1, dependencies: ['chromium'] },
  ],
  webServer: {
    command: `npx vite build --mode e2e --logLevel warn && npx vite preview --port ${port} --strictPort`,
    env: { GL_OUT_DIR: outDir },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
