import { test, expect, saveScreenshot, openSecondTab } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Saved progress across tabs and against bad stored data, in real Chromium (two pages of one context share
 * localStorage and get each other's `storage` events): a tab never writes over a newer version's record, tabs merge
 * each other's steps, and a huge unreadable value no longer turns saving off for good.
 */

const KEY = 'gradient-lab:progress';

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test('a tab never overwrites progress written by a newer version in another tab', async ({
  page,
  context,
  pageErrors,
}) => {
  await page.goto('./#/neurons?lesson=1');
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 1 of/);
  const tabB = await openSecondTab(context, pageErrors);
  await tabB.goto('./#/');
  const newer = JSON.stringify({ version: 2, chapters: { neurons: { visits: [{ step: 'one', at: 1 }] } } });
  await tabB.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, newer] as const);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);
  await expect(page.getByTestId('progress-notice')).toContainText('newer version of Gradient Lab');
  await expect(page.getByTestId('progress-unreadable')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 3 of/);
  expect(await stored(page)).toBe(newer);
  await saveScreenshot(page, 'progress-newer-version');
});

test('two tabs of this version merge their progress instead of overwriting it', async ({
  page,
  context,
  pageErrors,
}) => {
  await page.goto('./#/neurons?lesson=1');
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 1 of/);
  const tabB = await openSecondTab(context, pageErrors);
  await tabB.goto('./#/activations?lesson=1');
  await expect(tabB.getByTestId('lesson-step-indicator')).toHaveText(/^Step 1 of/);
  await tabB.keyboard.press('ArrowRight');
  await expect(tabB.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);

  const saved = JSON.parse((await stored(page))!) as { chapters: Record<string, { seen: string[] }> };
  expect(saved.chapters.neurons.seen).toHaveLength(2);
  expect(saved.chapters.activations.seen).toHaveLength(2);
  // Tab B heard of tab A's steps (storage event): its home page counts them without a reload.
  await tabB.evaluate(() => (window.location.hash = '#/'));
  await expect(tabB.getByTestId('chapter-progress-neurons')).toContainText('2 of');
  await expect(tabB.getByTestId('chapter-progress-activations')).toContainText('2 of');
});

test('a huge unreadable progress value can be downloaded, then discarded, and saving works again', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('./#/');
  await expect(page.getByTestId('chapter-list')).toBeVisible();
  // 4 million characters: too big for a second copy within the origin's storage quota.
  const size = 4_000_000;
  await page.evaluate(([key, n]) => localStorage.setItem(key, '#'.repeat(n)), [KEY, size] as const);
  await page.goto('./#/neurons?lesson=1');
  await page.reload();
  await expect(page.getByTestId('progress-notice')).toContainText('could not be read');
  const panel = page.getByTestId('progress-unreadable');
  await expect(panel).toContainText('Progress not saved in this tab');
  await saveScreenshot(page, 'progress-unreadable');

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download the unreadable data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('gradient-lab-progress.txt');
  const { size: bytes } = await import('node:fs').then(async (fs) => fs.promises.stat(await file.path()));
  expect(bytes).toBe(size);

  await panel.getByRole('button', { name: 'Discard the unreadable data' }).click();
  await expect(page.getByTestId('progress-unreadable')).toHaveCount(0);
  await expect(page.getByTestId('progress-notice')).toContainText('discarded');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);
  const saved = JSON.parse((await stored(page))!) as {
    version: number;
    chapters: Record<string, { seen: string[] }>;
  };
  expect(saved.version).toBe(1);
  expect(saved.chapters.neurons.seen).toHaveLength(2);
  // And after a reload nothing is reported any more.
  await page.reload();
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);
  await expect(page.getByTestId('progress-notice')).toHaveCount(0);
  await expect(page.getByTestId('progress-not-saved')).toHaveCount(0);
});
