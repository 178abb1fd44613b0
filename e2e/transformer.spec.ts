import { test, expect, saveScreenshot, PERF } from './fixtures';
import { startCpuWindow } from './machineLoad';
import { longTaskProblems, traceMainThread } from './mainThreadProbe';
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
  await page.getByTestId('tf-norm-stats').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'transformer-4-block-histogram');

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

/** A step of the seeded reverse preset where the test input decodes exactly (steps 176–296 all do, replayed in Node). */
const DECODE_AT = 240;

test(
  'reverse preset from its share link: ≥ 95% in time, anti-diagonal attention, decoding reverses',
  PERF,
  async ({ page }) => {
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

    const machine = startCpuWindow();
    let playedAt = 0;
    let seconds = 0;
    let reachedAt = 0;
    const cpu = await traceMainThread(page, async () => {
      playedAt = await page.evaluate(() => performance.now());
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
      reachedAt = await page.evaluate(() => performance.now());
      seconds = (Date.now() - t0) / 1000;
    });
    const steps = await readNumber(page, 'metric-step');
    const contended = machine.contended();
    console.log(
      `transformer: reverse-8 reached ≥ 95% held-out token accuracy in ${seconds.toFixed(1)} s (${steps} steps); ${machine.describe()}`,
    );
    // Load-independent: the default preset needs ~120–130 steps (the read-out may lag a few frames behind).
    expect(steps).toBeLessThan(300);
    const redrawsPerSecond = await page.evaluate(() => {
      const w = window as unknown as { __mapRedraws: number; __mapFrom: number };
      return (w.__mapRedraws * 1000) / (performance.now() - w.__mapFrom);
    });
    const cpuPerSecond = cpu.cpuMs / (cpu.wallMs / 1000);
    console.log(
      `transformer: while training, main-thread CPU ${cpu.cpuMs.toFixed(0)} ms in ${(cpu.wallMs / 1000).toFixed(1)} s (${cpuPerSecond.toFixed(0)} ms/s), longest task ${cpu.longestTaskCpuMs.toFixed(1)} ms CPU; cross-attention map redrawn ${redrawsPerSecond.toFixed(1)} times/s`,
    );
    // Load-independent: no main-thread task does more than 50 ms of work, and the page stays mostly idle.
    expect(cpu.longestTaskCpuMs).toBeLessThan(50);
    expect(cpuPerSecond).toBeLessThan(400);

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

    // From Play until the target was reached, which is before the trace ended: stopping a trace and the screenshot
    // above are the harness's work on the main thread (one 60 ms task after the target in a local run), not training.
    const longTasks = await page.evaluate(
      ([from, to]) =>
        (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
          (t) => t.start >= from && t.start < to,
        ),
      [playedAt, reachedAt],
    );
    console.log(
      `transformer: wall-clock long tasks while training: ${longTasks.length}, longest ${Math.max(0, ...longTasks.map((t) => t.duration)).toFixed(0)} ms [${longTasks.map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - playedAt)} ms`).join(', ')}]; target reached at +${Math.round(reachedAt - playedAt)} ms`,
    );

    // Step 6: the same trained model decodes a typed input token by token.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByTestId('tf-figure-decode')).toBeVisible();
    await page.getByTestId('tf-decode-input').fill('27182818');
    await expect(page.getByTestId('tf-decode-expected')).toHaveText('81828172');
    for (let i = 0; i < 8; i++) await page.getByTestId('tf-next-token').click();
    // The model paused at a step that depends on the wall clock. At ~98 % token accuracy a model can still slip on one
    // input: replaying the preset in Node, this input decodes wrongly at steps 99, 125, 126, 167 and 305 (among others) and
    // correctly at the rest. So the run just trained must decode digits, and the exact reversal is checked below at a
    // fixed step.
    await expect(page.getByTestId('tf-decode-output')).toHaveText(/^\d{6,8}$/);
    await expect(page.getByTestId('tf-decode-probs')).toBeVisible();
    await saveScreenshot(page, 'transformer-6-decode');
    await page.getByTestId('tf-decode-probs').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'transformer-6-decode-probs');

    // The same preset replayed to a fixed moment (a share link with at=) decodes this input into its exact reversal.
    await page.goto('about:blank'); // a fresh page load, as a student opening the link would have
    await page.goto(`./#/transformer?task=reverse&seed=1&lesson=6&at=${DECODE_AT}`);
    await expect(page.getByTestId('metric-step')).toHaveText(String(DECODE_AT), { timeout: 30_000 });
    await page.getByTestId('tf-decode-input').fill('27182818');
    for (let i = 0; i < 8; i++) await page.getByTestId('tf-next-token').click();
    await expect(page.getByTestId('tf-decode-output')).toHaveText('81828172');

    // Wall-clock checks last: on an overloaded machine (other test suites competing) the wall clock says little about
    // the page, so the test ends as skipped — visible in the summary with the reason — after every other check passed.
    test.skip(
      contended,
      `machine contended (${machine.describe()}): wall-clock time to target, long tasks and redraw rate not asserted`,
    );
    // The class-demo target: ≥ 95% within 30 s of pressing Play on a 2-core machine that is not running anything else.
    expect(seconds).toBeLessThan(30);
    // The suite-wide rule while a worker fills a core (e2e/mainThreadProbe.ts): no task over 100 ms, at most one over
    // 50 ms. (Earlier runs saw 52–87 ms tasks at the Play click with ≤ 17 ms of CPU: the click met the start of the
    // trace, which now settles first — see traceMainThread.)
    const durations = longTasks.map((t) => Math.round(t.duration));
    expect(
      longTaskProblems(durations),
      `main-thread long tasks while training: ${durations.join(', ')} ms`,
    ).toEqual([]);
    expect(redrawsPerSecond).toBeGreaterThanOrEqual(5);
  },
);
