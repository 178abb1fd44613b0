import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Chapter 6, steps 5 (data augmentation) and 6 (batch normalisation): claims from read-outs, layout, axe. */

const SHOTS = '/tmp/reg-shots';
const STEPS = { 5: 'augment', 6: 'batchnorm' } as const;

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const isDark = async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark';
  if ((await isDark()) !== (theme === 'dark')) await page.getByTestId('theme-toggle').click();
  await expect.poll(isDark).toBe(theme === 'dark');
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300); // the theme's chart colours are re-read on the next frame
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const readNumber = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).textContent())?.replace('%', ''));

test('step 5: Play stops at 300; augmentation raises validation accuracy; the gallery and formula are live', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./#/regularization?lesson=5&seed=1');
  await expect(page.getByTestId('figure-augment')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('augment-gallery')).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('300', { timeout: 90_000 });
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  const plain = await readNumber(page, 'val-acc-plain');
  const augmented = await readNumber(page, 'val-acc-augmented');
  expect(augmented).toBeGreaterThan(plain + 10); // percentage points (the unit test's margin, 0.1)
  expect(await readNumber(page, 'train-acc-plain')).toBe(100);
  await expect(page.getByTestId('augment-formula')).toContainText('θ');
  // A toggle is live and goes into the link.
  await page.getByRole('checkbox', { name: /Rotate/ }).uncheck();
  await expect(page).toHaveURL(/rotate=false/);
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('310', { timeout: 20_000 });
  await expect(page.getByTestId('augment-formula')).toContainText(/θ\s*=\s*0\.0/);
});

test('step 6: with batch norm the loss after 600 steps is lower; the 12-layer preset link', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./#/regularization?lesson=6&seed=1');
  await expect(page.getByTestId('figure-batchnorm')).toBeVisible({ timeout: 20_000 });
  for (let k = 1; k <= 6; k++) {
    await page.getByRole('button', { name: 'Run 100' }).click();
    await expect(page.getByTestId('metric-step')).toHaveText(String(100 * k), { timeout: 30_000 });
  }
  await expect(page.getByTestId('bn-steps')).toHaveText('600');
  const plain = await readNumber(page, 'loss-plain');
  const bn = await readNumber(page, 'loss-bn');
  expect(bn).toBeLessThan(plain * 0.5);
  expect(await readNumber(page, 'reach-bn')).toBeGreaterThan(await readNumber(page, 'reach-plain'));
  expect(await readNumber(page, 'spread-bn')).toBeGreaterThan(1.5 * (await readNumber(page, 'spread-plain')));
  await page.getByTestId('preset-batchnorm-deep').click();
  await expect(page).toHaveURL(/depth=12/);
  await expect(page.getByTestId('metric-step')).toHaveText('0', { timeout: 20_000 });
});

test('steps 5 and 6: out-of-range settings in a link are clamped with a notice', async ({ page }) => {
  await page.goto('./#/regularization?lesson=5&perClass=99');
  await expect(page.getByTestId('figure-augment')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'perClass' }).first()).toBeVisible({
    timeout: 20_000,
  });
  await page.goto('./#/regularization?lesson=6&depth=50&lr=-1');
  await expect(page.getByTestId('figure-batchnorm')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'depth' }).first()).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Run 10', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 20_000 });
  await expect(page.getByTestId('loss-bn')).toHaveText(/^\d+\.\d+$/);
});

for (const [name, viewport, query] of [
  ['desktop', { width: 1280, height: 800 }, ''],
  ['presenter', { width: 1920, height: 1080 }, '&present=1'],
  ['phone', { width: 390, height: 844 }, ''],
] as const) {
  test(`steps 5–6 layout (${name}): no sideways scroll; screenshots`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    for (const [i, figureId] of Object.entries(STEPS)) {
      await page.goto(`./#/regularization?lesson=${i}${query}`);
      const figure = page.getByTestId(`figure-${figureId}`);
      await expect(figure).toBeVisible({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Run 10', exact: true }).click();
      await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 20_000 });
      if (name !== 'presenter') await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      for (const theme of name === 'presenter' ? (['light'] as const) : (['light', 'dark'] as const)) {
        if (name !== 'presenter') await setTheme(page, theme);
        await shoot(page, `${name}-${i}-${theme}`);
        await figure.screenshot({ path: `${SHOTS}/${name}-${i}-${theme}-figure.png` });
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect.soft(overflow, `step ${i}: sideways scroll`).toBeLessThanOrEqual(0);
      if (name === 'desktop') {
        const height = (await figure.boundingBox())?.height ?? Infinity;
        test
          .info()
          .annotations.push({ type: 'figure height px', description: `step ${i}: ${Math.round(height)}` });
      }
      if (name !== 'presenter') await setTheme(page, 'light');
    }
  });
}

test('steps 5 and 6 pass axe-core with no serious or critical violations', async ({ page }) => {
  test.setTimeout(90_000);
  for (const [i, figureId] of Object.entries(STEPS)) {
    await page.goto(`./#/regularization?lesson=${i}`);
    await expect(page.getByTestId(`figure-${figureId}`)).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Run 10', exact: true }).click();
    await expect(page.getByTestId('metric-step')).toHaveText('10', { timeout: 20_000 });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .exclude('.katex-html')
      .analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad, `step ${i}`).toEqual([]);
  }
});
