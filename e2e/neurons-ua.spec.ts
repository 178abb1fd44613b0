import { test, expect, saveScreenshot } from './fixtures';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';

/**
 * Neurons step 6, universal approximation: Play trains the one-hidden-layer network in the worker and its largest
 * error falls; the directions slider reshapes the two-input tower and pressing the map moves it; the step fits
 * 1280×800, a 1920×1080 projector and a 390×844 phone.
 */

test.describe.configure({ timeout: 120_000 });

const STEP = './#/neurons?lesson=6';
const number = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());
const query = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

test('Play trains the network: its largest error falls; the hand-built error stays put', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(STEP);
  await expect(page.getByTestId('figure-bumps')).toBeVisible();
  await expect(page.getByTestId('trained-max-error')).toHaveText(/^\d+\.\d{3}$/, { timeout: 20_000 });
  const handBuilt = await number(page, 'bumps-max-error');
  const untrained = await number(page, 'trained-max-error');

  await page.getByRole('button', { name: 'Play' }).click();
  // the step's pace stops Play by itself at its natural end
  await expect(page.getByTestId('run-status')).toHaveText('paused', { timeout: 60_000 });
  expect(await number(page, 'metric-step')).toBe(1500);
  const trained = await number(page, 'trained-max-error');
  expect(trained).toBeLessThan(untrained / 4);
  expect(await number(page, 'bumps-max-error')).toBe(handBuilt);
  await saveScreenshot(page, 'neurons-ua-trained-1280');

  // Reset goes back to the untrained network, same seed
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('0');
  await expect.poll(() => number(page, 'trained-max-error')).toBe(untrained);

  // more hidden neurons: the hand-built staircase gets closer, the trained network is rebuilt with as many units
  await page.getByTestId('bumps-units').fill('60');
  await expect.poll(() => number(page, 'bumps-max-error')).toBeLessThan(handBuilt / 2);
  await expect.poll(() => query(page).get('units')).toBe('60');
  await expect(page.getByTestId('notice-rebuilt')).toContainText('Model rebuilt: Hidden neurons is now 60');
});

test('the tower: more directions lower its arms; pressing the map moves it; the link keeps both', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(STEP);
  await expect(page.getByTestId('tower')).toBeVisible();
  const top = await number(page, 'tower-top');
  const arms = await number(page, 'tower-away');
  expect(top).toBeGreaterThan(0.9);

  await page.getByTestId('tower-directions').fill('8');
  await expect.poll(() => number(page, 'tower-away')).toBeLessThan(arms / 10);
  await expect.poll(() => query(page).get('m')).toBe('8');

  const map = page.getByTestId('tower').locator('svg[role="img"]');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.3);
  await expect.poll(() => Number(query(page).get('cx'))).toBeGreaterThan(0.55);
  expect(await number(page, 'tower-top')).toBeGreaterThan(0.9);
  // the arrow keys move it too, and stay with the map (the lesson does not change step)
  const cx = Number(query(page).get('cx'));
  await map.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => Number(query(page).get('cx'))).toBeLessThan(cx);
  await expect(page.getByTestId('lesson-step-indicator')).toContainText('Step 6 of');
  // dragging carries it along
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.85, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => Number(query(page).get('cy'))).toBeLessThan(0.35);
  await saveScreenshot(page, 'neurons-ua-tower-1280');
  expect(await seriousViolations(page, { include: '[data-testid="figure-bumps"]' })).toEqual([]);

  // a shared link reopens the same tower and steepness
  await page.goto(`${STEP}&m=12&cx=0.3&cy=0.7&k=50&units=20`);
  await expect(page.getByTestId('tower-directions')).toHaveValue('12');
  await expect(page.getByTestId('bumps-units')).toHaveValue('20');
  await expect(page.getByTestId('tower-top')).toBeVisible();
  // neither the figure nor the experiment calls the other's settings unknown; a bad value is still reported
  await expect(page.getByTestId('figure-notice')).toHaveCount(0);
  await expect(page.getByTestId('notice-url')).toHaveCount(0);
  await page.goto(`${STEP}&m=99&units=abc`);
  await expect(page.getByTestId('figure-notice')).toContainText('m = “99”: out of range');
  await expect(page.getByTestId('notice-url')).toContainText('units');
});

test('the step fits 1280×800, presenter 1920×1080 and a phone; screenshots light and dark', async ({
  page,
}) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(STEP);
    await expect(page.getByTestId('bumps-units')).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(600); // charts measure their width a frame or two after mounting
    await saveScreenshot(page, `neurons-ua-1280-${scheme}`);
    const controls = (await page.getByTestId('bumps-units').boundingBox())!;
    expect(controls.y + controls.height).toBeLessThanOrEqual(800);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${STEP}&present=1`);
    const figure = page.getByTestId('presenter-figure');
    await expect(figure).toBeVisible();
    await expect.poll(() => figure.getAttribute('data-zoom')).not.toBeNull();
    await expect
      .poll(() =>
        figure.evaluate(
          (el) => el.scrollHeight - el.clientHeight <= 2 && el.scrollWidth - el.clientWidth <= 2,
        ),
      )
      .toBe(true);
    await saveScreenshot(page, `neurons-ua-presenter-${scheme}`);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(STEP);
    await expect(page.getByTestId('tower')).toBeVisible();
    await page.waitForTimeout(600);
    await page.getByTestId('figure-bumps').scrollIntoViewIfNeeded();
    await saveScreenshot(page, `neurons-ua-phone-${scheme}-figure`);
    await page.getByTestId('tower').scrollIntoViewIfNeeded();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);
    await saveScreenshot(page, `neurons-ua-phone-${scheme}`);
  }
});
