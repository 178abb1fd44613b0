import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Play's speed: a Speed control on every live experiment (keyboard accessible), `speed` in the link (steps per
 * second or `max`), a bad value clamped or dropped with a notice. Assertions are on step counts, never on timings:
 * a busy machine can only make training slower than its pace, never faster.
 */

const status = (page: Page) => page.getByTestId('run-status');
const stepOf = async (page: Page) => Number(await page.getByTestId('metric-step').textContent());

async function openLab(page: Page, query: string) {
  await page.goto(`./#/lab?${query}`);
  await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 20_000 });
}

test('a link with speed=10 plays about ten steps a second; Run 100 still trains exactly 100 at once', async ({
  page,
}) => {
  await openLab(page, 'exp=classifier2d&seed=3&speed=10');
  const slider = page.getByRole('slider', { name: 'Speed' });
  await expect(slider).toHaveAttribute('aria-valuetext', '10 steps/s');
  await expect(page.getByTestId('run-speed-value')).toHaveText('10 steps/s');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(status(page)).toHaveText('running');
  await expect.poll(() => stepOf(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(15);
  // At 10 steps/s, 15 steps took ≥ 1.4 s; a full-speed run would be in the thousands by now.
  expect(await stepOf(page)).toBeLessThan(60);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(status(page)).toHaveText('paused');
  const paused = await stepOf(page);
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect(page.getByTestId('metric-step')).toHaveText(String(paused + 100));
  await page.screenshot({ path: '/tmp/shots-runtime/speed-lab-10.png' });
});

test('the Speed slider works from the keyboard and writes the link; the default stays out of it', async ({
  page,
}) => {
  await openLab(page, 'exp=classifier2d&seed=2');
  const slider = page.getByRole('slider', { name: 'Speed' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'full speed'); // no lesson pace here: full speed
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '1 step/s');
  await expect(page).toHaveURL(/[?&]speed=1&seed=2$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '5 steps/s');
  await expect(page).toHaveURL(/[?&]speed=5&seed=2$/);
  await page.keyboard.press('End');
  await expect(page).not.toHaveURL(/speed=/);
  await expect(slider).toHaveAttribute('aria-valuetext', 'full speed');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', '60000 steps/s · 1000 per frame');
  await expect(page).toHaveURL(/[?&]speed=60000&seed=2$/);
  // The link reopens at that speed.
  await page.reload();
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute(
    'aria-valuetext',
    '60000 steps/s · 1000 per frame',
  );
});

test('a slow speed set while playing applies at once, and full speed trains fast again', async ({ page }) => {
  await openLab(page, 'exp=classifier2d&seed=4&speed=2');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepOf(page)).toBeGreaterThanOrEqual(2);
  const slider = page.getByRole('slider', { name: 'Speed' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect.poll(() => stepOf(page), { timeout: 15_000 }).toBeGreaterThan(2000);
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '1 step/s');
  // Frames already on their way carry steps trained at full speed before the worker heard of the new pace.
  await page.waitForTimeout(600);
  const slowFrom = await stepOf(page);
  await page.waitForTimeout(1500);
  // One step a second: a handful more at most (the read-out may lag the worker by a frame or two).
  expect(await stepOf(page)).toBeLessThanOrEqual(slowFrom + 4);
  await expect(status(page)).toHaveText('running');
});

for (const bad of [
  { raw: 'fast', shown: /speed = “fast”: not a speed/ },
  { raw: '1e9', shown: /speed = “1e9”: too fast — using 1000000 steps\/s/ },
  { raw: '-4', shown: /speed = “-4”: not a speed/ },
]) {
  test(`a bad speed in the link (${bad.raw}) falls back with a notice`, async ({ page }) => {
    await openLab(page, `exp=classifier2d&speed=${bad.raw}`);
    await expect(page.getByTestId('notice-url')).toContainText(bad.shown);
    await page.getByRole('button', { name: 'Run 10', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText('10');
  });
}
