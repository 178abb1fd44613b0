import { test, expect } from './fixtures';
import { waitForFirstFrame } from './runReady';

/**
 * A display formula wider than its column scrolls sideways and, while it does, takes keyboard focus (tabindex 0) so
 * the arrow keys can scroll it; one that fits is not a tab stop. Tex.tsx reads the overflow after the browser's own
 * layout (a ResizeObserver), including after its live numbers change.
 */
test('a live formula is a tab stop exactly while it overflows: phone, laptop, phone again, and while training', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#/loss?lesson=4&seed=1');
  await waitForFirstFrame(page);
  const formula = page.locator('.loss-formula .tex-display');
  const overflow = () => formula.evaluate((el) => el.scrollWidth - el.clientWidth);
  await expect(formula).toHaveAttribute('tabindex', '0');
  expect(await overflow()).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('10');
  await expect(formula).toContainText('L=');
  await expect(formula).toHaveAttribute('tabindex', '0');
  await formula.focus();
  await expect(formula).toBeFocused();

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(formula).not.toHaveAttribute('tabindex');
  expect(await overflow()).toBeLessThanOrEqual(1);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(formula).toHaveAttribute('tabindex', '0');
});
