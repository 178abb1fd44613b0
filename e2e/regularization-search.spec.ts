import { seriousViolations, KATEX_VISUAL } from './axe';
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { Browser, Page } from '@playwright/test';

/**
 * Chapter 6, the hyperparameter-search step (grid versus random search) against the production build: progress,
 * Pause/Reset/restart, the test error only after the search, the share link replaying the same results, the
 * comparison over seeds, the budget clamp, layout and axe.
 */

/** The step's 1-based position in the chapter: the last step (issue 14's step 7; 5 until steps 5–6 are merged). */
const LESSON = 7;
const STEP = `./#/regularization?lesson=${LESSON}`;
const SHOTS = '/tmp/search-shots';
mkdirSync(SHOTS, { recursive: true });

const readNumber = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());

async function open(page: Page, url = STEP) {
  await page.goto(url);
  await expect(page.getByTestId('figure-search')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('run-status')).toHaveText('idle', { timeout: 20_000 });
  await expect(page.getByTestId('trials-total')).toHaveText(/^\d+$/);
}

/** Everything a finished search reports: both best configurations and both test errors. */
async function results(page: Page) {
  const ids = [
    'best-grid-val',
    'best-grid-lr',
    'best-random-val',
    'best-random-lr',
    'test-grid',
    'test-random',
  ];
  return Object.fromEntries(
    await Promise.all(ids.map(async (id) => [id, await page.getByTestId(id).textContent()])),
  );
}

test('Play runs the search at its pace and pauses when both searches finish; test error only afterwards', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page);
  await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText(`Step ${LESSON} of ${LESSON}`);
  await expect(page.getByTestId('trials-total')).toHaveText('9');
  // Before any trial: the grid's plan is drawn (hollow), nothing scored, no test error.
  await expect(page.getByTestId('test-scores')).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(page, 'trials-done'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect(page.getByTestId('test-scores')).toHaveCount(0); // mid-search: the test set is still untouched
  const progress = page.getByTestId('search-progress');
  expect(Number(await progress.getAttribute('value'))).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: `${SHOTS}/running.png` });
  // The step's natural stopping point is the end of the shown search (stopAt 9 = the budget).
  await expect(page.getByTestId('trials-done')).toHaveText('9', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('paused', { timeout: 10_000 });
  await expect(page.getByTestId('metric-step')).toHaveText('9');
  await expect(page.getByTestId('test-scores')).toBeVisible();
  await expect(page.getByTestId('scatter-grid').locator('[data-done], [data-blown]')).toHaveCount(9);
  await expect(page.getByTestId('scatter-random').locator('[data-done], [data-blown]')).toHaveCount(9);
  await expect(page.getByTestId('scatter-grid').locator('[data-best]')).toHaveCount(1);
  expect(await readNumber(page, 'test-grid')).toBeGreaterThan(0);
  expect(await readNumber(page, 'test-random')).toBeGreaterThan(0);
  // The read-out bar shows the best trial of both searches.
  const best = Math.min(await readNumber(page, 'best-grid-val'), await readNumber(page, 'best-random-val'));
  expect(Math.abs((await readNumber(page, 'metric-val-loss')) - best)).toBeLessThan(1e-3);
  await expect(page.getByTestId('search-formula')).toContainText('test');
  await page.screenshot({ path: `${SHOTS}/finished.png` });
});

test('over 10 seeds, random search finds the lower validation error more often (read-outs)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page);
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect(page.getByTestId('seeds-done')).toHaveText('10', { timeout: 90_000 });
  const random = await readNumber(page, 'random-wins');
  const grid = await readNumber(page, 'grid-wins');
  test.info().annotations.push({ type: 'wins over 10 seeds', description: `random ${random}, grid ${grid}` });
  expect(random).toBeGreaterThan(grid);
  await page.screenshot({ path: `${SHOTS}/tally.png` });
});

test('a search can be paused, reset mid-run and restarted without a stuck worker', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(page, 'trials-done'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  const paused = await readNumber(page, 'trials-done');
  await page.waitForTimeout(1500); // paused means no more trials: nothing should move in this time
  expect(await readNumber(page, 'trials-done')).toBe(paused);
  // Reset while running, then run again to the end.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('trials-done')).toHaveText('0');
  await expect(page.getByTestId('run-status')).toHaveText('idle');
  await expect(page.getByTestId('scatter-grid').locator('[data-done], [data-blown]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 30_000 });
  await expect(page.getByTestId('trials-done')).toHaveText('9');
  await expect(page.getByTestId('test-scores')).toBeVisible();
});

async function openLink(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByTestId('figure-search')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('test-scores')).toBeVisible({ timeout: 60_000 }); // replayed to the shared step
  const r = await results(page);
  await context.close();
  return r;
}

test.describe('share link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a search’s share link, opened twice, replays the same trials and results', async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    await open(page, `${STEP}&seed=11`);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByTestId('trials-done')).toHaveText('1', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Run 10', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText('11', { timeout: 30_000 });
    const original = await results(page);
    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/seed=11/);
    expect(link).toMatch(/at=11/);
    const first = await openLink(browser, link);
    const second = await openLink(browser, link);
    expect(first).toEqual(original);
    expect(second).toEqual(original);
  });
});

test('the instructor preset opens the search with 16 trials; an out-of-range budget is clamped with a notice', async ({
  page,
}) => {
  await page.goto('./#/regularization?lesson=1');
  await page.getByTestId('preset-search-16').click();
  await expect(page.getByTestId('figure-search')).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/budget=16/);
  await expect(page.getByTestId('trials-total')).toHaveText('16', { timeout: 20_000 });
  await page.goto(`${STEP}&budget=99`);
  await expect(page.getByTestId('figure-search')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'budget' }).first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('trials-total')).toHaveText('25');
  // A budget that makes no square grid: both searches get the grid's count, and the figure says so.
  await page.goto(`${STEP}&budget=10`);
  await expect(page.getByTestId('budget-note')).toContainText('9 of the 10', { timeout: 20_000 });
  await expect(page.getByTestId('trials-total')).toHaveText('9');
});

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const isDark = async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark';
  if ((await isDark()) !== (theme === 'dark')) await page.getByTestId('theme-toggle').click();
  await expect.poll(isDark).toBe(theme === 'dark');
}

for (const [name, viewport, query] of [
  ['desktop', { width: 1280, height: 800 }, ''],
  ['presenter', { width: 1920, height: 1080 }, '&present=1'],
  ['phone', { width: 390, height: 844 }, ''],
] as const) {
  test(`layout (${name}): fits, no sideways scroll; screenshots`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await open(page, `${STEP}${query}`);
    await page.getByRole('button', { name: 'Run 10', exact: true }).click();
    await expect(page.getByTestId('test-scores')).toBeVisible({ timeout: 30_000 });
    const figure = page.getByTestId('figure-search');
    if (name !== 'presenter') await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    for (const theme of name === 'presenter' ? (['light'] as const) : (['light', 'dark'] as const)) {
      if (name !== 'presenter') await setTheme(page, theme);
      await page.waitForTimeout(300); // chart colours are re-read on the next frame
      await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png` });
    }
    if (name !== 'presenter') await setTheme(page, 'light');
    await figure.screenshot({ path: `${SHOTS}/${name}-figure.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'sideways scroll').toBeLessThanOrEqual(0);
    if (name === 'desktop') {
      const height = (await figure.boundingBox())?.height ?? Infinity;
      test.info().annotations.push({ type: 'figure height px', description: String(Math.round(height)) });
      expect(height, 'figure with its controls fits one 1280×800 screen').toBeLessThanOrEqual(800);
    }
    if (name === 'presenter') {
      await expect(page.getByTestId('presenter-figure')).toBeVisible();
    }
  });
}

test('axe-core: no serious or critical violations, before and after the search', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  for (const phase of ['before', 'after']) {
    if (phase === 'after') {
      await page.getByRole('button', { name: 'Run 10', exact: true }).click();
      await expect(page.getByTestId('test-scores')).toBeVisible({ timeout: 30_000 });
    }
    const bad = await seriousViolations(page, { exclude: [KATEX_VISUAL] });
    expect(bad, phase).toEqual([]);
  }
});
