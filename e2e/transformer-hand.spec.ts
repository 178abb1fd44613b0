import { test, expect } from './fixtures';

/**
 * Step 2's stage cards (issue #19, one 1280×800 screen): the hover read-out of a matrix takes no line of its own — it
 * is shown over the card's name line only while a cell is picked (hover or arrow keys) — and every stage keeps its
 * name, its formula and its export buttons.
 */

test.use({ viewport: { width: 1280, height: 800 } });

test('step 2: a matrix read-out appears over its card while a cell is picked, every stage keeps name, formula, export', async ({
  page,
}) => {
  await page.goto('./#/transformer?seed=1&lesson=2');
  const figure = page.getByTestId('tf-figure-attention');
  await expect(figure).toBeVisible();

  const stages = figure.locator('.tf-stage');
  await expect(stages).toHaveCount(7);
  for (const name of ['Input X', 'Queries Q', 'Keys K', 'Values V', 'Scores', 'Weights A', 'Output']) {
    await expect(figure.locator('.chart-title', { hasText: name }).first()).toBeVisible();
  }
  await expect(figure.locator('.tf-formula')).toHaveCount(7);
  await expect(figure.getByRole('button', { name: 'SVG' })).toHaveCount(7);
  await expect(figure.getByRole('button', { name: 'PNG' })).toHaveCount(7);

  const scores = stages.nth(4);
  const readout = scores.locator('.chart-readout');
  await expect(readout).toBeHidden();
  await scores.locator('.chart-plot > svg rect.cell').nth(7).hover();
  await expect(readout).toBeVisible();
  await expect(readout).toHaveText(/^\d, \d: -?\d+\.\d+$/);
  // It covers the name line, not the matrix: its bottom is above the matrix's top.
  const [readoutBox, plotBox] = await Promise.all([
    readout.boundingBox(),
    scores.locator('.chart-plot').boundingBox(),
  ]);
  expect(readoutBox!.y + readoutBox!.height).toBeLessThanOrEqual(plotBox!.y + 1);
  await page.mouse.move(0, 0);
  await expect(readout).toBeHidden();

  // Keyboard: focus the matrix and press an arrow key.
  await scores.locator('.chart-plot > svg[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(readout).toBeVisible();

  // The weights' key strip stands beside the map, not under it.
  const weights = stages.nth(5);
  const [strip, map] = await Promise.all([
    weights.locator('.token-strip').boundingBox(),
    weights.locator('.attention-head svg').boundingBox(),
  ]);
  expect(strip!.x).toBeGreaterThanOrEqual(map!.x + map!.width);
});

test('step 2: no stage formula is cut off, with or without the causal mask', async ({ page }) => {
  await page.goto('./#/transformer?seed=1&lesson=2');
  const figure = page.getByTestId('tf-figure-attention');
  const cut = () =>
    figure
      .locator('.tf-formula')
      .evaluateAll((els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent?.slice(0, 30)),
      );
  await expect(figure.locator('.tf-formula')).toHaveCount(7);
  expect(await cut()).toEqual([]);
  await page.getByLabel('Causal mask').check();
  await expect(figure.locator('.chart-title', { hasText: 'causal mask' })).toBeVisible();
  expect(await cut()).toEqual([]);
});
