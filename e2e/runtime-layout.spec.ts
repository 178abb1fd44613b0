import { test, expect } from './fixtures';

/**
 * The run controls (with the Speed slider and a replay's progress) at the three sizes we support, light and dark:
 * a 1280×800 laptop, presenter mode at 1920×1080 and a 390×844 phone. Nothing may overflow sideways, the Speed
 * control stays reachable, and its text is at least 11 px. Screenshots go to /tmp/shots-runtime for a person to look at.
 */

const SIZES = [
  { name: 'laptop', width: 1280, height: 800, query: '' },
  { name: 'presenter', width: 1920, height: 1080, query: '&present=1' },
  { name: 'phone', width: 390, height: 844, query: '' },
] as const;

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`run controls at ${size.name} size, ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        colorScheme: scheme,
      });
      const page = await context.newPage();
      await page.goto(`./#/neurons?lesson=4&speed=30&at=120${size.query}`);
      await expect(page.getByTestId('metric-step')).toHaveText('120', { timeout: 30_000 });
      const slider = page.getByRole('slider', { name: 'Speed' });
      await expect(slider).toBeVisible();
      await slider.scrollIntoViewIfNeeded();
      await expect(page.getByTestId('run-speed-value')).toHaveText('30 steps/s');
      const fontPx = await page
        .getByTestId('run-speed-value')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontPx).toBeGreaterThanOrEqual(11);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/shots-runtime/controls-${size.name}-${scheme}.png` });
      await context.close();
    });
  }
}
