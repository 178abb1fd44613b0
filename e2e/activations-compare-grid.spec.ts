import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { seriousViolations } from './axe';
import { waitForFirstFrame } from './runReady';

/**
 * Activations steps 2 and 8 on a laptop (issue #19): the two networks' read-outs in one A/B table, the planes' hover
 * read-out laid over the card only while it is pointed at, the run bar's copies of network A's values spoken only;
 * step 5's unit-map labels readable (≥ 11 px).
 */

test.use({ viewport: { width: 1280, height: 800 } });

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

test('step 2: one read-out table for A and B; the run bar shows status, step and epoch; the run bar and column A agree', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=2&seed=1');
  await waitForFirstFrame(page);
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Read-outs of networks A and B' });
  await expect(table.getByRole('columnheader')).toHaveText(['A', 'B']);
  await expect(table.getByRole('rowheader')).toHaveText(['loss', 'test loss', 'accuracy', 'test accuracy']);
  for (const id of ['loss', 'val-loss', 'accuracy', 'val-accuracy']) {
    await expect(page.getByTestId(`metric-${id}-a`)).toBeVisible();
    await expect(page.getByTestId(`metric-${id}-b`)).toHaveText(/^\d\.\d+$/);
  }
  // Network A's values in the run bar are the table's column A, kept for screen readers only (a 1 px clipped box).
  expect(await text(page, 'metric-loss')).toBe(await text(page, 'metric-loss-a'));
  expect(await text(page, 'metric-val-accuracy')).toBe(await text(page, 'metric-val-accuracy-a'));
  const hiddenBox = await page
    .getByTestId('metric-loss')
    .evaluate((el) => el.parentElement!.getBoundingClientRect());
  expect(hiddenBox.width).toBeLessThanOrEqual(1);
  for (const id of ['run-status', 'metric-step']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(5);
  }
});

test('step 2: a plane shows its hover read-out over its card while pointed at, and takes no room otherwise', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=2&seed=1');
  await waitForFirstFrame(page);
  const panel = page.getByRole('region', { name: /^Network A/ });
  const readout = panel.getByTestId('boundary-readout');
  await expect(readout).toHaveCSS('position', 'absolute');
  await expect(readout).toHaveCSS('opacity', '0');
  const plot = panel.locator('canvas').first();
  const box = await plot.boundingBox();
  if (!box) throw new Error('no plane canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(readout).toHaveCSS('opacity', '1');
  await expect(readout).toContainText('→');
  await page.mouse.move(5, 795);
  await expect(readout).toHaveCSS('opacity', '0');
});

test('step 8: both weight diagrams beside the read-out table with one colour key; all twelve settings on screen', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=8&seed=1');
  await waitForFirstFrame(page);
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.locator('[data-chart="network"]')).toHaveCount(2);
  await expect(page.locator('.act-weight-key')).toContainText('positive');
  // The figure column is sticky 12 px below the top once the page scrolls to it.
  await page.locator('.lesson-figure').evaluate((el) => el.scrollIntoView());
  const controls = page.locator('.act-area-settings').locator('select, input[type="range"]');
  await expect(controls).toHaveCount(12);
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    expect((box?.y ?? 1e9) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
  }
});

test('step 5: the hidden-unit map labels are at least 11 px on a laptop', async ({ page }) => {
  await page.goto('./#/activations?lesson=5&seed=1');
  await waitForFirstFrame(page);
  const labels = page.locator('.act-deadmap text');
  await expect(labels.first()).toBeVisible();
  const sizes = await labels.evaluateAll((els) =>
    els.map((el) => {
      const svg = (el as SVGTextElement).ownerSVGElement!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return parseFloat(getComputedStyle(el).fontSize) * scale;
    }),
  );
  expect(sizes.length).toBeGreaterThan(0);
  for (const px of sizes) expect(px).toBeGreaterThanOrEqual(11);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`steps 2 and 8: the compare grid has no serious accessibility violations (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const lesson of [2, 8]) {
      await page.goto(`./#/activations?lesson=${lesson}&seed=1`);
      await waitForFirstFrame(page);
      await page.getByRole('button', { name: 'Run 10', exact: true }).click();
      await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 30_000 });
      expect(await seriousViolations(page, { include: '.lesson-figure' })).toEqual([]);
    }
  });
}
