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
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
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
      await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText(
        `Step ${i + 1} of ${STEPS.length}`,
      );
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

test.describe('rnn chapter: claims checked from read-outs', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('step 1: the unrolled diagram grows by one column per typed character', async ({ page }) => {
    await page.goto('./#/rnn?lesson=1');
    const input = page.getByTestId('unrolled-input');
    await input.fill('he');
    await expect(page.getByTestId('unrolled-step')).toHaveCount(2);
    await input.fill('hello wor');
    await expect(page.getByTestId('unrolled-step')).toHaveCount(9);
    await input.fill('hz');
    await expect(page.getByTestId('unrolled-step')).toHaveCount(1);
    await expect(page.getByTestId('unrolled-input-notice')).toContainText('“z”');
  });

  test('step 2: nine characters, 115 parameters, the shapes of every product, editable input', async ({
    page,
  }) => {
    await page.goto('./#/rnn?lesson=2');
    await expect(page.getByTestId('example-vocab-size')).toHaveText('9');
    await expect(page.getByTestId('example-param-count')).toHaveText('115');
    const shape = async (id: string) => {
      const block = page.getByTestId(id);
      return `${await block.getAttribute('data-rows')}×${await block.getAttribute('data-cols')}`;
    };
    expect(await shape('block-whh')).toBe('5×5');
    expect(await shape('block-wxh')).toBe('5×9');
    expect(await shape('block-h')).toBe('5×1');
    expect(await shape('block-y')).toBe('9×1');
    await page.getByTestId('example-t-slider').fill('5');
    await expect(page.getByTestId('example-t')).toHaveText('5');
    await page.getByTestId('example-input').fill('hel');
    await expect(page.getByTestId('example-t')).toHaveText('3'); // clamped to the new length
    await expect(page.getByTestId('example-formula')).toContainText('h');
  });

  test('step 3: “hello world” is reproduced exactly by greedy generation within the preset’s 30 steps', async ({
    page,
  }) => {
    await page.goto('./#/rnn');
    await page.getByTestId('preset-hello-world-memorised').click();
    await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText('Step 3 of 6');
    await expect(page.getByTestId('rnn-memorised')).toHaveText('no', { timeout: 20_000 });
    for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Run 10', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText('30', { timeout: 20_000 });
    await expect(page.getByTestId('rnn-memorised')).toHaveText('yes');
    await expect(page.getByTestId('rnn-greedy')).toHaveText('hello world', { timeout: 5_000 });
    await expect(page.getByTestId('run-status')).toHaveText('paused');
  });

  test('step 4: samples come from the live weights; Sample now keeps earlier samples with their step', async ({
    page,
  }) => {
    await page.goto('./#/rnn?lesson=4');
    const sample = page.getByTestId('rnn-sample-text');
    await expect(sample).toHaveAttribute('data-step', '0', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Run 100', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 60_000 });
    await page.getByTestId('rnn-sample-now').click();
    await expect(sample).toHaveAttribute('data-step', '100', { timeout: 5_000 });
    await expect(page.getByTestId('rnn-sample-history')).toContainText('step 0:');
    expect((await sample.textContent())!.length).toBeGreaterThan(100);
    await page.getByTestId('rnn-walk').fill('10');
    await expect(page.getByText('Next-character probabilities at position 11')).toBeVisible();
  });

  test('step 6: the gradient curve collapses for radius 0.5 and grows for radius 3; clipping keeps it finite', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('./#/rnn');
    await page.getByTestId('preset-vanishing').click();
    await expect(page.getByTestId('rnn-sigma')).toHaveText('0.500', { timeout: 20_000 });
    expect(await num(page, 'rnn-grad-ratio')).toBeLessThan(0.01);

    await page.goto('./#/rnn?lesson=6&radius=3&clip=true&seed=1');
    await expect(page.getByTestId('rnn-sigma')).toHaveText('3.000', { timeout: 20_000 });
    expect(await num(page, 'rnn-grad-ratio')).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Run 10', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 20_000 });
    await expect(page.getByTestId('run-status')).toHaveText('paused');
    expect(Number.isFinite(await num(page, 'metric-loss'))).toBe(true);
  });

  test('step 6: exploding without clipping is reported as diverged, never as NaN', async ({ page }) => {
    await page.goto('./#/rnn');
    await page.getByTestId('preset-exploding-without-clipping').click();
    await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText('Step 6 of 6');
    await expect(page.getByTestId('run-status')).toHaveText('idle', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByTestId('run-status')).toHaveText('diverged', { timeout: 20_000 });
    await expect(page.getByTestId('metric-loss')).not.toHaveText(/NaN|Infinity/);
    await expect(page.getByText(/exploded/).first()).toBeVisible();
  });
});
