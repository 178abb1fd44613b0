import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The loss chapter (#/loss), what a share link carries beyond the parameter tables — step 2's painting, step 5's
 * probe — with bad values falling back safely; and the trained steps' figure + controls fitting one 1280×800 screen.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const SHOTS = '/tmp/shots-loss';
mkdirSync(SHOTS, { recursive: true });

const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';
const cell = (page: Page, i: number) =>
  page.getByTestId('image-prediction').locator(`rect[data-index="${i}"]`);

/** A fresh page load of `url` (not a hash change), as someone opening a shared link. */
async function reopen(page: Page, url: string) {
  await page.goto('./#/');
  await page.goto(url);
  await page.reload();
}

test('step 2: a share link reopens the painting; a new shift starts a clean copy', async ({ page }) => {
  await page.goto('./#/loss?lesson=2&shift=2');
  await expect(page.getByTestId('figure-mse')).toBeVisible();
  const unpainted = await text(page, 'image-mse');
  // Ink in the blank bottom-right corner, then erase one cell of the digit's copy.
  await cell(page, 143).click();
  await cell(page, 130).click();
  await page.getByRole('button', { name: 'Brush: erase' }).click();
  const before = await page
    .getByTestId('image-prediction')
    .locator('rect[data-index]')
    .evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
  const digitCell = before.findIndex((fill, i) => i < 130 && fill !== before[0]); // cell 0 is blank
  expect(digitCell, 'the shifted digit has an inked cell').toBeGreaterThanOrEqual(0);
  await cell(page, digitCell).click();
  await expect(page.getByTestId('image-painted')).toHaveText('3');
  await expect(page).toHaveURL(/[?&]paint=[0-9a-q]+(&|$)/);
  const painted = await text(page, 'image-mse');
  expect(painted).not.toBe(unpainted);
  const fills = async () =>
    page
      .getByTestId('image-prediction')
      .locator('rect[data-index]')
      .evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
  const paintedFills = await fills();

  const link = page.url();
  expect(link.split('paint=')[1].split('&')[0].length).toBeLessThanOrEqual(48);
  await reopen(page, link);
  await expect(page.getByTestId('image-painted')).toHaveText('3');
  await expect(page.getByTestId('image-mse')).toHaveText(painted);
  expect(await fills()).toEqual(paintedFills);
  await expect(page.getByTestId('notice-local-params')).toHaveCount(0);

  // Painted pixels belong to one shift: another shift drops them from the page and the link.
  await page.getByRole('slider', { name: /Shift of the copy/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/shift=1\.5/);
  await expect(page).not.toHaveURL(/paint=/);
  await expect(page.getByTestId('image-painted')).toHaveText('0');

  // Clear painting empties the link too.
  await cell(page, 0).click();
  await expect(page).toHaveURL(/paint=/);
  await page.getByRole('button', { name: 'Clear painting' }).click();
  await expect(page).not.toHaveURL(/paint=/);
  await expect(page.getByTestId('image-painted')).toHaveText('0');
});

test('step 2: a garbage painting in a link is ignored with a notice; painting then replaces it', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=2&shift=2');
  const clean = await text(page, 'image-mse');
  for (const bad of ['zz%3Cb%3E', '1'.repeat(60), '000', '%E2%88%9E']) {
    await reopen(page, `./#/loss?lesson=2&shift=2&paint=${bad}`);
    await expect(page.getByTestId('figure-mse')).toBeVisible();
    const notice = page.getByTestId('notice-local-params');
    await expect(notice).toContainText('Some settings in the link were not used');
    await expect(notice).toContainText('paint');
    await expect(page.getByTestId('image-painted')).toHaveText('0');
    await expect(page.getByTestId('image-mse')).toHaveText(clean);
  }
  await cell(page, 143).click();
  await expect(page.getByTestId('image-painted')).toHaveText('1');
  await expect(page).toHaveURL(/[?&]paint=[0-9a-q]+(&|$)/);
  await expect(page.getByTestId('notice-local-params')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/loss-2-painted-link-light.png` });
});

test('step 5: the probe h and target y are in the link; bad values fall back with a notice', async ({
  page,
}) => {
  await page.goto('./#/loss?lesson=5');
  await expect(page.getByTestId('probe-h')).toHaveText('0.100');
  await page.getByRole('slider', { name: /Loss vs prediction.*probe position/ }).focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/[?&]h=1(&|$)/);
  await page.getByRole('combobox', { name: /Target/ }).selectOption('0');
  await expect(page).toHaveURL(/[?&]y=0(&|$)/);
  await expect(page.getByTestId('curve-bce')).toHaveText('∞');

  await reopen(page, page.url());
  await expect(page.getByTestId('probe-h')).toHaveText('1.000');
  await expect(page.getByTestId('curve-bce')).toHaveText('∞');
  await expect(page.getByTestId('infinity-note')).toBeVisible();
  await expect(page.locator('.notice')).toHaveCount(0);
  // The race part keeps the probe in the link and reports nothing unknown.
  await page.getByRole('button', { name: '2 · MSE vs BCE, trained' }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 20_000 });
  await expect(page).toHaveURL(/h=1/);
  await expect(page.locator('.notice')).toHaveCount(0);

  await reopen(page, './#/loss?lesson=5&h=abc&y=7');
  const notice = page.getByTestId('notice-local-params');
  await expect(notice).toContainText('h = “abc”');
  await expect(notice).toContainText('y = “7”');
  await expect(page.getByTestId('probe-h')).toHaveText('0.100');
  await expect(page.getByTestId('curve-bce')).toHaveText('2.303'); // −log 0.1 for y = 1
  await reopen(page, './#/loss?lesson=5&h=7');
  await expect(page.getByTestId('probe-h')).toHaveText('1.000'); // clamped into [0, 1]
});

test('steps 3–6 after 100 training steps: figure and controls fit one 1280×800 screen', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const q of ['lesson=3', 'lesson=4', 'lesson=5', 'lesson=5&part=race', 'lesson=6']) {
    await page.goto(`./#/loss?${q}`);
    await expect(page.locator('.lesson-figure')).toBeVisible();
    if (q !== 'lesson=5') {
      await expect(page.getByRole('button', { name: 'Run 100' })).toBeEnabled({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Run 100' }).click();
      await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 30_000 });
    }
    // The figure column is sticky 12 px below the top of the window: all of it must fit under that.
    const height = await expect
      .poll(async () => Math.round((await page.locator('.lesson-figure').boundingBox())?.height ?? 0))
      .toBeGreaterThan(300)
      .then(async () => Math.round((await page.locator('.lesson-figure').boundingBox())?.height ?? 0));
    console.log(`#/loss?${q}: figure + controls ${height} px at 1280×800`);
    if (height > 800 - 12) problems.push(`${q}: ${height} px`);
    await page.locator('.lesson-figure').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}/loss-fit-${q.replace(/[&=]/g, '-')}.png` });
  }
  expect(problems).toEqual([]);
});
