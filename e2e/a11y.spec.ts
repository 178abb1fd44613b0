import { seriousViolations } from './axe';
import { test, expect, saveScreenshot } from './fixtures';

/** Automated accessibility checks (axe-core, WCAG 2.1 A/AA rules): no serious or critical violations. */

// axe walks every node: on a page full of live charts (the gallery) that takes tens of seconds on a slow CI machine.
test.describe.configure({ timeout: 120_000 });

test('home', async ({ page }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('chapter-list')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('home in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/');
  await expect(page.getByTestId('chapter-list')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a chapter lesson page, with a check answered and the contents open', async ({ page }) => {
  await page.goto('./#/activations?lesson=1');
  await expect(page.getByTestId('lesson-step-indicator')).toBeVisible();
  await page.getByText('Contents').click();
  await page.getByTestId('lesson-check').getByRole('radio').nth(1).check();
  await expect(page.getByTestId('lesson-check-feedback')).not.toBeEmpty();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a live training step (neurons: controls, metrics, boundary, loss)', async ({ page }) => {
  await page.goto('./#/neurons?lesson=5');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);
});

test('presenter mode with the QR code, and the help overlay', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./#/activations?lesson=1&present=1');
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  await page.getByRole('button', { name: 'QR code' }).click();
  await expect(page.getByTestId('qr-code')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, 'a11y-presenter-help');
});

test('the figure gallery', async ({ page }) => {
  await page.goto('./#/gallery');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  test.skip((await page.getByTestId('not-found').count()) > 0, 'the gallery route does not exist yet');
  expect(await seriousViolations(page)).toEqual([]);
});
