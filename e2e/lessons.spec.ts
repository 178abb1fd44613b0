import { test, expect, saveScreenshot } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The student flow through a lesson page (src/app/lessons) and saved progress (src/state/progress.ts), including
 * storage faults injected before the app loads. Uses the activations chapter (8 steps).
 */

const CHAPTER = 'activations';
const KEY = 'gradient-lab:progress';
const BACKUP = 'gradient-lab:progress:backup';

const indicator = (page: Page) => page.getByTestId('lesson-step-indicator');
const lessonInUrl = (page: Page) => Number(new URL(page.url()).hash.match(/[?&]lesson=(\d+)/)?.[1] ?? NaN);

test('a student steps with buttons and keys, answers a check, and finds it all again after a reload', async ({
  page,
}) => {
  await page.goto(`./#/${CHAPTER}`);
  await expect(indicator(page)).toHaveText(/^Step 1 of (\d+)$/);
  const total = Number((await indicator(page).textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await expect.poll(() => lessonInUrl(page)).toBe(1);

  // buttons
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(indicator(page)).toHaveText(`Step 2 of ${total}`);
  await expect.poll(() => lessonInUrl(page)).toBe(2);
  // keys (focus is on the Next button: not a key-owning control)
  await page.keyboard.press('ArrowRight');
  await expect(indicator(page)).toHaveText(`Step 3 of ${total}`);
  await page.keyboard.press('PageDown');
  await expect(indicator(page)).toHaveText(`Step 4 of ${total}`);
  await page.keyboard.press('ArrowLeft');
  await expect(indicator(page)).toHaveText(`Step 3 of ${total}`);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageDown');
  await expect(indicator(page)).toHaveText(`Step 3 of ${total}`);
  // modifier keys are the browser's: Alt+ArrowLeft is "back", never "previous step"
  await page.keyboard.press('Control+ArrowRight');
  await expect(indicator(page)).toHaveText(`Step 3 of ${total}`);

  // answer the check: instant feedback in a live region
  const check = page.getByTestId('lesson-check');
  await expect(check).toBeVisible();
  const options = check.getByRole('radio');
  await options.nth(1).check();
  const feedback = page.getByTestId('lesson-check-feedback');
  await expect(feedback).toContainText(/Correct\.|Not quite\./);
  const verdict = (await feedback.textContent())!.startsWith('Correct.') ? 'Correct.' : 'Not quite.';
  // arrows inside the radio group move the answer, not the lesson
  await options.nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(indicator(page)).toHaveText(`Step 3 of ${total}`);
  await expect(options.nth(2)).toBeChecked();
  await options.nth(1).check();
  await expect(feedback).toContainText(verdict);
  await saveScreenshot(page, 'lessons-student-step3');

  // reload: same step, same answer
  await page.reload();
  await expect(indicator(page)).toHaveText(`Step 3 of ${total}`);
  await expect(page.getByTestId('lesson-check').getByRole('radio').nth(1)).toBeChecked();
  await expect(page.getByTestId('lesson-check-feedback')).toContainText(verdict);

  // the table of contents marks seen steps and jumps
  await page.getByText('Contents').click();
  await expect(page.getByTestId('lesson-toc')).toContainText(`(4 of ${total} seen)`);
  await page.getByTestId('lesson-toc').getByRole('link').nth(1).click();
  await expect(indicator(page)).toHaveText(`Step 2 of ${total}`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeFocused();

  // home shows the progress
  await page.goto('./#/');
  const line = page.getByTestId(`chapter-progress-${CHAPTER}`);
  await expect(line).toContainText(`4 of ${total} steps seen`);
  await expect(line.locator('progress')).toHaveAttribute('value', '4');
  await saveScreenshot(page, 'lessons-home-progress');

  // a plain chapter link resumes at the last position
  await page.getByRole('link', { name: /Activation functions/ }).click();
  await expect(indicator(page)).toHaveText(`Step 2 of ${total}`);
});

test('a shared link opens its own step without erasing saved progress, and the step rule drops old settings', async ({
  page,
}) => {
  await page.goto(`./#/${CHAPTER}`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(indicator(page)).toHaveText(/^Step 3 of/);

  await page.goto(`./#/${CHAPTER}?lesson=1&x1=0.3&seed=5`);
  await expect(indicator(page)).toHaveText(/^Step 1 of/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(indicator(page)).toHaveText(/^Step 2 of/);
  const query = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
  expect(query.get('lesson')).toBe('2');
  expect(query.get('seed')).toBe('5');
  expect(query.has('x1')).toBe(false);

  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), KEY);
  expect(saved.chapters[CHAPTER].seen.length).toBe(3);
});

test('an out-of-range or garbled lesson number is clamped with a notice', async ({ page }) => {
  await page.goto(`./#/${CHAPTER}?lesson=999`);
  await expect(indicator(page)).toHaveText(/^Step (\d+) of \1$/);
  await expect(page.getByTestId('lesson-notice')).toContainText('out of range');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await expect(page.getByTestId('lesson-end')).toBeVisible();

  await page.goto(`./#/${CHAPTER}?lesson=%3Cimg%20src%3Dx%3E`);
  await expect(indicator(page)).toHaveText(/^Step 1 of/);
  await expect(page.getByTestId('lesson-notice')).toContainText('“<img src=x>” is not a step number');
  await expect(page.locator('main img')).toHaveCount(0);
  await expect.poll(() => lessonInUrl(page)).toBe(1);
  await page.getByTestId('lesson-notice').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('lesson-notice')).toHaveCount(0);
});

test('keys stay with sliders, and ? opens the help overlay that Escape closes', async ({ page }) => {
  await page.goto(`./#/${CHAPTER}?lesson=1`);
  await expect(indicator(page)).toHaveText(/^Step 1 of/);
  const slider = page.getByRole('slider').first();
  if ((await slider.count()) > 0) {
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await expect(indicator(page)).toHaveText(/^Step 1 of/);
  }
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const action of [
    'Play / pause training',
    'One training step',
    'Reset the experiment',
    'Next lesson step',
  ]) {
    await expect(help).toContainText(action);
  }
  // while help is open, arrows do not move the lesson
  await page.keyboard.press('ArrowRight');
  await expect(indicator(page)).toHaveText(/^Step 1 of/);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(indicator(page)).toHaveText(/^Step 2 of/);
});

test.describe('storage faults', () => {
  test('corrupt JSON is set aside with a notice and progress starts fresh', async ({ page }) => {
    await page.addInitScript(
      ([k]) => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem(k, '{"version":1,"chapters":{"activ');
        }
      },
      [KEY],
    );
    await page.goto('./#/');
    await expect(page.getByTestId('progress-notice')).toContainText('could not be read');
    expect(await page.evaluate((k) => localStorage.getItem(k), BACKUP)).toBe(
      '{"version":1,"chapters":{"activ',
    );
    await page.goto(`./#/${CHAPTER}?lesson=2`);
    await expect(indicator(page)).toHaveText(/^Step 2 of/);
    const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), KEY);
    expect(saved.chapters[CHAPTER].seen).toHaveLength(1);
    await page.reload();
    await expect(page.getByTestId('progress-notice')).toHaveCount(0);
  });

  test('data from an unknown future version is kept aside, not overwritten silently', async ({ page }) => {
    const future = JSON.stringify({ version: 42, chapters: { activations: { fancy: true } } });
    await page.addInitScript(
      ([k, v]) => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem(k, v);
        }
      },
      [KEY, future],
    );
    await page.goto(`./#/${CHAPTER}`);
    await expect(page.getByTestId('progress-notice')).toContainText('newer version');
    expect(await page.evaluate((k) => localStorage.getItem(k), BACKUP)).toBe(future);
    await page.getByTestId('progress-notice').getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('progress-notice')).toHaveCount(0);
  });

  test('a setItem that throws shows "progress not saved" and the course keeps working', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(`./#/${CHAPTER}?lesson=1`);
    await expect(indicator(page)).toHaveText(/^Step 1 of/);
    await expect(page.getByTestId('progress-not-saved')).toContainText('Progress not saved');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(indicator(page)).toHaveText(/^Step 2 of/);
    await page.getByTestId('lesson-check').getByRole('radio').first().check();
    await expect(page.getByTestId('lesson-check-feedback')).toContainText(/Correct\.|Not quite\./);
    await page.goto('./#/');
    await expect(page.getByTestId('progress-not-saved')).toBeVisible();
    await expect(page.getByTestId(`chapter-progress-${CHAPTER}`)).toContainText('2 of');
  });

  test('storage that cannot even be opened (blocked site data) leaves the course usable', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    await page.goto(`./#/${CHAPTER}`);
    await expect(indicator(page)).toHaveText(/^Step 1 of/);
    await expect(page.getByTestId('progress-not-saved')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(indicator(page)).toHaveText(/^Step 2 of/);
  });
});

test.describe('the neurons chapter (built on the lesson page)', () => {
  test('figures compute what the text says, and a live step trains from its preset', async ({ page }) => {
    await page.goto('./#/neurons?lesson=1');
    await expect(page.getByTestId('neuron-z')).toHaveText('0.50'); // 0.5 + 1·1 + 2·(−0.5)
    const bias = page.getByLabel(/Bias weight θ₀/);
    await bias.focus();
    await page.keyboard.press('ArrowRight'); // the slider's key, not the lesson's
    await expect(page.getByTestId('neuron-z')).toHaveText('0.60');
    await expect(indicator(page)).toHaveText('Step 1 of 7');

    // the sliders live in the URL: a shared link reopens them; bad values are clamped or ignored, with a notice
    await expect.poll(() => new URL(page.url()).hash).toContain('t0=0.6');
    await page.goto('./#/neurons?lesson=1&x1=-1&t0=9&f=relu&t1=abc');
    await expect(page.getByTestId('neuron-z')).toHaveText('2.00'); // 4 (t0 clamped) + 1·(−1) + 2·(−0.5)
    await expect(page.getByTestId('neuron-y')).toHaveText('2.00'); // ReLU(2)
    await expect(page.getByTestId('figure-notice')).toContainText('t0 = “9”: out of range');
    await expect(page.getByTestId('figure-notice')).toContainText('t1 = “abc”: not a number');

    await page.goto('./#/neurons?lesson=2');
    await expect(page.getByTestId('matrix-y1')).toHaveText('4.50');
    await expect(page.getByTestId('matrix-y2')).toHaveText('−6.00');

    await page.goto('./#/neurons?lesson=6');
    const error = async () => Number(await page.getByTestId('bumps-max-error').textContent());
    const coarse = await error();
    await page.getByTestId('bumps-units').fill('60');
    await expect.poll(error).toBeLessThan(coarse / 2);

    await page.goto('./#/neurons?lesson=7');
    await expect(page.getByTestId('param-count')).toHaveText('97');
    await page.getByRole('button', { name: 'Run 100' }).click();
    await expect
      .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 30_000 })
      .toBe(100);
    await expect(page.getByTestId('run-status')).toHaveText('paused');
    await saveScreenshot(page, 'neurons-depth');
  });
});
