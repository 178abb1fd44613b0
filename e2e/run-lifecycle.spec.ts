import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * A run only trains while someone can see it and stop it: a hidden page holds a playing run (it plays on when the
 * page is visible again), and a run whose controls left the page (a lesson step without a live figure) pauses.
 */

const stepOf = async (page: Page) => Number(await page.getByTestId('metric-step').textContent());
type Stats = { framesReceived: number };
const framesReceived = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __gradientLabRuntime: Stats }).__gradientLabRuntime.framesReceived,
  );

async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', {
      value: h ? 'hidden' : 'visible',
      configurable: true,
    });
    Object.defineProperty(document, 'hidden', { value: h, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test('a hidden page stops training; a run that was playing plays on when the page is visible again', async ({
  page,
}) => {
  await page.goto('./#/lab?exp=classifier2d&seed=3');
  await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepOf(page)).toBeGreaterThan(100);
  await setHidden(page, true);
  // The worker's final frame after it held still arrives, then no more frames: nothing trains.
  await page.waitForTimeout(500);
  const framesHidden = await framesReceived(page);
  const stepHidden = await stepOf(page);
  await page.waitForTimeout(1500);
  expect(await framesReceived(page)).toBe(framesHidden);
  expect(await stepOf(page)).toBe(stepHidden);
  await expect(page.getByTestId('run-status')).toHaveText('running'); // it will play on
  await setHidden(page, false);
  await expect.poll(() => stepOf(page)).toBeGreaterThan(stepHidden + 100);
  await expect(page.getByTestId('run-status')).toHaveText('running');
  // A paused run stays paused across hiding and showing.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await setHidden(page, true);
  await setHidden(page, false);
  const pausedAt = await stepOf(page);
  await page.waitForTimeout(500);
  expect(await stepOf(page)).toBe(pausedAt);
  await expect(page.getByTestId('run-status')).toHaveText('paused');
});

test('a run whose controls leave the page pauses (Transformer: training step, then back to a drawn step)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./#/transformer?lesson=5');
  await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(5);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowLeft'); // step 4 draws on the main thread: no run controls
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText('Step 4 of 6');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await page.waitForTimeout(800);
  const frames = await framesReceived(page);
  await page.waitForTimeout(1500);
  expect(await framesReceived(page)).toBe(frames); // the worker stopped training
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  const step = await stepOf(page);
  expect(step).toBeGreaterThan(5); // the model it trained is still there
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(step);
});
