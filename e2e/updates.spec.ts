import { test, expect, openSecondTab } from './fixtures';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * Deploying a new build while tabs are open. Two real builds whose files have different names (the second built
 * here with GL_FILE_TAG=next) are served in turn from one origin by a small static server, as a host would after a
 * deploy: the old build's files are gone from the server.
 * - Controlled tabs: one tab accepts the update; another tab, still on the old build, can still open a chapter it
 *   had never loaded (the service worker keeps the old version's files while a tab needs them), is told a new
 *   version is active, and its own Reload works. Once no tab needs the old files, their cache is deleted.
 * - A tab without a service worker (first visit, or workers blocked) that meets a vanished chunk reloads itself to
 *   the new build with a notice, keeping its URL.
 */

const oldBuild = resolve(process.env.GL_OUT_DIR ?? 'dist');
const newBuild = `${oldBuild}-next`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Serves one build folder at a time; `deploy(folder)` switches, as a host does. */
function startServer(): Promise<{ server: Server; origin: string; deploy: (dir: string) => void }> {
  let root = oldBuild;
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, origin: `http://127.0.0.1:${port}`, deploy: (dir) => (root = dir) });
    }),
  );
}

// One worker runs this file's tests in order: with fullyParallel, each worker would otherwise run beforeAll and two
// builds into the same folder would race (one copies the raw public/sw.js after the other filled it in).
test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(180_000);
  execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'error'], {
    env: { ...process.env, GL_OUT_DIR: newBuild, GL_FILE_TAG: 'next' },
    stdio: 'pipe',
  });
});

/** The build a page runs: true when its entry script is one of the second build's files (false mid-navigation). */
const runsNewBuild = (page: Page) =>
  page
    .evaluate(() =>
      [...document.querySelectorAll('script[src]')].some((s) => /-next\.js$/.test(s.getAttribute('src')!)),
    )
    .catch(() => false);

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

test('an update in one tab leaves the other tab working, and that tab’s Reload works', async ({
  page,
  context,
  pageErrors,
}) => {
  test.setTimeout(150_000);
  const { server, origin, deploy } = await startServer();
  try {
    expect(readFileSync(join(newBuild, 'index.html'), 'utf8')).toMatch(/-next\.js/);
    await page.goto(`${origin}/#/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => controlled(page), { timeout: 30_000 }).toBe(true);
    const tabB = await openSecondTab(context, pageErrors, 'tab B');
    await tabB.goto(`${origin}/#/`);
    await expect(tabB.getByTestId('chapter-list')).toBeVisible();
    await expect.poll(() => controlled(tabB)).toBe(true);

    deploy(newBuild);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const promptA = page.getByTestId('update-prompt');
    await expect(promptA).toContainText('New version available', { timeout: 30_000 });
    await promptA.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => runsNewBuild(page), { timeout: 30_000 }).toBe(true);
    await expect(page.getByTestId('chapter-list')).toBeVisible();

    // Tab B still runs the old build: a chapter it never loaded comes from the old version's kept files.
    expect(await runsNewBuild(tabB)).toBe(false);
    await tabB.evaluate(() => (window.location.hash = '#/gradient-descent?lesson=1'));
    await expect(tabB.getByTestId('lesson-step-indicator')).toHaveText(/^Step 1 of/);
    await expect(tabB.getByTestId('page-error')).toHaveCount(0);
    // It is told, and its own Reload switches it, keeping the URL.
    const promptB = tabB.getByTestId('update-prompt');
    await expect(promptB).toContainText('New version available');
    await promptB.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => runsNewBuild(tabB), { timeout: 30_000 }).toBe(true);
    await expect(tabB.getByTestId('lesson-step-indicator')).toHaveText(/^Step 1 of/);
    expect(tabB.url()).toContain('#/gradient-descent?lesson=1');

    // No tab needs the old build any more: its cache goes (checked when a page loads).
    await page.reload();
    await expect
      .poll(
        () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('gradient-lab-'))),
        {
          timeout: 20_000,
        },
      )
      .toHaveLength(1);
  } finally {
    server.close();
  }
});

test.describe('a tab without a service worker', () => {
  test.use({
    serviceWorkers: 'block',
    // The vanished chunk's 404 and the failed import are reported by the browser before the tab reloads.
    allowConsoleErrors: [
      [/status of 404/, /Failed to fetch dynamically imported module/, /Unable to preload CSS/],
      { scope: 'test' },
    ],
  });

  test('meets a chunk that is gone after a deploy: it reloads itself to the new build, keeping the URL', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const { server, origin, deploy } = await startServer();
    try {
      await page.goto(`${origin}/#/`);
      await expect(page.getByTestId('chapter-list')).toBeVisible();
      deploy(newBuild);
      await page.evaluate(() => (window.location.hash = '#/gradient-descent?lesson=2'));
      await expect(page.getByTestId('update-reloaded')).toContainText('reloaded to the new version', {
        timeout: 30_000,
      });
      expect(await runsNewBuild(page)).toBe(true);
      await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);
      expect(page.url()).toContain('#/gradient-descent?lesson=2');
    } finally {
      server.close();
    }
  });
});
