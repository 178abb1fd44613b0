import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * The shared fixture: every test fails on an uncaught page error or a console error, because a user
 * would see a broken page even when the assertion we happened to write still passes.
 * A test that provokes an error on purpose lists the expected text in `allowConsoleErrors`.
 */
export const test = base.extend<{ allowConsoleErrors: RegExp[]; pageErrors: string[] }>({
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

/** Saves a full-page screenshot under test-results/screens/<name>.png for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results/screens', { recursive: true });
  const path = `test-results/screens/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}
