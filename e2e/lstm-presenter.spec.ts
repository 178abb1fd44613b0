import { mkdirSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The LSTM chapter in presenter mode at 1920×1080: every step's figure settles to fit the screen — before training and
 * after the first trained frames have filled its tables and charts — and nothing inside it is cut off (no element
 * clips content sideways, the figure box stays inside the window). Screenshots to /tmp/shots-lstm/ to look at.
 */

const STEPS = ['forget', 'cell', 'gates', 'recall', 'gradient', 'char'];
const SHOTS = '/tmp/shots-lstm';
mkdirSync(SHOTS, { recursive: true });

test.use({ viewport: { width: 1920, height: 1080 } });

/** 'fits', or what does not: the box scrolling, the box leaving the window, or elements that clip their content. */
const layoutProblem = (figure: Locator) =>
  figure.evaluate((box) => {
    const problems: string[] = [];
    const down = box.scrollHeight - box.clientHeight;
    const across = box.scrollWidth - box.clientWidth;
    if (down > 2 || across > 2) problems.push(`figure scrolls ${down}px down, ${across}px across`);
    const r = box.getBoundingClientRect();
    if (r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1)
      problems.push(`figure box ends at ${Math.round(r.right)}×${Math.round(r.bottom)}`);
    for (const el of box.querySelectorAll<HTMLElement>('*')) {
      // KaTeX's MathML twin is visually hidden on purpose (screen readers read it): not content that is cut.
      if (el.closest('.katex-mathml, .visually-hidden') || el.clientWidth <= 1) continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
      if (clips && el.scrollWidth > el.clientWidth + 2 && el.getClientRects().length > 0)
        problems.push(
          `${el.tagName.toLowerCase()}.${el.className} clips ${el.scrollWidth - el.clientWidth}px`,
        );
    }
    return problems.length ? problems.join('; ') : 'fits';
  });

test('presenter 1920×1080: every LSTM step fits after settling, before and after training; nothing cut', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const zooms: string[] = [];
  for (let i = 0; i < STEPS.length; i++) {
    await page.goto(`./#/lstm?lesson=${i + 1}&present=1&seed=1`);
    const figure = page.getByTestId('presenter-figure');
    await expect(page.getByTestId(`figure-${STEPS[i]}`)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 20_000 });
    await expect
      .poll(() => layoutProblem(figure), { timeout: 10_000, message: `step ${i + 1} before training` })
      .toBe('fits');
    await page.locator('button[title="Train exactly 10 steps"]').click();
    await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 60_000 });
    await expect(page.getByTestId('run-status')).toHaveText('paused');
    await expect
      .poll(() => layoutProblem(figure), { timeout: 10_000, message: `step ${i + 1} after training` })
      .toBe('fits');
    zooms.push(`${i + 1}: ${await figure.getAttribute('data-zoom')}`);
    await page.screenshot({ path: `${SHOTS}/lstm-present-trained-${i + 1}-${STEPS[i]}.png` });
  }
  console.log(`LSTM presenter zoom by step: ${zooms.join(', ')}`);
});

test('step 2 on a projector: the cell diagram takes about half the screen, its equation beside it', async ({
  page,
}) => {
  await page.goto('./#/lstm?lesson=2&present=1');
  const diagram = page.locator('.lstm-cell');
  await expect(diagram).toBeVisible();
  await expect(page.getByTestId('cell-equation')).toBeVisible();
  const d = (await diagram.boundingBox())!;
  const eq = (await page.getByTestId('cell-equation').boundingBox())!;
  expect(d.width).toBeGreaterThan(1920 * 0.4); // was 440 px before zoom, under a quarter of the screen
  expect(eq.x).toBeGreaterThan(d.x + d.width - 1); // beside the diagram, not under it
  await page.screenshot({ path: `${SHOTS}/cell-side-by-side.png` });
});
