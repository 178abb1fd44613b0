import { seriousViolations } from './axe';
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { waitForFirstFrame } from './runReady';
import type { Page } from '@playwright/test';

/**
 * The loss-functions chapter (#/loss) against the production build: every step's figure, the numeric claims
 * read from the page's read-outs, share links and presets, bad links, screenshots and axe.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const SHOTS = '/tmp/shots-loss';
const FIGURES = [
  'figure-examples',
  'figure-mse',
  'figure-softmax',
  'figure-logistic',
  'figure-saturation',
  'figure-softmax-sign',
  'figure-chooser',
];

/** A read-out as a number; it must be a plain decimal. */
async function num(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).first().textContent()) ?? '';
  expect(text, `${testId} is a plain decimal`).toMatch(/^-?\d+(\.\d+)?$/);
  return Number(text);
}

/** Train exactly `n` steps (n a multiple of 100) with "Run 100" and wait for the step read-out. */
async function runSteps(page: Page, n: number) {
  const start = Number(await page.getByTestId('metric-step').textContent()) || 0;
  for (let i = 0; i < n / 100; i++) await page.getByRole('button', { name: 'Run 100' }).click();
  await expect.poll(() => num(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThanOrEqual(start + n);
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('step 1: dragging predictions updates each example’s loss and the mean', async ({ page }) => {
  await page.goto('./#/loss?lesson=1');
  await expect(page.getByTestId('figure-examples')).toBeVisible();
  const terms = async () => Promise.all([1, 2, 3, 4].map((i) => num(page, `loss-example-${i}`)));
  const before = await terms();
  expect(await num(page, 'loss-mean')).toBeCloseTo(before.reduce((a, b) => a + b, 0) / 4, 2);
  // keyboard drag: prediction 4 down by 3 × 0.5 (Shift + arrow)
  await page.getByTestId('handle-p4').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(page).toHaveURL(/p4=/);
  const after = await terms();
  expect(after[3]).toBeLessThan(before[3]);
  expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
  expect(await num(page, 'loss-mean')).toBeCloseTo(after.reduce((a, b) => a + b, 0) / 4, 2);
  // the lesson step did not change with the arrow keys
  await expect(page).toHaveURL(/lesson=1/);
  await page.getByRole('button', { name: 'Predict every target exactly' }).click();
  await expect(page.getByTestId('loss-mean')).toHaveText('0.000');
  await page.getByLabel('Per-example measure').selectOption('absolute');
  await expect(page).toHaveURL(/per=absolute/);
});

test('step 1: an out-of-range link value is clamped with a notice', async ({ page }) => {
  await page.goto('./#/loss?lesson=1&p1=99&y1=3');
  await expect(page.getByTestId('notice-local-params')).toContainText('p1');
  // ŷ₁ clamped to 5: (3 − 5)² = 4
  await expect(page.getByTestId('loss-example-1')).toHaveText('4.000');
});

test('step 2: image MSE is 0 for identical images, grows with the shift and with painting', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=2&shift=0');
  await expect(page.getByTestId('figure-mse')).toBeVisible();
  await expect(page.getByTestId('image-mse')).toHaveText('0.0000');
  await page.goto('./#/loss?lesson=2&shift=1');
  const shifted = await num(page, 'image-mse');
  expect(shifted).toBeGreaterThan(0);
  await page.goto('./#/loss?lesson=2&shift=2');
  expect(await num(page, 'image-mse')).toBeGreaterThan(shifted);
  // paint ink into the bottom-right corner, where the target is blank: the MSE rises
  const before = await num(page, 'image-mse');
  await page.getByTestId('image-prediction').locator('rect[data-index="143"]').click();
  await expect.poll(() => num(page, 'image-mse')).toBeGreaterThan(before);
  await shot(page, 'loss-2-images-light');
});

test('step 2: an outlier tilts the least-squares line much more than the least-absolute line', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=2&view=fit');
  const mse0 = await num(page, 'fit-mse-slope');
  const mae0 = await num(page, 'fit-mae-slope');
  await page.getByLabel('Add an outlier').check();
  await expect(page).toHaveURL(/outlier=true/);
  const mse1 = await num(page, 'fit-mse-slope');
  const mae1 = await num(page, 'fit-mae-slope');
  expect(Math.abs(mse1 - mse0)).toBeGreaterThan(3 * Math.abs(mae1 - mae0));
  // each line is best on its own loss
  await shot(page, 'loss-2-fit-outlier-light');
});

test('step 3: softmax + cross-entropy learns the blobs; a point’s loss is −log of its true-class probability', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=3');
  await expect(page.getByTestId('figure-softmax')).toBeVisible();
  await waitForFirstFrame(page);
  await runSteps(page, 100);
  expect(await num(page, 'metric-accuracy')).toBeGreaterThanOrEqual(0.95);
  expect(await num(page, 'metric-p-true')).toBeGreaterThan(0.9);
  // pick a point with the slider; its loss is −log h_true from the formula's probabilities
  const slider = page.getByRole('slider', { name: 'Inspect point' });
  await slider.fill('7');
  await expect(page.getByTestId('picked-point')).toHaveText('7');
  expect(await num(page, 'point-loss')).toBeGreaterThanOrEqual(0);
  // hover: the nearest point is picked
  const circle = page.locator('[data-testid="figure-softmax"] circle.point').nth(20);
  await circle.hover({ force: true });
  await expect(page.getByTestId('picked-point')).toHaveText('21');
  await shot(page, 'loss-3-softmax-light');
});

test('step 3: the inspect ring sits on the inspected point, on a laptop and zoomed in presenter mode', async ({
  page,
}) => {
  for (const [extra, viewport] of [
    ['', { width: 1280, height: 800 }],
    ['&present=1', { width: 1920, height: 1080 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto(`./#/loss?lesson=3&seed=1${extra}`);
    await waitForFirstFrame(page);
    await page.getByRole('slider', { name: 'Inspect point' }).fill('7');
    await expect(page.getByTestId('picked-point')).toHaveText('7');
    const centre = async (selector: string, nth = 0) => {
      const box = await page.locator(selector).nth(nth).boundingBox();
      return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : { x: NaN, y: NaN };
    };
    await expect
      .poll(
        async () => {
          const [ring, point] = [
            await centre('[data-testid="figure-softmax"] circle.marked'),
            await centre('[data-testid="figure-softmax"] circle.point', 6),
          ];
          return Math.hypot(ring.x - point.x, ring.y - point.y);
        },
        { message: `ring off its point (${extra || 'laptop'})` },
      )
      .toBeLessThan(3);
  }
});

test('step 4: logistic regression reaches ≥ 95 % and its drawn line is θᵀx = 0 of the θ read-outs', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=4');
  await expect(page.getByTestId('figure-logistic')).toBeVisible();
  await waitForFirstFrame(page);
  await runSteps(page, 100);
  expect(await num(page, 'metric-accuracy')).toBeGreaterThanOrEqual(0.95);
  const th1 = await num(page, 'metric-th1');
  const th2 = await num(page, 'metric-th2');
  // the line as drawn (pixels in the plane's viewBox) mapped back to data coordinates
  const line = page.getByTestId('boundary-line');
  const svg = page.locator('[data-chart="logistic-plane"] svg');
  const size = Number((await svg.getAttribute('viewBox'))!.split(' ')[2]);
  const pad = 8;
  const toData = (p: number) => -1.5 + ((p - pad) / (size - 2 * pad)) * 3;
  for (const end of ['1', '2']) {
    const x = toData(Number(await line.getAttribute(`x${end}`)));
    const y = toData(size - Number(await line.getAttribute(`y${end}`)));
    expect(Math.abs(th1 * x + th2 * y) / Math.hypot(th1, th2)).toBeLessThan(0.01);
  }
  await shot(page, 'loss-4-logistic-light');
});

test('step 4: when training carries θ beyond the plotted window, the surface marks it on the edge and says so', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=4&seed=1&speed=max&at=60');
  await expect(page.getByTestId('figure-logistic')).toBeVisible();
  await expect(page.getByTestId('metric-step')).toHaveText('60', { timeout: 20_000 });
  const surface = page.locator('[data-chart="loss-surface"]');
  // at step 60 θ is inside the window: the current point is drawn, no edge mark
  await expect(surface.locator('.opt-current')).toHaveCount(1);
  await expect(surface.locator('.opt-offchart')).toHaveCount(0);
  await page.locator('button.run-play').click();
  await expect(surface.locator('.opt-offchart')).toHaveCount(1, { timeout: 20_000 });
  await page.locator('button.run-play').click(); // pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  const th1 = await num(page, 'metric-th1');
  const th2 = await num(page, 'metric-th2');
  // the surface spans θ in [−6, 8]²: the mark appears only once θ has left it
  expect(Math.max(th1, th2) > 8 || Math.min(th1, th2) < -6).toBe(true);
  await expect(surface.locator('.opt-current')).toHaveCount(0);
  await expect(surface.locator('figcaption')).toContainText('outside the plotted range');
  await expect(surface.locator('.opt-offchart')).toBeVisible();
});

test('step 4 on a projector: the loss surface over θ ∈ [−6, 8]² keeps its shape instead of flattening', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./#/loss?lesson=4&present=1');
  const plot = page.locator('[data-chart="loss-surface"]').getByRole('img', { name: /^Loss L/ });
  await expect(plot).toBeVisible();
  const box = (await plot.boundingBox())!;
  expect(box.width).toBeGreaterThan(500); // the panel is wide here …
  // … and the surface grows with it, up to 340 px: it stayed 180 px tall (a plot area of about 80 px under the
  // enlarged axis labels), a strip five times wider than tall
  expect(box.height).toBeGreaterThanOrEqual(300);
  expect(box.height / box.width).toBeGreaterThan(0.3);
});

test('step 5: curves — BCE keeps a full gradient where squared error fades; log 0 shows ∞', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=5');
  await expect(page.getByTestId('figure-saturation')).toBeVisible();
  const gb = await num(page, 'grad-bce');
  const gm = await num(page, 'grad-mse');
  expect(Math.abs(gb)).toBeGreaterThan(5 * Math.abs(gm));
  await page.getByRole('slider', { name: /Loss vs prediction.*probe position/ }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('curve-bce')).toHaveText('∞');
  await expect(page.getByTestId('infinity-note')).toBeVisible();
  await expect(page.getByTestId('curve-mse')).toHaveText('1.000');
  await shot(page, 'loss-5-curves-light');
});

test('step 5: from the same saturated start, BCE recovers and MSE stalls at a fixed step count', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=5&part=race');
  await waitForFirstFrame(page);
  await expect(page.locator('.notice')).toHaveCount(0);
  expect(await num(page, 'acc-mse')).toBe(await num(page, 'acc-bce'));
  await runSteps(page, 200);
  const accBce = await num(page, 'acc-bce');
  const accMse = await num(page, 'acc-mse');
  expect(accBce).toBeGreaterThan(0.95);
  expect(accMse).toBeLessThan(0.5);
  expect(await num(page, 'sq-bce')).toBeLessThan((await num(page, 'sq-mse')) / 10);
  expect(await num(page, 'ce-bce')).toBeLessThan((await num(page, 'ce-mse')) / 10);
  await shot(page, 'loss-5-race-light');
});

test('step 6: with the minus dropped the true-class probability falls below 0.1; with it, it rises', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=6');
  await expect(page.getByTestId('figure-softmax-sign')).toBeVisible();
  await waitForFirstFrame(page);
  const start = await num(page, 'metric-p-true');
  const startLoss = await num(page, 'metric-loss');
  await runSteps(page, 100);
  expect(await num(page, 'metric-p-true')).toBeLessThan(0.1);
  expect(await num(page, 'metric-loss')).toBeGreaterThan(startLoss);
  // The picked point's formulas show whole in the side column, also when its loss is ∞ (log 0).
  const hidden = await page
    .getByTestId('point-formula')
    .locator('.tex-display')
    .evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
  expect(hidden.length).toBeGreaterThan(2);
  expect(Math.max(...hidden)).toBeLessThanOrEqual(0);
  if ((await page.getByTestId('point-loss').textContent()) === '∞') {
    // h_true underflowed: the loss reads ∞, and the line below says why in words, typeset (not TeX source).
    const shown = page.getByTestId('point-formula').locator('.katex-html').last();
    await expect(shown).toHaveText(/^since\s*log\s*0\s*=\s*−\s*∞$/);
  }
  await shot(page, 'loss-6-sign-dropped-light');
  await page.getByLabel('Loss sign').selectOption('correct');
  await expect(page).toHaveURL(/sign=correct/);
  await expect.poll(() => num(page, 'metric-step'), { timeout: 20_000 }).toBe(0);
  await runSteps(page, 100);
  expect(await num(page, 'metric-p-true')).toBeGreaterThan(start);
});

test('step 7: the chooser gives instant feedback per scenario', async ({ page }) => {
  await page.goto('./#/loss?lesson=7&scenario=tags');
  await expect(page.getByTestId('figure-chooser')).toBeVisible();
  await page.getByRole('radio', { name: 'Softmax + cross-entropy' }).check();
  await expect(page.getByTestId('chooser-feedback')).toContainText('Not quite');
  await page.getByRole('radio', { name: 'Sigmoid + binary cross-entropy' }).check();
  await expect(page.getByTestId('chooser-feedback')).toContainText('Right');
  await expect(page.getByTestId('chooser-right')).toHaveText('1');
  await page.getByLabel('Scenario').selectOption('digit');
  await expect(page).toHaveURL(/scenario=digit/);
  await expect(page.getByTestId('chooser-feedback')).toHaveCount(0);
});

test('a bad share link falls back with a notice and clamps', async ({ page }) => {
  await page.goto('./#/loss?lesson=3&hidden=999&lr=abc&sign=maybe');
  await waitForFirstFrame(page);
  const notice = page.locator('.notice').first();
  await expect(notice).toContainText('hidden');
  await expect(page).toHaveURL(/hidden=32/);
});

test('walking all seven steps with the keyboard shows each figure; every check question answers', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=1');
  for (const [i, id] of FIGURES.entries()) {
    await expect(page).toHaveURL(new RegExp(`lesson=${i + 1}`));
    await expect(page.getByTestId(id)).toBeVisible();
    await page.getByTestId('lesson-check').getByRole('radio').first().check();
    await expect(page.getByTestId('lesson-check-feedback')).toContainText(/Correct|Not quite/);
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('ArrowRight');
  }
});

for (const [id, lesson, figure] of [
  ['outlier', 2, 'figure-mse'],
  ['spiral', 3, 'figure-softmax'],
  ['mse-stalls', 5, 'figure-saturation'],
  ['drop-the-minus', 6, 'figure-softmax-sign'],
] as const) {
  test(`instructor preset "${id}" is a share link that opens its state`, async ({ page }) => {
    await page.goto('./#/loss?lesson=1');
    const link = page.getByTestId(`preset-${id}`);
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^#/loss\\?lesson=${lesson}`));
    await link.click();
    await expect(page.getByTestId(figure)).toBeVisible();
    await expect(page.locator('.notice')).toHaveCount(0);
    if (id === 'drop-the-minus') await expect(page.getByLabel('Loss sign')).toHaveValue('dropped');
    if (id === 'spiral') await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('spiral');
    if (id === 'mse-stalls') await expect(page.getByTestId('acc-bce')).toBeVisible();
    if (id === 'outlier') await expect(page.getByLabel('Add an outlier')).toBeChecked();
  });
}

test('screenshots: light, dark, presenter 1920×1080 and phone 390×844 — no sideways scroll, axe clean', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const queries = [
    'lesson=1',
    'lesson=2',
    'lesson=3',
    'lesson=4',
    'lesson=5&part=race',
    'lesson=6',
    'lesson=7',
  ];
  for (const [k, q] of queries.entries()) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`./#/loss?${q}`);
    const figure = page.getByTestId(FIGURES[k]);
    await expect(figure).toBeVisible();
    await page.waitForTimeout(600);
    expect(await seriousViolations(page), `axe on step ${k + 1}`).toEqual([]);
    const box = await figure.boundingBox();
    console.log(`step ${k + 1} figure height at 1280×800: ${Math.round(box?.height ?? 0)} px`);
    await figure.evaluate((el) => el.scrollIntoView());
    await shot(page, `loss-${k + 1}-light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(400);
    await shot(page, `loss-${k + 1}-dark`);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`./#/loss?${q}&present=1`);
    await expect(figure).toBeVisible();
    await page.waitForTimeout(600);
    await shot(page, `loss-${k + 1}-present`);
    const scroll = await page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);
    console.log(`step ${k + 1} presenter overflow: ${scroll} px`);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./#/loss?${q}`);
    await expect(figure).toBeVisible();
    await page.waitForTimeout(400);
    const overflowX = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflowX, `sideways scroll on step ${k + 1} at 390 px`).toBeLessThanOrEqual(0);
    await figure.evaluate((el) => el.scrollIntoView());
    await shot(page, `loss-${k + 1}-phone`);
  }
});
