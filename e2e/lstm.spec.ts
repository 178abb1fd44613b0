import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultValues } from '../src/experiments/params';
import { createRecall, recallParams } from '../src/experiments/lstm/recall';
import { test, expect, PERF } from './fixtures';

/**
 * Chapter 9, long short-term memory: six live steps. Presenter mode and the phone layout of every step are checked in
 * e2e/fit-lstm-rnn.spec.ts.
 */

const STEPS = ['forget', 'cell', 'gates', 'recall', 'gradient', 'char'];
const SHOTS = '/tmp/shots-lstm';
mkdirSync(SHOTS, { recursive: true });

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const isDark = async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark';
  if ((await isDark()) !== (theme === 'dark')) await page.getByTestId('theme-toggle').click();
  await expect.poll(isDark).toBe(theme === 'dark');
}

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png` });
  }
  await setTheme(page, 'light');
}

const noSidewaysScroll = async (page: Page) =>
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);

const number = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());

test('walks every step with Next: each live figure trains, axe finds nothing, screenshots light and dark', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('./#/lstm');
  for (let i = 0; i < STEPS.length; i++) {
    await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText(
      `Step ${i + 1} of ${STEPS.length}`,
    );
    await expect(page.getByTestId(`figure-${STEPS[i]}`)).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Run 10', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 30_000 });
    await expect(page.getByTestId('run-status')).toHaveText('paused');
    expect(Number.isFinite(await number(page, 'metric-loss'))).toBe(true);
    // Every step has its check question, try-this prompts and instructor preset links.
    await expect(page.getByTestId('instructor-presets').locator('a').first()).toHaveAttribute(
      'href',
      new RegExp(`^#/lstm\\?lesson=${i + 1}&`),
    );
    await shoot(page, `lstm-${i + 1}-${STEPS[i]}`);
    await noSidewaysScroll(page);
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    if (i < STEPS.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
});

test('step 2: the gate values shown for a unit and time step equal the core’s for the same seed', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('./#/lstm?lesson=2&t=3&unit=2&seed=5');
  await expect(page.getByTestId('cell-t')).toHaveText('3', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 30_000 });
  await expect(page.getByTestId('run-status')).toHaveText('paused');

  // The same experiment, preset and seed, run in Node by the core.
  const trainer = createRecall({ ...defaultValues(recallParams), models: 'lstm', gap: 4, t: 3, unit: 2 }, 5);
  trainer.step(10);
  const trace = trainer.views(['trace']).trace as unknown as Record<string, Float32Array> & { steps: number };
  const T = trace.steps;
  const at = (name: string, t: number) => (t < 0 ? 0 : trace[name][1 * T + t]); // unit 2, 0-based
  const expected: Record<string, number> = {
    f: at('f', 2),
    i: at('i', 2),
    g: at('g', 2),
    o: at('o', 2),
    c: at('c', 2),
    cPrev: at('c', 1),
    h: at('h', 2),
  };
  for (const [name, value] of Object.entries(expected)) {
    expect(Math.abs((await number(page, `gate-${name}`)) - value), name).toBeLessThan(2e-4);
  }
  // The equation walk-through highlights one equation at a time.
  await expect(page.getByTestId('cell-equation')).toContainText('Equation 1 of 6');
  await page.getByRole('button', { name: 'Following equation' }).click();
  await expect(page.getByTestId('cell-equation')).toContainText('Equation 2 of 6: input gate');
});

test('step 6: the character model trains with LSTM cells, then with RNN cells, and both curves stay side by side', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('./#/lstm?lesson=6&seed=1');
  await expect(page.getByTestId('figure-char')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Run 100', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 90_000 });
  await expect(page.getByTestId('char-step-lstm')).toHaveText('100');
  const lstmBits = await number(page, 'char-bpc-lstm');
  expect(lstmBits).toBeGreaterThan(0);
  await expect(page.getByTestId('char-step-rnn')).toHaveText('not run yet');
  // A sample from the live LSTM is drawn on the page.
  await expect(page.getByTestId('rnn-generate-panel')).toBeVisible();

  await page.getByRole('combobox', { name: /cell/i }).selectOption('rnn');
  await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Run 100', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 90_000 });
  await expect(page.getByTestId('char-step-rnn')).toHaveText('100');
  expect(await number(page, 'char-bpc-rnn')).toBeGreaterThan(0);
  // The LSTM's run is still on the chart and in the table, unchanged.
  expect(await number(page, 'char-bpc-lstm')).toBe(lstmBits);
  await page.screenshot({ path: `${SHOTS}/lstm-6-char-compared-light.png` });
});

test('step 6 reached from a trained step 5 keeps none of step 5\'s curve as a cell\'s "last run"', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('./#/lstm?lesson=5&seed=1');
  await page.getByRole('button', { name: 'Run 100', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 90_000 });
  await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 30_000 });
  // The recall task's validation curve is still in the frame store when step 6's figure first renders.
  await page.goto('./#/lstm?lesson=6&seed=1');
  await expect(page.getByTestId('figure-char')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 90_000 });
  // The held-out loss is measured at step 0 and every 50 steps: the LSTM row is this run's, at step 0.
  await expect(page.getByTestId('char-step-lstm')).toHaveText('0');
  await expect(page.getByTestId('char-step-rnn')).toHaveText('not run yet');
  await expect(page.getByTestId('figure-char')).not.toContainText('RNN (last run)');
});

test('steps 2 and 3: the gate figures count each new trace they draw (what lstm-perf measures)', async ({
  page,
}) => {
  for (const [lesson, id] of [
    [2, 'cell-figure'],
    [3, 'gates-plot'],
  ] as const) {
    await page.goto(`./#/lstm?lesson=${lesson}&seed=1`);
    const figure = page.getByTestId(id);
    await expect(figure).toHaveAttribute('data-frames-drawn', /^\d+$/, { timeout: 20_000 });
    const before = Number(await figure.getAttribute('data-frames-drawn'));
    await page.getByRole('button', { name: 'Run 10', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 30_000 });
    await expect
      .poll(async () => Number(await figure.getAttribute('data-frames-drawn')))
      .toBeGreaterThan(before);
  }
});

test('bad link values are clamped or ignored with a notice, never a crash', async ({ page }) => {
  await page.goto('./#/lstm?lesson=4&gap=999&fbias=abc&models=%3Cb%3E');
  await expect(page.getByTestId('figure-recall')).toBeVisible({ timeout: 20_000 });
  const notice = page.locator('[data-testid^="notice-"]').first();
  await expect(notice).toContainText('gap');
  await expect(notice).toContainText('fbias');
  await expect(page.getByRole('slider', { name: /Gap k/ })).toHaveAttribute('aria-valuetext', '60');
  await expect(page.getByTestId('params-rnn')).toHaveText(/^\d+$/, { timeout: 20_000 });
});

test(
  'step 4 benchmark: at the default gap the LSTM reaches 95 % validation accuracy within 60 s of Play while the RNN stays near chance',
  PERF,
  async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('./#/lstm?lesson=4&seed=1');
    await expect(page.getByTestId('params-lstm')).toHaveText(/^\d+$/, { timeout: 20_000 });
    const framesBefore = await page.evaluate(
      () =>
        (window as unknown as { __gradientLabRuntime: { framesDelivered: number } }).__gradientLabRuntime
          .framesDelivered,
    );
    const started = Date.now();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByTestId('solved-lstm')).toHaveText(/^\d+$/, { timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    const frames =
      (await page.evaluate(
        () =>
          (window as unknown as { __gradientLabRuntime: { framesDelivered: number } }).__gradientLabRuntime
            .framesDelivered,
      )) - framesBefore;
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByTestId('run-status')).toHaveText('paused');
    const result = {
      seconds,
      solvedAtStep: await number(page, 'solved-lstm'),
      stepAtPause: await number(page, 'metric-step'),
      lstmAccuracy: await number(page, 'acc-lstm'),
      rnnAccuracy: await number(page, 'acc-rnn'),
      framesPerSecond: frames / seconds,
    };
    writeFileSync(`${SHOTS}/bench-recall.json`, JSON.stringify(result, null, 2));
    expect(result.lstmAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.rnnAccuracy).toBeLessThan(0.4);
    await expect(page.getByTestId('solved-rnn')).toHaveText('not yet');
    await page.screenshot({ path: `${SHOTS}/lstm-4-recall-solved-light.png` });
  },
);
