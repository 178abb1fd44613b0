import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { waitForFirstFrame } from './runReady';

/**
 * Presenter mode zooms the figure (CSS zoom) to fit the projector. Pointing at a chart must still read the place
 * under the pointer: the charts turn client coordinates into their own pixels (components/charts/pointer.ts). Each
 * test points at an axis tick's position and checks the value read there, so it holds at any zoom; the zoom is
 * checked to be far from 1, where the old arithmetic was off by a quarter of the plot or more.
 */

test.use({ viewport: { width: 1920, height: 1080 } });

async function presenterZoom(page: Page): Promise<number> {
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  const zoom = () =>
    page.evaluate(() => {
      const el = document.querySelector('.presenter-figure-content');
      return el ? Number(getComputedStyle(el).zoom) : 1;
    });
  await expect.poll(zoom).not.toBe(1);
  return zoom();
}

/** Client x of the x-axis tick labelled `label` in `chart` (its centre). */
async function tickX(chart: Locator, label: string): Promise<number> {
  const tick = chart.locator('.axis-x text', { hasText: new RegExp(`^${label}$`) }).first();
  const box = await tick.boundingBox();
  if (!box) throw new Error(`no x tick ${label}`);
  return box.x + box.width / 2;
}

async function plotMiddleY(chart: Locator): Promise<number> {
  const box = await chart.locator('svg').first().boundingBox();
  if (!box) throw new Error('no plot');
  return box.y + box.height * 0.45;
}

test('a click on the activation plot sets the probe at the x under the pointer', async ({ page }) => {
  await page.goto('./#/activations?lesson=3&x=0&present=1');
  const zoom = await presenterZoom(page);
  expect(Math.abs(zoom - 1)).toBeGreaterThan(0.1);
  const chart = page.getByTestId('figure-sigmoid-tanh').locator('.chart').first();
  await page.mouse.click(await tickX(chart, '2'), await plotMiddleY(chart));
  await expect(page).toHaveURL(/[?&]x=/);
  const x = Number(new URL(page.url().replace('#/', '')).searchParams.get('x'));
  expect(Math.abs(x - 2), `probe at x = ${x} after a click on the tick 2 (zoom ${zoom})`).toBeLessThan(0.15);
});

test('hovering the loss chart reads out the step under the pointer', async ({ page }) => {
  await page.goto('./#/neurons?lesson=4&seed=1&present=1');
  await waitForFirstFrame(page);
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 30_000 });
  const zoom = await presenterZoom(page);
  const chart = page.locator('.chart', { hasText: 'Training loss' }).first();
  await page.mouse.move(await tickX(chart, '50'), await plotMiddleY(chart));
  const readout = chart.locator('.chart-readout');
  await expect(readout).toContainText('training steps');
  const step = Number((await readout.textContent())!.match(/training steps ([\d.]+)/)![1]);
  expect(Math.abs(step - 50), `read-out at step ${step} over the tick 50 (zoom ${zoom})`).toBeLessThanOrEqual(
    3,
  );
});
