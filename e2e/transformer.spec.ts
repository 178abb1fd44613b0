import { test, expect, saveScreenshot } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The Transformer chapter in real Chromium against the production build: every lesson step, the reverse preset
 * trained from its share link to the accuracy target (time measured and logged), the anti-diagonal read-out, no
 * main-thread long task while training, and decoding a typed input.
 */

test.use({ viewport: { width: 1280, height: 900 } });

const readNumber = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());

test('walks all six lesson steps with their figures', async ({ page }) => {
  await page.goto('./#/transformer?lesson=1');
  await expect(page.getByTestId('tf-figure-tokens')).toBeVisible();
  await page.getByTestId('tf-tokens-input').fill('2718');
  await expect(page.locator('.tf-token-chips li')).toHaveCount(4);
  await saveScreenshot(page, 'transformer-1-tokens');

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('tf-figure-attention')).toBeVisible();
  await page.getByTestId('tf-causal-toggle').check();
  await expect(
    page.getByTestId('tf-figure-attention').getByText('Causal mask on: the upper triangle is 0.'),
  ).toBeVisible();
  await saveScreenshot(page, 'transformer-2-attention');

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('tf-figure-multihead')).toBeVisible();
  await expect(page.getByTestId('tf-figure-multihead').locator('.attention-head')).toHaveCount(4);
  await saveScreenshot(page, 'transformer-3-multihead');

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('tf-figure-block')).toBeVisible();
  await page.getByTestId('tf-next-sublayer').click();
  await expect(page.getByTestId('tf-sublayer-label')).toContainText('Encoder: feed-forward');
  await expect(page.getByTestId('tf-norm-stats')).toContainText('after: mean 0.00, std 1.00');
  await saveScreenshot(page, 'transformer-4-block');

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('tf-figure-train')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('idle');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('1');
  await page.getByTestId('theme-toggle').click();
  await saveScreenshot(page, 'transformer-5-untrained-dark');
  await page.getByTestId('theme-toggle').click();

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('tf-figure-decode')).toBeVisible();
  await expect(page.getByTestId('metric-step')).toHaveText('1'); // the same run continues in step 6
});

test('reverse preset from its share link: ≥ 95% in time, anti-diagonal attention, decoding reverses', async ({
  page,
}) => {
  test.setTimeout(100_000);
  // Long tasks on the main thread, observed from the start.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  // The link Share produces for the training step with the reverse preset and a seed.
  await page.goto('./#/transformer?task=reverse&seed=1&lesson=5');
  await expect(page.getByTestId('tf-figure-train')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(page.getByTestId('metric-accuracy')).not.toHaveText('—');

  const playedAt = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  // Count redraws of the cross-attention map (one React commit = one mutation batch) while it trains.
  await page.evaluate(() => {
    const w = window as unknown as { __mapRedraws: number; __mapFrom: number };
    w.__mapRedraws = 0;
    w.__mapFrom = performance.now();
    const map = document.querySelector('[data-chart="attention"]');
    if (map)
      new MutationObserver(() => (w.__mapRedraws += 1)).observe(map, { subtree: true, attributes: true });
  });
  await expect
    .poll(async () => readNumber(page, 'metric-accuracy'), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThanOrEqual(0.95);
  const seconds = (Date.now() - t0) / 1000;
  const steps = await readNumber(page, 'metric-step');
  console.log(
    `transformer: reverse-8 reached ≥ 95% held-out token accuracy in ${seconds.toFixed(1)} s (${steps} steps)`,
  );
  expect(seconds).toBeLessThan(30);
  const redrawsPerSecond = await page.evaluate(() => {
    const w = window as unknown as { __mapRedraws: number; __mapFrom: number };
    return (w.__mapRedraws * 1000) / (performance.now() - w.__mapFrom);
  });
  console.log(
    `transformer: cross-attention map redrawn ${redrawsPerSecond.toFixed(1)} times/s while training`,
  );
  expect(redrawsPerSecond).toBeGreaterThanOrEqual(5);

  // The cross-attention has turned into an anti-diagonal: its share beats the diagonal and every other line.
  await expect
    .poll(
      async () =>
        (await readNumber(page, 'metric-anti-diagonal')) -
        Math.max(await readNumber(page, 'metric-diagonal'), await readNumber(page, 'metric-other-line')),
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  await saveScreenshot(page, 'transformer-5-trained');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');

  const longTasks = await page.evaluate(
    (from) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (t) => t.start >= from,
      ),
    playedAt,
  );
  console.log(
    `transformer: long tasks while training: ${longTasks.length}, longest ${Math.max(0, ...longTasks.map((t) => t.duration)).toFixed(0)} ms, durations ${longTasks.map((t) => t.duration.toFixed(0)).join(',')}`,
  );

  // Step 6: the same trained model decodes a typed input token by token.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('tf-figure-decode')).toBeVisible();
  await page.getByTestId('tf-decode-input').fill('27182818');
  await expect(page.getByTestId('tf-decode-expected')).toHaveText('81828172');
  for (let i = 0; i < 8; i++) await page.getByTestId('tf-next-token').click();
  await expect(page.getByTestId('tf-decode-output')).toHaveText('81828172');
  await expect(page.getByTestId('tf-decode-probs')).toBeVisible();
  await saveScreenshot(page, 'transformer-6-decode');

  expect(longTasks, 'main-thread long tasks while training').toEqual([]);
});
