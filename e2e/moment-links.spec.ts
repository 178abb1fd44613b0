import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Links to a moment: Share writes the step shown as `at=N`; opening that link in another browser replays the seeded
 * run in the worker to step N and pauses there, with the same read-outs as the sender's page. Bad or huge `at`
 * values are dropped or clamped with a notice.
 */

const stepText = (page: Page) => page.getByTestId('metric-step');

async function open(page: Page, hash: string) {
  await page.goto(`./${hash}`);
  await expect(page.getByTestId('lab-page')).toBeVisible();
}

/** Trains with Run 10 / Run 100 on a fresh page, presses Share and returns the link it wrote. */
async function shareAfter(browser: Browser, hash: string, clicks: string[], expectedStep: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, hash);
  await expect(stepText(page)).toHaveText('0', { timeout: 20_000 });
  for (const name of clicks) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('button', { name: 'Run 10', exact: true })).toBeEnabled();
  }
  await expect(stepText(page)).toHaveText(String(expectedStep), { timeout: 90_000 });
  await page.getByRole('button', { name: 'Share' }).click();
  // Share writes the moment into the address bar before copying it.
  await expect(page).toHaveURL(new RegExp(`[?&]at=${expectedStep}(&|$)`));
  const link = page.url();
  const loss = await page.getByTestId('metric-loss').textContent();
  await context.close();
  return { link, loss };
}

async function openInFreshContext(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  return { context, page };
}

test('a shared moment of a small model reopens at the same step and loss in another browser', async ({
  browser,
}) => {
  const sent = await shareAfter(
    browser,
    '#/lab?exp=classifier2d&dataset=xor&hidden=6%2C4&seed=11',
    ['Run 100', 'Run 100', 'Run 10', 'Step'],
    211,
  );
  expect(sent.link).toMatch(/[?&]at=211&seed=11$/);
  const { context, page } = await openInFreshContext(browser, sent.link);
  await expect(stepText(page)).toHaveText('211', { timeout: 20_000 });
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(page.getByTestId('metric-loss')).toHaveText(sent.loss ?? '');
  // The moment stays in the link until the run moves on.
  expect(page.url()).toMatch(/at=211/);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(stepText(page)).toHaveText('212');
  await expect(page).not.toHaveURL(/at=/);
  await context.close();
});

test('a shared moment of the Transformer reopens at the same step and loss in another browser', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const sent = await shareAfter(browser, '#/lab?exp=transformer&seed=5', ['Run 10', 'Run 10', 'Step'], 21);
  expect(sent.link).toMatch(/[?&]at=21&seed=5$/);
  const { context, page } = await openInFreshContext(browser, sent.link);
  await expect(stepText(page)).toHaveText('21', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(page.getByTestId('metric-loss')).toHaveText(sent.loss ?? '');
  await context.close();
});

test('a long replay shows its progress, then pauses at the step', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '#/lab?exp=classifier2d&seed=2&points=2000&batch=1&at=300000');
  // (the page must first load the experiment into a fresh worker: slow on a busy machine)
  await expect(page.getByTestId('replay-progress')).toContainText('Replaying the shared run to step 300000', {
    timeout: 30_000,
  });
  await page.screenshot({ path: '/tmp/shots-runtime/moment-replay-progress.png' });
  await expect(stepText(page)).toHaveText('300000', { timeout: 90_000 });
  await expect(page.getByTestId('replay-progress')).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveText('paused');
});

test('a bad at is ignored and a huge one clamped, each with a notice', async ({ page }) => {
  await open(page, '#/lab?exp=classifier2d&at=yesterday');
  await expect(page.getByTestId('notice-url')).toContainText('at = “yesterday”: not a step count');
  await expect(stepText(page)).toHaveText('0', { timeout: 20_000 });
  await expect(page.getByTestId('run-status')).toHaveText('idle');
  await open(page, '#/lab?exp=fault-test&at=5000000000');
  await expect(page.getByTestId('notice-url')).toContainText('too large — replaying to step 1000000');
  await expect(stepText(page)).toHaveText('1000000', { timeout: 30_000 });
});
