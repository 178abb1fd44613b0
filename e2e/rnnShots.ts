import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Screenshots of the RNN chapter's specs (rnn.spec.ts, rnn-pasted.spec.ts), in light and dark, to look at. */
export const SHOTS = '/tmp/shots-rnn';

export async function setTheme(page: Page, theme: 'light' | 'dark') {
  if (!(await page.getByTestId('theme-toggle').isVisible())) {
    // Presenter mode hides the header (and its toggle): switch the attribute the theme toggle would set.
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    return;
  }
  const isDark = async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark';
  if ((await isDark()) !== (theme === 'dark')) await page.getByTestId('theme-toggle').click();
  await expect.poll(isDark).toBe(theme === 'dark');
}

export async function shoot(
  page: Page,
  name: string,
  themes: readonly ('light' | 'dark')[] = ['light', 'dark'],
) {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of themes) {
    await setTheme(page, theme);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png` });
  }
  await setTheme(page, 'light');
}
