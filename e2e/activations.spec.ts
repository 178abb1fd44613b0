import { test, expect, saveScreenshot } from './fixtures';
import { waitForFirstFrame } from './runReady';
import type { Page } from '@playwright/test';

/**
 * The activation-functions chapter (#/activations), driven like a student and an instructor would: every lesson
 * step's figure renders, training runs, and the losses land where the lessons say they do.
 */

test.use({ viewport: { width: 1280, height: 720 } });

const num = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());

/** Train exactly `n` steps with the runtime's "Run 100" button and wait until the step read-out reaches it. */
async function runSteps(page: Page, n: number) {
  const start = (await num(page, 'metric-step')) || 0;
  for (let i = 0; i < n / 100; i++) await page.getByRole('button', { name: 'Run 100' }).click();
  await expect.poll(() => num(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThanOrEqual(start + n);
}

test('step 1: the neuron formula shows live numbers and the output follows the controls', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=1');
  await expect(page.getByTestId('figure-neuron')).toBeVisible();
  // defaults: z = 0.1 + 0.6·1 + 1.2·(−0.5) + (−0.4)·0.8 = −0.22, σ(−0.22) = 0.445
  await expect(page.getByTestId('neuron-output')).toHaveText('0.445');
  await expect(page.getByTestId('neuron-formula')).toContainText('−0.220');
  await page.getByLabel('Activation f', { exact: true }).selectOption('linear');
  await expect(page.getByTestId('neuron-output')).toHaveText('-0.220');
  await expect(page).toHaveURL(/f=linear/);
  // a slider moves by keyboard: bias +0.1 → z = −0.12
  await page.getByLabel('Bias θ₀', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('neuron-output')).toHaveText('-0.120');
  await saveScreenshot(page, 'activations-1-neuron-light');
});

test('step 2: from the same seed the ReLU network ends far below the linear one on the circle', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=2');
  await expect(page.getByTestId('figure-step-linear')).toBeVisible();
  await waitForFirstFrame(page);
  await runSteps(page, 600);
  await expect.poll(() => num(page, 'metric-loss-b'), { timeout: 20_000 }).toBeLessThan(0.15);
  const linear = await num(page, 'metric-loss-a');
  const relu = await num(page, 'metric-loss-b');
  expect(linear).toBeGreaterThan(0.6);
  expect(relu).toBeLessThan(linear / 4);
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await saveScreenshot(page, 'activations-2-step-linear-light');
});

test('step 3: the probe reads σ(0) = 0.5 with slope 0.25 and tanh′(0) = 1', async ({ page }) => {
  await page.goto('./#/activations?lesson=3&x=0');
  await expect(page.getByTestId('figure-sigmoid-tanh')).toBeVisible();
  await expect(page.getByTestId('probe-value')).toHaveText('0.5000');
  await expect(page.getByTestId('probe-slope')).toHaveText('0.2500');
  await page.getByLabel('Function', { exact: true }).selectOption('tanh');
  await expect(page.getByTestId('probe-slope')).toHaveText('1.0000');
  // keyboard on the plot moves the probe (and the URL keeps it)
  await page.getByRole('slider', { name: /probe position/ }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/x=0\.[0-9]+/);
  await saveScreenshot(page, 'activations-3-sigmoid-tanh-light');
});

test('step 4: at depth 8 the sigmoid gradient vanishes towards the input; ReLU keeps it', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=4');
  await expect(page.getByTestId('figure-vanishing')).toBeVisible();
  await waitForFirstFrame(page);
  await runSteps(page, 100);
  await expect.poll(() => num(page, 'metric-grad-ratio'), { timeout: 20_000 }).toBeGreaterThan(1000);
  await saveScreenshot(page, 'activations-4-vanishing-sigmoid-light');
  await page.getByLabel('Activation', { exact: true }).selectOption('relu');
  await expect(page).toHaveURL(/act=relu/);
  await waitForFirstFrame(page);
  await runSteps(page, 100);
  await expect.poll(() => num(page, 'metric-grad-ratio'), { timeout: 20_000 }).toBeLessThan(10);
  await saveScreenshot(page, 'activations-4-vanishing-relu-light');
});

test('step 5: at lr 1.0 many ReLU units die; leaky ReLU keeps most alive', async ({ page }) => {
  await page.goto('./#/activations?lesson=5');
  await expect(page.getByTestId('figure-dying')).toBeVisible();
  await waitForFirstFrame(page);
  await runSteps(page, 500);
  await expect.poll(() => num(page, 'metric-dead-fraction'), { timeout: 20_000 }).toBeGreaterThan(0.4);
  await saveScreenshot(page, 'activations-5-dying-relu-light');
  await page.getByLabel('Activation', { exact: true }).selectOption('leaky');
  await waitForFirstFrame(page);
  await expect.poll(() => num(page, 'metric-step'), { timeout: 20_000 }).toBe(0);
  await runSteps(page, 500);
  await expect.poll(() => num(page, 'metric-dead-fraction'), { timeout: 20_000 }).toBeLessThan(0.25);
  await expect.poll(() => num(page, 'metric-loss'), { timeout: 20_000 }).toBeLessThan(0.1);
});

test('step 6: softmax bars sum to 1 and a low temperature sharpens them', async ({ page }) => {
  await page.goto('./#/activations?lesson=6&t=0.2');
  await expect(page.getByTestId('figure-softmax')).toBeVisible();
  expect(await num(page, 'softmax-bars-1')).toBeGreaterThan(0.99);
  await page.goto('./#/activations?lesson=6');
  const probs = await Promise.all([1, 2, 3, 4].map((i) => num(page, `softmax-bars-${i}`)));
  expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  await saveScreenshot(page, 'activations-6-softmax-light');
});

test('step 6 on a projector: the enlarged bar labels and numbers stay inside the figure', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./#/activations?lesson=6&present=1');
  const bars = page.getByTestId('softmax-bars');
  await expect(bars).toBeVisible();
  const outside = await bars.evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')]
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5;
      })
      .map((t) => t.textContent);
  });
  expect(outside).toEqual([]);
  await saveScreenshot(page, 'activations-6-softmax-presenter');
});

test('step 7: the maxout unit fits x² live', async ({ page }) => {
  await page.goto('./#/activations?lesson=7');
  await expect(page.getByTestId('figure-maxout')).toBeVisible();
  await waitForFirstFrame(page);
  const before = await num(page, 'metric-loss');
  await runSteps(page, 300);
  await expect
    .poll(() => num(page, 'metric-loss'), { timeout: 20_000 })
    .toBeLessThan(Math.min(0.05, before / 10));
  await saveScreenshot(page, 'activations-7-maxout-light');
});

test('step 8: the playground trains two activations side by side and shows the networks', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=8');
  await expect(page.getByTestId('figure-playground')).toBeVisible();
  await waitForFirstFrame(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect.poll(() => num(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  // The claim is read at one exact step (a moment link replays the seeded run to it): where a Pause lands depends
  // on the machine's speed, and a mini-batch loss read at an arbitrary step can sit on a spike.
  await page.goto('./#/activations?lesson=8&at=3000');
  await expect(page.getByTestId('metric-step')).toHaveText('3000', { timeout: 60_000 });
  // ReLU (B) untangles the spiral; tanh (A) is still near chance level
  expect(await num(page, 'metric-loss-b')).toBeLessThan(0.35);
  expect(await num(page, 'metric-loss-b')).toBeLessThan(await num(page, 'metric-loss-a'));
  await expect(page.locator('[data-chart="network"]')).toHaveCount(2);
  await saveScreenshot(page, 'activations-8-playground-light');
  // 1-D regression in the same playground
  await page.getByLabel('Dataset', { exact: true }).selectOption('abs');
  await expect(page).toHaveURL(/task=abs/);
  await expect(page.getByTestId('maxout-plot')).toHaveCount(0);
  await expect(page.locator('[data-chart="curves"]')).toHaveCount(2);
});

test('walking all eight steps with the keyboard renders every figure', async ({ page }) => {
  await page.goto('./#/activations?lesson=1');
  const figures = [
    'figure-neuron',
    'figure-step-linear',
    'figure-sigmoid-tanh',
    'figure-vanishing',
    'figure-dying',
    'figure-softmax',
    'figure-maxout',
    'figure-playground',
  ];
  for (const [i, id] of figures.entries()) {
    await expect(page).toHaveURL(new RegExp(`lesson=${i + 1}`));
    await expect(page.getByTestId(id)).toBeVisible();
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('ArrowRight');
  }
});

for (const [id, lesson, figure] of [
  ['linear-cant-bend', 2, 'figure-step-linear'],
  ['sigmoid-vanishes', 4, 'figure-vanishing'],
  ['dying-relu', 5, 'figure-dying'],
] as const) {
  test(`instructor preset "${id}" is a share link that opens its state`, async ({ page }) => {
    if (id === 'dying-relu') {
      // from another step whose experiment is training: the preset must not inherit its settings
      await page.goto('./#/activations?lesson=8');
      await waitForFirstFrame(page);
      await page.getByRole('button', { name: 'Play' }).click();
      await expect(page.getByTestId('run-status')).toHaveText('running');
    } else {
      await page.goto('./#/activations?lesson=1');
    }
    const link = page.getByTestId(`preset-${id}`);
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`lesson=${lesson}`));
    await link.click();
    await expect(page.getByTestId(figure)).toBeVisible();
    await waitForFirstFrame(page);
    await expect(page.locator('.notice')).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`lesson=${lesson}&`));
    await expect(page).not.toHaveURL(/spiral|opt=|width=|depth=3/); // nothing carried over from the playground
    // opened fresh from the link in a new page, the same state comes back
    const fresh = await page.context().newPage();
    await fresh.goto(`./${href}`);
    await expect(fresh.getByTestId(figure)).toBeVisible();
    if (id === 'linear-cant-bend')
      await expect(fresh.getByText('A: linear', { exact: true }).first()).toBeVisible();
    if (id === 'sigmoid-vanishes') {
      await expect(fresh.getByLabel('Hidden layers (exact value)')).toHaveValue('8');
      await expect(fresh.getByLabel('Activation', { exact: true })).toHaveValue('sigmoid');
    }
    if (id === 'dying-relu') {
      await expect(fresh.getByLabel('Learning rate α (exact value)')).toHaveValue('1');
      await expect(fresh.getByLabel('Activation', { exact: true })).toHaveValue('relu');
    }
    await fresh.close();
  });
}

test('dark theme screenshots of the live figures', async ({ page }) => {
  await page.goto('./#/activations?lesson=2');
  await page.getByTestId('theme-toggle').click();
  await waitForFirstFrame(page);
  await runSteps(page, 300);
  await saveScreenshot(page, 'activations-2-step-linear-dark');
  await page.goto('./#/activations?lesson=4');
  await waitForFirstFrame(page);
  await runSteps(page, 100);
  await saveScreenshot(page, 'activations-4-vanishing-dark');
  await page.goto('./#/activations?lesson=1');
  await saveScreenshot(page, 'activations-1-neuron-dark');
});

// A link pasted into the address bar of a tab already training another step (only the hash changes).
test('a link pasted into a tab that is training another step opens with its own settings', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=8');
  await waitForFirstFrame(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await page.goto('./#/activations?lesson=5&act=leaky&seed=3'); // same document: only the hash changes
  await expect(page.getByTestId('figure-dying')).toBeVisible();
  await waitForFirstFrame(page);
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('leaky');
  await expect(page.getByLabel('Hidden layers (exact value)')).toHaveValue('6'); // not the playground's 3
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect(page).not.toHaveURL(/spiral|opt=|width=/);
});
