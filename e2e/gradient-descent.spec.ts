import { seriousViolations, KATEX_VISUAL } from './axe';
import { test, expect, saveScreenshot } from './fixtures';
import type { Page } from '@playwright/test';

/** Chapter 5, batch / mini-batch / stochastic gradient descent, learning rates, optimisers, hyperparameters. */

test.use({ viewport: { width: 1280, height: 900 } });

const STEPS = ['batch-modes', 'lr-race', 'optimisers', 'param-panel'];

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const isDark = async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark';
  if ((await isDark()) !== (theme === 'dark')) await page.getByTestId('theme-toggle').click();
  await expect.poll(isDark).toBe(theme === 'dark');
}

async function shootBothThemes(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.waitForTimeout(250);
    await saveScreenshot(page, `${name}-${theme}`);
  }
  await setTheme(page, 'light');
}

test('walks every lesson step with Next, each showing its live figure, in light and dark', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('./#/gradient-descent');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Batch, mini-batch and stochastic');
  for (let i = 0; i < STEPS.length; i++) {
    await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText(
      `Step ${i + 1} of ${STEPS.length}`,
    );
    await expect(page.getByTestId(`figure-${STEPS[i]}`)).toBeVisible({ timeout: 20_000 });
    if (i < 3) await page.getByRole('button', { name: 'Run 100' }).click();
    if (i < 3) await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 20_000 });
    await shootBothThemes(page, `gradient-descent-${i + 1}-${STEPS[i]}`);
    if (i < STEPS.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
});

test('batch modes: iterations per epoch = dataset size / batch size (500 / 50 = 10), counted while training', async ({
  page,
}) => {
  await page.goto('./#/gradient-descent?lesson=1');
  await expect(page.getByTestId('iters-per-epoch-batch')).toHaveText('1', { timeout: 20_000 });
  await expect(page.getByTestId('iters-per-epoch-mini')).toHaveText('10');
  await expect(page.getByTestId('iters-per-epoch-sgd')).toHaveText('500');
  // Default pace: every run is fed the same data, 50 samples per step. After 10 steps each has seen one epoch:
  // batch GD in 1 iteration, mini-batch in 10, stochastic in 500.
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('iters-mini')).toHaveText('10');
  await expect(page.getByTestId('iters-batch')).toHaveText('1');
  await expect(page.getByTestId('iters-sgd')).toHaveText('500');
  for (const run of ['batch', 'mini', 'sgd'])
    await expect(page.getByTestId(`epochs-${run}`)).toHaveText('1.000');

  // Compared per update instead: one iteration each per step.
  await page.getByRole('combobox', { name: 'Compare by' }).selectOption('updates');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('epochs-mini')).toHaveText('1.000');
  await expect(page.getByTestId('epochs-batch')).toHaveText('10.000');
  await expect(page.getByTestId('epochs-sgd')).toHaveText('0.020');

  // A share link with another batch size and dataset size.
  await page.goto('./#/gradient-descent?lesson=1&samples=2000&batch=100');
  await expect(page.getByTestId('iters-per-epoch-mini')).toHaveText('20', { timeout: 20_000 });
  await expect(page.getByTestId('iters-per-epoch-sgd')).toHaveText('2000');
  await page.getByRole('button', { name: 'Run 100' }).click();
  // Same data for every run: after 100 × 100 samples each has seen 5 epochs.
  await expect(page.getByTestId('iters-batch')).toHaveText('5');
  await expect(page.getByTestId('iters-mini')).toHaveText('100');
  await expect(page.getByTestId('iters-sgd')).toHaveText('10000');
});

test('learning rates: the divergent run stops and says so while the others keep going', async ({ page }) => {
  await page.goto('./#/gradient-descent?lesson=2');
  await expect(page.getByTestId('figure-lr-race')).toBeVisible();
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect(page.getByTestId('lr-state-4')).toContainText('diverged at step', { timeout: 20_000 });
  for (const i of [1, 2, 3]) await expect(page.getByTestId(`lr-state-${i}`)).toHaveText('running');
  await expect(page.getByTestId('run-status')).not.toHaveText('diverged');
  const maxStable = Number(await page.getByTestId('max-stable-rate').textContent());
  expect(maxStable).toBeGreaterThan(0.9);
  expect(maxStable).toBeLessThan(1.1);
});

test('optimisers: a preset from a share link (saddle, β = 0.5) loads, and the race runs', async ({
  page,
}) => {
  await page.goto('./#/gradient-descent?lesson=3&surface=saddle&beta=0.5&seed=4');
  await expect(page.getByTestId('figure-optimisers')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Surface' })).toHaveValue('saddle', { timeout: 20_000 });
  await expect(page.getByTestId('run-seed')).toHaveText('seed 4');
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 20_000 });
  await expect(page.getByTestId('optimiser-adam')).toBeVisible();
  await expect(page.getByTestId('optimisers-plot')).toContainText('β = 0.500');
  await saveScreenshot(page, 'gradient-descent-3-saddle-light');
});

test('parameters vs hyperparameters: links lead to where each is set; the parameter count follows the layers', async ({
  page,
}) => {
  await page.goto('./#/gradient-descent?lesson=4');
  await expect(page.getByTestId('parameter-count')).toContainText('105 parameters');
  await page.getByTestId('layer-sizes').fill('2, x');
  await expect(page.getByTestId('parameter-count')).toContainText('Cannot count');
  await page.getByTestId('layer-sizes').fill('784, 100, 10');
  await expect(page.getByTestId('parameter-count')).toContainText('79510 parameters');
  await page.getByRole('link', { name: 'Set it in four learning rates' }).click();
  await expect(page).toHaveURL(/#\/gradient-descent\?lesson=2/);
  await expect(page.getByTestId('figure-lr-race')).toBeVisible();
});

test('every step passes axe-core with no serious or critical violations', async ({ page }) => {
  test.setTimeout(170_000); // axe over a page of KaTeX is slow on a loaded 2-core machine
  for (let i = 1; i <= 4; i++) {
    await page.goto(`./#/gradient-descent?lesson=${i}`);
    await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText(`Step ${i} of 4`);
    await page.waitForTimeout(500); // first frame drawn
    // WCAG A/AA rules; KaTeX's visual layer is aria-hidden (its MathML twin is what assistive tech reads).
    const bad = await seriousViolations(page, { exclude: [KATEX_VISUAL] });
    expect(bad, `step ${i}`).toEqual([]);
  }
});
