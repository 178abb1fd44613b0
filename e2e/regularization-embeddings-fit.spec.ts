import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { LAPTOP_FIGURE_LIMIT, lessonFigureHeight } from './screenFit';

/**
 * Regularisation steps 5–6 and embeddings steps 4, 5 and 7: the figure with its run and parameter controls fits one
 * 1280×800 screen below the lesson header, before and after training — the same measurement as the loss chapter's
 * (e2e/loss-links.spec.ts): the figure column is sticky 12 px below the top of the window, so all of it must fit under
 * that.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const SHOTS = '/tmp/shots-fit';
mkdirSync(SHOTS, { recursive: true });

const STEPS = [
  'regularization?lesson=5',
  'regularization?lesson=6',
  'embeddings?lesson=4',
  'embeddings?lesson=5',
  'embeddings?lesson=7',
];

async function waitIdle(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Run 100' })).toBeEnabled({ timeout: 30_000 });
}

test('figure and controls fit one 1280×800 screen, before and after 100 training steps', async ({ page }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  for (const route of STEPS) {
    await page.goto(`./#/${route}`);
    await expect(page.locator('.lesson-figure')).toBeVisible();
    await waitIdle(page);
    const before = await lessonFigureHeight(page);
    await page.getByRole('button', { name: 'Run 100' }).click();
    await expect
      .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(100);
    await waitIdle(page);
    const after = await lessonFigureHeight(page);
    console.log(`#/${route}: figure + controls ${before} px before, ${after} px after training (1280×800)`);
    if (before > LAPTOP_FIGURE_LIMIT) problems.push(`${route} before training: ${before} px`);
    if (after > LAPTOP_FIGURE_LIMIT) problems.push(`${route} after training: ${after} px`);
    await page.locator('.lesson-figure').evaluate((el) => el.scrollIntoView());
    const name = route.replace(/[?&=]/g, '-');
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
    await page.locator('.lesson-figure').screenshot({ path: `${SHOTS}/${name}-figure.png` });
  }
  expect(problems).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`presenter 1920×1080 shows the whole figure, phone 390×844 has no sideways scroll (${scheme})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const route of STEPS) {
      const name = route.replace(/[?&=]/g, '-');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`./#/${route}&present=1`);
      await expect(page.getByTestId('presenter-bar')).toBeVisible();
      await waitIdle(page);
      await page.getByRole('button', { name: 'Run 10', exact: true }).click();
      await expect
        .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(10);
      // The presenter zoom re-fits the figure after its charts settle: wait for that state, not for a time.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight), {
          message: `${route}: presenter page scrolls`,
        })
        .toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/${name}-present-${scheme}.png` });

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`./#/${route}`);
      await waitIdle(page);
      await page.locator('.lesson-figure').screenshot({ path: `${SHOTS}/${name}-phone-${scheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect.soft(overflow, `${route}: sideways scroll on a phone`).toBeLessThanOrEqual(0);
    }
  });
}
