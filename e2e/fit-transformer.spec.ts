import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  LAPTOP_FIGURE_LIMIT,
  lessonFigureHeight,
  openScreenStep,
  presenterAndPhoneProblems,
  presenterFault,
  trainScreenStep,
} from './screenFit';

/**
 * The Transformer chapter's six steps: the figure with its controls fits one 1280×800 screen (the figure column is
 * sticky 12 px below the top, see e2e/screenFit.ts) — steps 1–4 are static illustrations (measured once), step 5 before
 * and after 100 training steps, step 6 on a fresh model and on the trained one with a whole sequence decoded. Presenter
 * mode (1920×1080) still fits without scrolling and a 390×844 phone has no sideways scroll.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const SHOTS = '/tmp/shots-fit5';
mkdirSync(SHOTS, { recursive: true });

const STATIC_STEPS = [1, 2, 3, 4];

/**
 * Every step is asserted. The last two to fit (issue #19): step 2's seven stages, each a card whose formula shares the
 * chart's head, with the export buttons beside the matrix (was ~940 px), and step 5 — nine read-outs in one band,
 * the attention beside shorter curves, eleven settings (was ~850 px).
 */

/** `fits` false: the height is logged, not asserted (the caller says why). */
async function measure(page: Page, label: string, problems: string[], fits = true) {
  const height = await lessonFigureHeight(page);
  console.log(`transformer ${label}: figure + controls ${height} px (1280×800)`);
  if (fits && height > LAPTOP_FIGURE_LIMIT) problems.push(`${label}: ${height} px`);
  await page.locator('.lesson-figure').evaluate((el) => el.scrollIntoView());
  const name = `transformer-${label.replace(/[^a-z0-9]+/gi, '-')}`;
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.locator('.lesson-figure').screenshot({ path: `${SHOTS}/${name}-figure.png` });
}

/**
 * Step 5 with "Attention shown: self" on a laptop: the encoder's and the decoder's maps stand side by side, and
 * everything above the settings — run controls, read-outs, both maps and both curves — lies within the
 * LAPTOP_FIGURE_LIMIT px under the figure's top, i.e. on the screen the sticky figure column shows.
 */
async function selfViewProblems(page: Page): Promise<string[]> {
  const figure = page.getByTestId('tf-figure-train');
  const [enc, dec] = await Promise.all(
    [0, 1].map(async (i) => (await figure.locator('[data-chart="attention"]').nth(i).boundingBox())!),
  );
  const top = (await page.locator('.lesson-figure').boundingBox())!.y;
  const grid = (await figure.locator('.tf-train-grid').boundingBox())!;
  const problems: string[] = [];
  if (Math.abs(enc.y - dec.y) > 1 || enc.x + enc.width > dec.x)
    problems.push('step 5 self-attention: the two maps are not side by side');
  const below = Math.round(grid.y + grid.height - top);
  console.log(`transformer step 5 self-attention: maps and curves end ${below} px under the figure's top`);
  if (below > LAPTOP_FIGURE_LIMIT) problems.push(`step 5 self-attention: maps and curves end at ${below} px`);
  return problems;
}

async function waitIdle(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 30_000 });
}

test('every step: figure and controls fit one 1280×800 screen, before and after training', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  for (const step of STATIC_STEPS) {
    await page.goto(`./#/transformer?seed=1&lesson=${step}`);
    await expect(page.locator('.lesson-figure')).toBeVisible();
    await measure(page, `step ${step}`, problems);
  }

  await page.goto('./#/transformer?seed=1&lesson=6');
  await expect(page.getByTestId('tf-figure-decode')).toBeVisible();
  await waitIdle(page);
  await measure(page, 'step 6 untrained', problems);

  await page.goto('./#/transformer?seed=1&lesson=5');
  await expect(page.getByTestId('tf-figure-train')).toBeVisible();
  await waitIdle(page);
  await expect(page.getByTestId('metric-accuracy')).not.toHaveText('—');
  await measure(page, 'step 5 before training', problems);
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 120_000 })
    .toBeGreaterThanOrEqual(100);
  await waitIdle(page);
  await measure(page, 'step 5 after training', problems);
  // The other "Attention shown" view: the encoder's and the decoder's self-attention maps (issue #19; one above the
  // other they made the figure 1,067 px). Side by side, they and the curves stay on the screen with the run controls;
  // the settings under them do not all fit (see selfViewProblems), so the figure's height is logged, not asserted.
  await page.getByTestId('tf-attention-select').selectOption('self');
  await expect(page.locator('.tf-train-attention [data-chart="attention"]')).toHaveCount(2);
  await measure(page, 'step 5 self-attention', problems, false);
  problems.push(...(await selfViewProblems(page)));

  // Step 6 on the trained model, with a whole sequence decoded (the most it ever shows).
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('tf-figure-decode')).toBeVisible();
  await page.getByTestId('tf-decode-input').fill('27182818');
  for (let i = 0; i < 8; i++) await page.getByTestId('tf-next-token').click();
  await expect(page.getByTestId('tf-decode-probs')).toBeVisible();
  await measure(page, 'step 6 trained and decoded', problems);

  expect(problems).toEqual([]);
});

test('presenter 1920×1080 shows the whole figure, phone 390×844 has no sideways scroll', async ({ page }) => {
  test.setTimeout(240_000);
  const steps = [...STATIC_STEPS, 5, 6].map((n) => ({ route: `transformer?lesson=${n}` }));
  expect(await presenterAndPhoneProblems(page, steps, SHOTS)).toEqual([]);
});

test('step 5 with "Attention shown: self": presenter shows the whole figure, a phone has no sideways scroll', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const showSelf = async () => {
    await page.getByTestId('tf-attention-select').selectOption('self');
    await expect(page.locator('.tf-train-attention [data-chart="attention"]')).toHaveCount(2);
  };
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openScreenStep(page, 'transformer?lesson=5', '&present=1');
  await trainScreenStep(page, 10);
  await showSelf();
  // The presenter zoom re-fits the figure after its charts settle: wait for that state, not for a time.
  await expect.poll(() => presenterFault(page), { timeout: 15_000 }).toBe('');
  await page.screenshot({ path: `${SHOTS}/transformer-5-self-present.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await openScreenStep(page, 'transformer?lesson=5');
  await showSelf();
  await lessonFigureHeight(page);
  await page.locator('.lesson-figure').screenshot({ path: `${SHOTS}/transformer-5-self-phone.png` });
  // No sideways scroll, and no chart of the figure wider than its card (nothing cut off at the right).
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
  const cut = await page
    .getByTestId('tf-figure-train')
    .evaluate((figure) =>
      [...figure.querySelectorAll<HTMLElement>('.chart')]
        .filter((chart) => chart.scrollWidth > chart.clientWidth + 1)
        .map((chart) => chart.querySelector('.chart-title')?.textContent ?? '?'),
    );
  expect(cut).toEqual([]);
});

test('on a projector, the matrix grids of steps 1–3 keep their row and column labels apart', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const problems: string[] = [];
  for (const step of [1, 2, 3]) {
    await page.goto(`./#/transformer?lesson=${step}&present=1`);
    await expect(page.locator('text.row-label').first()).toBeVisible();
    // Neighbouring labels of one grid: row labels must not overlap vertically, upright column labels horizontally.
    const measure = () =>
      page.evaluate(() => {
        const found: string[] = [];
        for (const svg of document.querySelectorAll('svg')) {
          const pairs = (cls: string, axis: 'x' | 'y') => {
            const boxes = [...svg.querySelectorAll(`text.${cls}`)]
              .filter((t) => !t.getAttribute('transform'))
              .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
            for (let i = 1; i < boxes.length; i++) {
              const [a, b] = [boxes[i - 1], boxes[i]];
              const gap = axis === 'y' ? b.box.top - a.box.bottom : b.box.left - a.box.right;
              if (gap < -1) found.push(`${cls} "${a.text}" / "${b.text}" overlap by ${(-gap).toFixed(1)} px`);
            }
          };
          pairs('row-label', 'y');
          pairs('col-label', 'x');
        }
        return found;
      });
    // The grids are measured and drawn again as the presenter zoom and the charts' widths settle (a CI run caught
    // the first draw, 1.1 px tight, on step 1): what must hold is the settled figure, so wait for it.
    let last: string[] = [];
    await expect
      .poll(async () => (last = await measure()), { timeout: 10_000 })
      .toEqual([])
      .catch(() => problems.push(...last.map((o) => `step ${step}: ${o}`)));
  }
  expect(problems).toEqual([]);
});
