import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { waitForQuietMachine } from './machineLoad';

/**
 * The shared fixture: every test fails on an uncaught page error or a console error, because a user
 * would see a broken page even when the assertion we happened to write still passes.
 * A test that provokes an error on purpose lists the expected text in `allowConsoleErrors`.
 */
/** The longest the timing-sensitive (`perf`) tests wait for the machine to catch its breath. */
const QUIET_WAIT_MS = 150_000;

export const test = base.extend<
  { allowConsoleErrors: RegExp[]; pageErrors: string[] },
  { quietMachine: void }
>({
  /**
   * The `perf` project runs right after the main suite: its worker first waits (up to 150 s) until the CPU is
   * mostly idle (e2e/machineLoad.ts), so the timing checks measure this app, not the tail of the main suite.
   */
  quietMachine: [
    // eslint-disable-next-line no-empty-pattern -- a worker fixture that needs no other fixture
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name === 'perf')
        console.log(`perf: ${await waitForQuietMachine(QUIET_WAIT_MS)}`);
      await use();
    },
    { scope: 'worker', auto: true, timeout: QUIET_WAIT_MS + 30_000 },
  ],
  allowConsoleErrors: [[], { option: true }],
  // `auto`: every test gets the listener without asking for it.
  pageErrors: [
    async ({ page, allowConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (allowConsoleErrors.some((re) => re.test(text))) return;
        errors.push(`console.error: ${text}`);
      });
      await use(errors);
      expect(errors, 'page errors and console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Tag for timing-sensitive tests (frame rate, long tasks, time to target). The `perf` project in
 * playwright.config.ts runs them one at a time after everything else, so they measure the page, not the other
 * tests competing for the machine's cores.
 */
export const PERF = { tag: '@perf' } as const;

/** Saves a full-page screenshot under test-results/screens/<name>.png for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results/screens', { recursive: true });
  const path = `test-results/screens/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Another tab in the same browser context (shared storage, service worker and `storage` events). Its page errors and
 * console errors are added to the test's `pageErrors`, so they fail the test like the first tab's.
 */
export async function openSecondTab(
  context: BrowserContext,
  pageErrors: string[],
  label = 'tab 2',
): Promise<Page> {
  const tab = await context.newPage();
  tab.on('pageerror', (err) => pageErrors.push(`${label} pageerror: ${err.message}`));
  tab.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(`${label} console.error: ${msg.text()}`);
  });
  return tab;
}
