import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { LAPTOP_FIGURE_LIMIT, lessonFigureHeight } from './screenFit';

/**
 * Backprop steps 1–5 and gradient-descent steps 1–4: the figure with its run controls, read-outs and settings fits
 * one 1280×800 screen (the figure column is sticky 12 px below the top, so at most LAPTOP_FIGURE_LIMIT), before and
 * after training; presenter mode (1920×1080) shows it without scrolling and a 390×844 phone has no sideways scroll.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const SHOTS = '/tmp/shots-fit3';
mkdirSync(SHOTS, { recursive: true });

const CHAPTERS = {
  backprop: [1, 2, 3, 4, 5],
  'gradient-descent': [1, 2, 3, 4],
} as const;

const runButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function waitIdle(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 30_000 });
}

const wholePass = (page: Page) => page.getByRole('button', { name: 'Show the whole pass' });

/** The figure has drawn everything it draws before training: its model is ready and nothing says "Loading…". */
async function settled(page: Page) {
  if (await trains(page)) {
    await waitIdle(page);
    await expect(runButton(page, 'Run 100')).toBeEnabled({ timeout: 30_000 });
  }
  await expect(page.locator('.lesson-figure .loading')).toHaveCount(0, { timeout: 30_000 });
}

/** Whether this step trains (a static figure has no run buttons). */
async function trains(page: Page): Promise<boolean> {
  return (await runButton(page, 'Run 100').count()) > 0;
}

async function train(page: Page, steps: 10 | 100) {
  await expect(runButton(page, `Run ${steps}`)).toBeEnabled({ timeout: 30_000 });
  // Before the first step the read-out shows a dash, not 0.
  const start = Number(await page.getByTestId('metric-step').textContent()) || 0;
  await runButton(page, `Run ${steps}`).click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(start + steps);
  await waitIdle(page);
}

for (const [chapter, steps] of Object.entries(CHAPTERS)) {
  test(`${chapter}: figure and controls fit one 1280×800 screen, before and after training`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    for (const n of steps) {
      const route = `${chapter}?lesson=${n}&seed=1`;
      await page.goto(`./#/${route}`);
      await expect(page.locator('.lesson-figure')).toBeVisible();
      await settled(page);
      const before = await lessonFigureHeight(page);
      const name = `${chapter}-${n}`;
      let after = before;
      if (await trains(page)) {
        await waitIdle(page);
        await train(page, 100);
        after = await lessonFigureHeight(page);
      } else if ((await wholePass(page).count()) > 0) {
        // The chain step does not train: its tallest state is the whole forward and backward pass written out.
        await wholePass(page).click();
        await expect(page.getByTestId('chain-formulas').locator('li')).toHaveCount(13);
        after = await lessonFigureHeight(page);
      }
      console.log(`#/${route}: figure + controls ${before} px before, ${after} px after training (1280×800)`);
      if (before > LAPTOP_FIGURE_LIMIT) problems.push(`${route} before training: ${before} px`);
      if (after > LAPTOP_FIGURE_LIMIT) problems.push(`${route} after training: ${after} px`);
      await page.locator('.lesson-figure').evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: `${SHOTS}/${name}.png` });
    }
    expect(problems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`${chapter}: presenter 1920×1080 shows the whole figure, phone 390×844 has no sideways scroll (${scheme})`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await page.emulateMedia({ colorScheme: scheme });
      const problems: string[] = [];
      for (const n of steps) {
        const route = `${chapter}?lesson=${n}&seed=1`;
        const name = `${chapter}-${n}`;
        await page.setViewportSize({ width: 1920, height: 1080 });
        await page.goto(`./#/${route}&present=1`);
        await expect(page.getByTestId('presenter-bar')).toBeVisible();
        await expect(page.locator('.lesson-figure')).toBeVisible();
        if (await trains(page)) {
          await waitIdle(page);
          await train(page, 10);
        }
        // The presenter zoom re-fits the figure after its charts settle: wait for that state, not for a time.
        const figure = page.getByTestId('presenter-figure');
        const scrolls = () => figure.evaluate((el) => el.scrollHeight - el.clientHeight);
        const pageScrolls = () =>
          page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
        await expect
          .poll(pageScrolls, { message: `${route}: presenter page scrolls` })
          .toBeLessThanOrEqual(0);
        await expect.poll(scrolls, { message: `${route}: presenter figure scrolls` }).toBeLessThanOrEqual(1);
        const box = await page.locator('.lesson-figure').boundingBox();
        if (!box || box.y < 0 || box.y + box.height > 1080 + 1 || box.x < 0 || box.x + box.width > 1920 + 1)
          problems.push(`${route}: presenter figure box outside the window (${JSON.stringify(box)})`);
        await page.screenshot({ path: `${SHOTS}/${name}-present-${scheme}.png` });

        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`./#/${route}`);
        await expect(page.locator('.lesson-figure')).toBeVisible();
        await lessonFigureHeight(page);
        await page.locator('.lesson-figure').screenshot({ path: `${SHOTS}/${name}-phone-${scheme}.png` });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${route}: phone scrolls sideways by ${overflow} px`);
      }
      expect(problems).toEqual([]);
    });
  }
}
