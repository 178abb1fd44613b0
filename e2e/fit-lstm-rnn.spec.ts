import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { LAPTOP_FIGURE_LIMIT, lessonFigureHeight } from './screenFit';

/**
 * LSTM steps 1–6, RNN step 2, embeddings step 3 and regularisation step 4: the figure with its run controls,
 * read-outs and settings fits one 1280×800 screen (the figure column is sticky 12 px below the top), before and after
 * training where the step trains (Run 100, or Run 10 where that is the step's largest batch) and once for a static
 * figure. Presenter mode fits without scrolling and a phone has no sideways scroll.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const SHOTS = '/tmp/shots-fit2';
mkdirSync(SHOTS, { recursive: true });

const CHAPTERS: Record<string, string[]> = {
  lstm: [
    'lstm?lesson=1',
    'lstm?lesson=2',
    'lstm?lesson=3',
    'lstm?lesson=4',
    'lstm?lesson=5',
    'lstm?lesson=6',
  ],
  rnn: ['rnn?lesson=2'],
  embeddings: ['embeddings?lesson=3'],
  regularization: ['regularization?lesson=4'],
};

const shotName = (route: string) => route.replace(/[?&=]/g, '-');

/** The largest run button the step shows, or null for a figure that does not train. */
async function runButton(page: Page) {
  for (const name of ['Run 100', 'Run 10']) {
    const button = page.getByRole('button', { name, exact: true });
    if ((await button.count()) > 0) return { button, steps: name === 'Run 100' ? 100 : 10 };
  }
  return null;
}

async function waitIdle(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 30_000 });
}

async function train(page: Page, steps: number) {
  const run = await runButton(page);
  if (!run) return false;
  await waitIdle(page);
  await expect(run.button).toBeEnabled({ timeout: 30_000 });
  // Before the first frame the read-out shows a dash.
  const from = Number(await page.getByTestId('metric-step').textContent()) || 0;
  const batch = Math.min(steps, run.steps);
  await run.button.click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(from + batch);
  await waitIdle(page);
  return true;
}

async function openStep(page: Page, route: string) {
  await page.goto(`./#/${route}${route.includes('?') ? '&' : '?'}seed=1`);
  await expect(page.locator('.lesson-figure')).toBeVisible();
}

for (const [chapter, steps] of Object.entries(CHAPTERS)) {
  test(`${chapter}: figure and controls fit one 1280×800 screen, before and after training`, async ({
    page,
  }) => {
    test.setTimeout(360_000);
    const problems: string[] = [];
    for (const route of steps) {
      await openStep(page, route);
      const trains = (await runButton(page)) !== null;
      if (trains) await waitIdle(page);
      const before = await lessonFigureHeight(page);
      if (before > LAPTOP_FIGURE_LIMIT) problems.push(`${route} before training: ${before} px`);
      let after = before;
      if (trains) {
        await train(page, 100);
        after = await lessonFigureHeight(page);
        if (after > LAPTOP_FIGURE_LIMIT) problems.push(`${route} after training: ${after} px`);
      }
      console.log(
        `#/${route}: ${before} px before, ${after} px after training (limit ${LAPTOP_FIGURE_LIMIT})`,
      );
      await page.locator('.lesson-figure').evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: `${SHOTS}/${shotName(route)}.png` });
      await page.locator('.lesson-figure').screenshot({ path: `${SHOTS}/${shotName(route)}-figure.png` });
    }
    expect(problems).toEqual([]);
  });

  test(`${chapter}: presenter 1920×1080 shows the whole figure, phone 390×844 has no sideways scroll`, async ({
    page,
  }) => {
    test.setTimeout(360_000);
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const route of steps) {
        const name = shotName(route);
        await page.setViewportSize({ width: 1920, height: 1080 });
        await openStep(page, `${route}&present=1`);
        await expect(page.getByTestId('presenter-bar')).toBeVisible();
        await train(page, 10);
        const figure = page.getByTestId('presenter-figure');
        // The presenter zoom re-fits the figure after its charts settle: wait for that state, not for a time.
        await expect
          .poll(
            () =>
              figure.evaluate((el) => {
                const box = el.getBoundingClientRect();
                const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
                const inside =
                  box.top >= 0 &&
                  box.left >= 0 &&
                  box.bottom <= innerHeight + 1 &&
                  box.right <= innerWidth + 1;
                return !scrolls && inside;
              }),
            { timeout: 15_000 },
          )
          .toBe(true)
          .catch(() => problems.push(`${route} (${scheme}): presenter figure scrolls or leaves the window`));
        await page.screenshot({ path: `${SHOTS}/${name}-present-${scheme}.png` });

        await page.setViewportSize({ width: 390, height: 844 });
        await openStep(page, route);
        await page.locator('.lesson-figure').waitFor();
        await page.locator('.lesson-figure').screenshot({ path: `${SHOTS}/${name}-phone-${scheme}.png` });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${route} (${scheme}): ${overflow} px sideways scroll on a phone`);
      }
    }
    expect(problems).toEqual([]);
  });
}
