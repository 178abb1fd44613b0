import { seriousViolations } from './axe';
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { waitForFirstFrame } from './runReady';
import type { Page } from '@playwright/test';

/**
 * Embeddings step 7 (#/embeddings?lesson=7): two headline classifiers, frozen GloVe vectors vs an embedding
 * learned from scratch, trained in the worker side by side; held-out accuracy, live confusion matrices, and a typed
 * headline classified by both. Screenshots go to /tmp/emb-shots for a person to look at.
 */

test.describe.configure({ timeout: 180_000 });

const SHOTS = '/tmp/emb-shots';
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
const num = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).first().textContent());
const counts = async (page: Page, side: 'frozen' | 'scratch') => {
  const attr = await page.getByTestId(`confusion-${side}`).getAttribute('data-counts');
  return attr ? attr.split(',').map(Number) : [];
};

const FIGURES = ['sequences', 'tokens', 'one-hot', 'dense', 'analogies', 'glove-file', 'classifier'];

test('walk to step 7, Play to its natural stop: frozen vectors beat the learned embedding on held-out headlines', async ({
  page,
}) => {
  await page.goto('./#/embeddings?lesson=1&seed=1');
  for (let i = 0; i < FIGURES.length; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByTestId(`figure-${FIGURES[i]}`)).toBeVisible({ timeout: 20_000 });
  }
  await expect(page.getByTestId('lesson-step-indicator')).toContainText('7');
  await waitForFirstFrame(page, 30_000);
  await expect(page.getByTestId('cls-phase')).toContainText('Phase 1');
  const before = await counts(page, 'frozen');
  expect(before.reduce((a, b) => a + b, 0)).toBe(await num(page, 'cls-held-count'));

  await page.getByRole('button', { name: 'Play' }).click();
  // the confusion matrix changes while the run is still going
  await expect.poll(() => counts(page, 'frozen'), { timeout: 90_000 }).not.toEqual(before);
  // the step's natural stop: 100 GloVe steps, then 100 classifier steps
  await expect(page.getByTestId('run-status')).toHaveText('paused', { timeout: 150_000 });
  await expect(page.getByTestId('metric-step')).toHaveText('200');
  await expect(page.getByTestId('cls-phase')).toContainText('Phase 2');
  await expect(page.getByTestId('cls-phase')).toContainText('classifier step 100');

  const heldFrozen = await num(page, 'cls-held-frozen');
  const heldScratch = await num(page, 'cls-held-scratch');
  expect(heldFrozen).toBeGreaterThan(0.75); // chance is 0.25
  expect(heldFrozen).toBeGreaterThan(heldScratch + 0.25);
  expect(await num(page, 'cls-train-scratch')).toBeGreaterThan(0.9);
  // the confusion counts are the held-out set, and their diagonal is the accuracy read-out
  const total = await num(page, 'cls-held-count');
  for (const side of ['frozen', 'scratch'] as const) {
    const c = await counts(page, side);
    expect(c).toHaveLength(16);
    expect(c.reduce((a, b) => a + b, 0)).toBe(total);
    const diagonal = c[0] + c[5] + c[10] + c[15];
    expect((diagonal / total).toFixed(3)).toBe(await page.getByTestId(`cls-held-${side}`).textContent());
  }
  await shot(page, 'step7-trained-light');
  expect(await seriousViolations(page)).toEqual([]);
});

test('typed headlines: both models answer, and empty, emoji, RTL or very long text never breaks the page', async ({
  page,
}) => {
  await page.goto('./#/embeddings?lesson=7&seed=1');
  await waitForFirstFrame(page, 30_000);
  await page.getByRole('button', { name: 'Run 100' }).click();
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('200', { timeout: 90_000 });
  const input = page.getByTestId('cls-headline');
  const probsSum = async (side: 'frozen' | 'scratch') => {
    const cells = await page.getByTestId(`cls-probs-${side}`).getByTestId('cls-prob').allTextContents();
    expect(cells).toHaveLength(4);
    return cells.reduce((t, x) => t + Number(x), 0);
  };

  await input.fill('Tennis season opens at the football stadium');
  await expect(page).toHaveURL(/headline=/);
  await expect(page.getByTestId('cls-pred-frozen')).toHaveText('sport');
  await expect(page.getByTestId('cls-headline-note')).toContainText('Frozen knows');
  await expect(page.getByTestId('cls-headline-note')).toContainText('(not “tennis”');
  expect(Math.abs((await probsSum('frozen')) - 1)).toBeLessThan(0.02);
  expect(Math.abs((await probsSum('scratch')) - 1)).toBeLessThan(0.02);
  await shot(page, 'step7-typed');

  await input.fill('');
  await expect(page.getByTestId('cls-headline-note')).toContainText('biases alone');
  await expect(page.getByTestId('cls-pred-frozen')).toHaveText(/sport|business|science|world/);
  for (const text of ['👋🏽🇫🇷🎉', 'שלום עולם, מה נשמע', 'مرحبا بالعالم', '\u200b\u200f\u2060']) {
    await input.fill(text);
    await expect(page.getByTestId('cls-headline-note')).toContainText('knows none of its words');
    await expect(page.getByTestId('cls-pred-scratch')).toHaveText(/sport|business|science|world/);
  }
  await shot(page, 'step7-rtl');
  await input.fill('market '.repeat(200));
  await expect(page.getByTestId('notice-text')).toHaveCount(0); // typing is cut at the limit, silently
  await expect(page.getByTestId('cls-pred-frozen')).toHaveText('business');
  // a link with a too-long headline is cut with a notice
  await page.goto(`./#/embeddings?lesson=7&headline=${encodeURIComponent('bank '.repeat(200))}`);
  await expect(page.getByTestId('notice-text')).toContainText('first 400');
  await expect(page.getByTestId('figure-classifier')).toBeVisible();
});

test('the "Frozen random vectors" preset skips GloVe training: the frozen model starts at once', async ({
  page,
}) => {
  await page.goto('./#/embeddings?lesson=1');
  await page.getByTestId('preset-random-frozen').click();
  await expect(page.getByTestId('figure-classifier')).toBeVisible();
  await waitForFirstFrame(page, 30_000);
  await expect(page.getByTestId('cls-phase')).toContainText('frozen after 0 GloVe steps');
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 60_000 });
  await expect(page.getByTestId('cls-phase')).toContainText('classifier step 100');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`step 7 screens (${scheme}): 1280×800, presenter 1920×1080 fits, phone 390×844 without sideways scroll`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./#/embeddings?lesson=7&seed=1');
    await waitForFirstFrame(page, 30_000);
    await page.waitForTimeout(300);
    await shot(page, `s7-desktop-${scheme}`);
    await page.getByTestId('figure-classifier').screenshot({ path: `${SHOTS}/s7-figure-${scheme}.png` });
    // The Run controls, both confusion matrices and the typed headline fit one screen, and so does the whole figure
    // with its Settings (measured before and after training in e2e/regularization-embeddings-fit.spec.ts).
    const box = await page.getByTestId('figure-classifier').boundingBox();
    const headline = await page.getByTestId('cls-probs').boundingBox();
    expect(headline!.y + headline!.height - box!.y).toBeLessThanOrEqual(800);
    expect(box!.height).toBeLessThanOrEqual(800 - 12);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./#/embeddings?lesson=7&seed=1&present=1');
    await expect(page.getByTestId('presenter-bar')).toBeVisible();
    await waitForFirstFrame(page, 30_000);
    await page.waitForTimeout(1500); // the presenter zoom settles after the figure's first frame
    await shot(page, `s7-present-${scheme}`);
    expect(
      await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
    ).toBeLessThanOrEqual(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('./#/embeddings?lesson=7&seed=1&headline=שלום%20👋🏽%20tennis');
    await expect(page.getByTestId('figure-classifier')).toBeVisible();
    await waitForFirstFrame(page, 30_000);
    await page.getByTestId('figure-classifier').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, `s7-phone-${scheme}`);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    if (scheme === 'dark') expect(await seriousViolations(page)).toEqual([]);
  });
}
