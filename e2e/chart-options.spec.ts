import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Charts that show the run (issue #18, item 4): a line chart over training steps offers "Log axis" (a log step axis
 * from step 1) and "Smooth" (a debiased moving average over the faint raw line) in its header; charts of noisy
 * mini-batch losses start smoothed. And the timeline's read-out has a fixed width, so a 7-digit step count keeps it
 * in the buttons' row.
 */

const SHOTS = '/tmp/chart-options-shots';
mkdirSync(SHOTS, { recursive: true });
const LAB = '#/lab?exp=classifier2d&dataset=xor&hidden=6%2C4&seed=11';

const lossChart = (page: Page) =>
  page.locator('figure[data-chart="line"]').filter({ hasText: 'training steps' });
const xTickLabels = async (chart: Locator) =>
  (await chart.locator('.axis-x text:not(.axis-label)').allTextContents()).filter((t) => t !== '');

async function trainLab(page: Page, steps: 100 | 200) {
  await page.goto(`./${LAB}`);
  await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 20_000 });
  for (let done = 100; done <= steps; done += 100) {
    await page.getByRole('button', { name: 'Run 100', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText(String(done), { timeout: 60_000 });
  }
  // The loss chart redraws at most 5 times a second, so it may still show the run before its last frame: wait until
  // its step axis reaches the last step, so what the test reads off the chart is the finished run.
  await expect.poll(() => xTickLabels(lossChart(page))).toContain(String(steps));
}

test.describe('line chart options on the Lab loss chart', () => {
  test('smoothing is on for the mini-batch loss; both toggles change what is drawn, by mouse and by keyboard', async ({
    page,
  }) => {
    await trainLab(page, 200);
    const chart = lossChart(page);
    const smooth = chart.getByRole('button', { name: 'Smooth', exact: true });
    const logSteps = chart.getByRole('button', { name: 'Log axis', exact: true });

    // On by default here: the train loss is drawn smoothed over its faint raw line; the test loss is not smoothed.
    await expect(smooth).toHaveAttribute('aria-pressed', 'true');
    await expect(chart.locator('path.series-raw')).toHaveCount(1);
    await expect(chart.locator('path.series-line')).toHaveCount(2);
    await expect(chart.locator('path.series-line.series-smooth')).toHaveCount(1);
    const raw = await chart.locator('path.series-raw').getAttribute('d');
    const smoothed = await chart.locator('path.series-smooth').getAttribute('d');
    expect(smoothed).not.toBe(raw);
    expect(await chart.locator('path.series-raw').getAttribute('stroke-opacity')).toBe('0.28');
    await expect(chart.locator('figcaption')).toContainText('Smoothed with an exponential moving average');
    await page.screenshot({ path: `${SHOTS}/lab-smooth-light.png` });

    // Off: one plain path per series, the raw line at full strength again.
    await smooth.click();
    await expect(smooth).toHaveAttribute('aria-pressed', 'false');
    await expect(chart.locator('path.series-raw')).toHaveCount(0);
    await expect(chart.locator('path.series-line')).toHaveCount(2);
    expect(await chart.locator('path.series-line').first().getAttribute('d')).toBe(raw);

    // Log axis, from the keyboard: ticks at 1, 10, 100 (step 0 is not on the axis, and the caption says so).
    const linearTicks = await xTickLabels(chart);
    expect(linearTicks).toContain('0');
    await logSteps.focus();
    await page.keyboard.press('Enter');
    await expect(logSteps).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => xTickLabels(chart)).not.toEqual(linearTicks);
    const logTicks = await xTickLabels(chart);
    expect(logTicks).toEqual(expect.arrayContaining(['1', '10', '100']));
    expect(logTicks).not.toContain('0');
    // the powers of ten come in order, left to right, a decade apart on screen
    const tickX = async (label: string) =>
      (await chart.locator('.axis-x text', { hasText: new RegExp(`^${label}$`) }).boundingBox())!.x;
    const [x1, x10, x100] = [await tickX('1'), await tickX('10'), await tickX('100')];
    expect(x10 - x1).toBeGreaterThan(20);
    expect(Math.abs(x100 - x10 - (x10 - x1))).toBeLessThan(2);
    await expect(chart.locator('figcaption')).toContainText('log scale from step 1');

    // Smooth back on from the keyboard (Enter: on a page with a run, Space on a button means Play/Pause).
    await smooth.focus();
    await page.keyboard.press('Enter');
    await expect(smooth).toHaveAttribute('aria-pressed', 'true');
    await expect(chart.locator('path.series-smooth')).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/lab-log-smooth-light.png` });

    // Hovering reads out the smoothed value and the raw one.
    const box = (await chart.locator('svg[role="img"]').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
    await expect(chart.locator('.chart-readout')).toContainText('(raw ');
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const [w, h, present] of [
      [1280, 800, false],
      [390, 844, false],
      [1920, 1080, true],
    ] as const) {
      test(`screenshots: ${w}×${h}${present ? ' presenter' : ''}, ${theme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        await page.setViewportSize({ width: w, height: h });
        await trainLab(page, 100);
        if (present) await page.goto(`./${LAB}&present=1`);
        const chart = lossChart(page).first();
        await chart.scrollIntoViewIfNeeded();
        await chart.getByRole('button', { name: 'Log axis', exact: true }).click();
        await expect(chart.getByRole('button', { name: 'Smooth', exact: true })).toBeVisible();
        // the header buttons stay inside the chart's box
        const frame = (await chart.boundingBox())!;
        const last = (await chart.locator('.chart-actions button').last().boundingBox())!;
        expect(last.x + last.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
        await chart.screenshot({ path: `${SHOTS}/lab-chart-${w}${present ? '-present' : ''}-${theme}.png` });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
        ).toBeLessThanOrEqual(0);
      });
    }
  }
});

test.describe('timeline read-out width', () => {
  // the Lab (wide controls) and the RNN lesson, whose controls share a 1280×800 screen with the text (narrow column)
  for (const [w, h, where] of [
    [1280, 800, 'lab'],
    [390, 844, 'lab'],
    [1280, 800, 'rnn'],
  ] as const) {
    test(`a 7-digit step keeps the timeline in the buttons' row at ${w}×${h} (${where})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: w, height: h });
      const value = page.getByTestId('run-timeline-value');
      if (where === 'lab') {
        await trainLab(page, 100);
        await expect(value).toHaveText('100 / 100');
      } else {
        await page.goto('./#/rnn?lesson=4&seed=1');
        await expect(page.getByTestId('run-status')).toHaveText('idle', { timeout: 20_000 });
        await page.getByRole('button', { name: 'Run 10', exact: true }).click();
        await expect(value).toHaveText('10 / 10', { timeout: 30_000 });
      }
      // the slider keeps its accessible name even where its visible label steps aside
      await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();
      const reset = page.getByRole('button', { name: 'Reset', exact: true });
      const before = (await value.boundingBox())!;
      const resetBefore = (await reset.boundingBox())!;
      // A real 7-digit run takes hours: the read-out is given the longest text it will show (layout only; the next
      // render puts the real value back).
      await value.evaluate((el) => (el.textContent = '1234567 / 1234567'));
      await page.screenshot({ path: `${SHOTS}/timeline-7-digits-${w}-${where}.png` });
      const after = (await value.boundingBox())!;
      const slider = (await page.getByTestId('run-timeline').boundingBox())!;
      const resetAfter = (await reset.boundingBox())!;
      // fixed width: the long value takes the same box, on the same row as the Reset button, nothing moved
      expect(after.width).toBeCloseTo(before.width, 1);
      expect(after.y).toBeCloseTo(before.y, 1);
      expect(resetAfter.y).toBeCloseTo(resetBefore.y, 1);
      expect(Math.abs(after.y + after.height / 2 - (resetAfter.y + resetAfter.height / 2))).toBeLessThan(4);
      expect(slider.width).toBeGreaterThanOrEqual(30);
      // and the text fits its box: nothing spills over the next control
      expect(await value.evaluate((el) => el.scrollWidth <= el.clientWidth + 0.5)).toBe(true);
      const next = page.locator('.run-timeline + *').first();
      const nextBox = (await next.boundingBox())!;
      const sameRow = Math.abs(nextBox.y + nextBox.height / 2 - (after.y + after.height / 2)) < 8;
      if (sameRow) expect(nextBox.x).toBeGreaterThanOrEqual(after.x + after.width);
    });
  }
});

test.describe('mini-batch loss charts in the lessons start smoothed', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`RNN loss per character: the training chunk is smoothed over its faint raw line, the baselines are not (${theme})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('./#/rnn?lesson=3&seed=1');
      await expect(page.getByTestId('rnn-loss-empty')).toBeVisible({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Run 100', exact: true }).click();
      await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 60_000 });
      const chart = page.getByTestId('rnn-train-panel').locator('figure[data-chart="line"]');
      await expect(chart.getByRole('button', { name: 'Smooth', exact: true })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(chart.getByRole('button', { name: 'Log axis', exact: true })).toHaveAttribute(
        'aria-pressed',
        'false',
      );
      await expect(chart.locator('path.series-raw')).toHaveCount(1); // the training chunk only
      await expect(chart.locator('path.series-smooth')).toHaveCount(1);
      await expect(chart.locator('figcaption')).toContainText('training chunk: last');
      await chart.scrollIntoViewIfNeeded();
      await chart.screenshot({ path: `${SHOTS}/rnn-loss-smooth-${theme}.png` });
      await chart.getByRole('button', { name: 'Log axis', exact: true }).click();
      await expect.poll(async () => xTickLabels(chart)).toEqual(expect.arrayContaining(['1', '10', '100']));
      await chart.screenshot({ path: `${SHOTS}/rnn-loss-log-smooth-${theme}.png` });
    });
  }
});
