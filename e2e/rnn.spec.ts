import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Chapter 8, recurrent neural networks: the worked example, a char-RNN trained live, sampled, and its gradients. */

const STEPS = ['unrolled', 'worked-example', 'train', 'generate', 'hidden', 'gradients'];
const SHOTS = '/tmp/shots-rnn';

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const isDark = async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark';
  if ((await isDark()) !== (theme === 'dark')) await page.getByTestId('theme-toggle').click();
  await expect.poll(isDark).toBe(theme === 'dark');
}

async function shoot(page: Page, name: string, themes: readonly ('light' | 'dark')[] = ['light', 'dark']) {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of themes) {
    await setTheme(page, theme);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png` });
  }
  await setTheme(page, 'light');
}

const num = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('rnn chapter at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('walks every step with Next: figure, check question, screenshots in light and dark, axe clean', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto('./#/rnn?lesson=1');
    for (let i = 0; i < STEPS.length; i++) {
      await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText(`Step ${i + 1} of ${STEPS.length}`);
      await expect(page.getByTestId(`figure-${STEPS[i]}`)).toBeVisible({ timeout: 20_000 });
      if (i >= 2) {
        await page.getByRole('button', { name: 'Run 10', exact: true }).click();
        await expect(page.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 20_000 });
      }
      await shoot(page, `rnn-${i + 1}-${STEPS[i]}`);
      expect(await seriousViolations(page)).toEqual([]);
      // No sideways scroll on the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      if (i < STEPS.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
  });
});
