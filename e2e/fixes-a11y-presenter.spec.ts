import { seriousViolations } from './axe';
import { test, expect } from './fixtures';

/**
 * The CI flake and axe finding of the platform issue: the neurons check question is named for assistive tech, and
 * the presenter figure still fits the screen after fonts and charts settle (it re-fits whenever its content changes
 * size), checked for a while after the first fit, not only at one moment.
 */

test.describe.configure({ timeout: 120_000 });

test('axe: the neurons check-question radios have accessible names', async ({ page }) => {
  await page.goto('./#/neurons?lesson=1');
  const radios = page.getByTestId('lesson-check').getByRole('radio');
  await expect(radios).toHaveCount(3);
  await expect(radios.nth(0)).toHaveAccessibleName('6');
  await expect(radios.nth(2)).toHaveAccessibleName('2');
  expect(await seriousViolations(page)).toEqual([]);
});

test('presenter figure on neurons step 1 fits 1920×1080 and keeps fitting as the page settles', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./#/neurons?lesson=1&present=1&seed=3');
  const figure = page.getByTestId('presenter-figure');
  await expect.poll(async () => Number(await figure.getAttribute('data-zoom'))).toBeGreaterThan(1.1);
  const overflow = () => figure.evaluate((el) => el.scrollHeight - el.clientHeight);
  // sample across the time fonts and charts take to settle: the fit must hold at every sample
  for (let i = 0; i < 8; i++) {
    expect(await overflow()).toBeLessThanOrEqual(2);
    await page.waitForTimeout(150);
  }
  // a font loaded late (what slow machines saw) grows the content: the figure re-fits by itself
  await page.evaluate(() => {
    const content = document.querySelector('.presenter-figure-content') as HTMLElement;
    const filler = document.createElement('div');
    filler.style.height = '300px';
    filler.id = 'late-growth';
    content.appendChild(filler);
  });
  await expect.poll(overflow).toBeLessThanOrEqual(2);
});
