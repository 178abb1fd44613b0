import { test, expect, saveScreenshot } from './fixtures';
import { COURSE_CHAPTER_IDS } from './chapters';
import type { Page } from '@playwright/test';

/** Presenter mode (present=1 or P) driven with keys only, on a projector-sized screen; embed mode for iframes. */

test.use({ viewport: { width: 1920, height: 1080 } });

const CHAPTER = 'neurons'; // this helper's own chapter: its figures and step count are stable (7 steps)
const query = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

test('an instructor opens a share link with present=1 and drives it with keys only', async ({ page }) => {
  await page.goto(`./#/${CHAPTER}?lesson=1&present=1&seed=3`);
  const bar = page.getByTestId('presenter-bar');
  await expect(bar).toBeVisible();
  // chrome and prose collapse: no site header, no lesson text, only the caption
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByTestId('lesson-check')).toHaveCount(0);
  await expect(page.getByTestId('presenter-caption')).not.toHaveText('');
  await expect(bar).toContainText('1 / 7');
  // type scales up, palette switches to high contrast
  const scale = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--font-scale').trim(),
  );
  expect(Number(scale)).toBeGreaterThan(1.2);
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
  // the figure is enlarged as far as it fits below the caption bar (no scrolling needed)
  const figure = page.getByTestId('presenter-figure');
  await expect.poll(async () => Number(await figure.getAttribute('data-zoom'))).toBeGreaterThan(1.1);
  expect(await figure.evaluate((el) => el.scrollHeight <= el.clientHeight + 2)).toBe(true);

  // a clicker sends PageDown / PageUp; arrows work too
  await page.keyboard.press('PageDown');
  await expect(bar).toContainText('2 / 7');
  await page.keyboard.press('ArrowRight');
  await expect(bar).toContainText('3 / 7');
  await page.keyboard.press('PageUp');
  await expect(bar).toContainText('2 / 7');
  await page.keyboard.press('PageUp');
  await expect(bar).toContainText('1 / 7');
  expect(query(page).get('present')).toBe('1');
  expect(query(page).get('seed')).toBe('3');

  // QR code of the link, by keyboard: Tab to the button, Enter
  const qrButton = page.getByRole('button', { name: 'QR code' });
  for (let i = 0; i < 40 && !(await qrButton.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(qrButton).toBeFocused();
  await page.keyboard.press('Enter');
  const qr = page.getByTestId('qr-code');
  await expect(qr).toBeVisible();
  // the room gets the link without presenter mode
  const link = new URL((await qr.locator('.qr-url').textContent())!);
  const linkQuery = new URLSearchParams(link.hash.split('?')[1]);
  expect(link.hash.startsWith(`#/${CHAPTER}?`)).toBe(true);
  expect([linkQuery.get('lesson'), linkQuery.get('seed'), linkQuery.has('present')]).toEqual([
    '1',
    '3',
    false,
  ]);
  const darkPixels = await qr.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 64) dark++;
    return dark / (d.length / 4);
  });
  expect(darkPixels).toBeGreaterThan(0.2); // a QR code is roughly half dark modules
  expect(darkPixels).toBeLessThan(0.8);
  await saveScreenshot(page, 'presenter-1920x1080-qr');
  await page.keyboard.press('Enter'); // the button still has focus: hide the QR code
  await expect(qr).toHaveCount(0);
  await page.keyboard.press('PageDown');
  await expect(bar).toContainText('2 / 7');
  await saveScreenshot(page, 'presenter-1920x1080');

  // F asks for full screen; a refusal is caught, never an error
  await page.keyboard.press('f');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape'); // first Escape closes help …
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await expect(bar).toBeVisible();
  await page.evaluate(() => (document.fullscreenElement ? document.exitFullscreen() : null));
  await page.keyboard.press('Escape'); // … the next leaves presenter mode
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of 7$/);
  expect(query(page).has('present')).toBe(false);
  expect(query(page).get('seed')).toBe('3');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '1');
});

/** Why the presenter caption is not shown whole ('' when it is): empty, or cut off by the two-line clamp. */
const captionFault = (page: Page) =>
  page.getByTestId('presenter-caption').evaluate((el) => {
    if (!el.textContent?.trim()) return 'empty';
    const cut = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    return cut ? `cut off (${el.scrollHeight} px of text in ${el.clientHeight} px)` : '';
  });

test('every step of every chapter shows its whole presenter caption at 1920×1080', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const chapter of COURSE_CHAPTER_IDS) {
    await page.goto(`./#/${chapter}?lesson=1&present=1`);
    const position = page.locator('.presenter-position');
    await expect(position).toHaveText(/^1 \/ \d+$/);
    const steps = Number((await position.textContent())!.split('/')[1]);
    for (let step = 1; step <= steps; step++) {
      await expect(position).toHaveText(`${step} / ${steps}`);
      const fault = await captionFault(page);
      if (fault) problems.push(`${chapter} step ${step}: ${fault}`);
      if (chapter === 'neurons' && step === 6) await saveScreenshot(page, 'presenter-caption-two-lines');
      await page.keyboard.press('ArrowRight');
    }
  }
  expect(problems).toEqual([]);
});

test('P toggles presenter mode, but not while typing or with modifiers', async ({ page }) => {
  await page.goto(`./#/${CHAPTER}?lesson=2`);
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);
  await page.keyboard.press('Control+p').catch(() => {}); // the browser's print shortcut: not ours
  await expect(page.getByTestId('presenter-bar')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  await expect(page.getByTestId('presenter-bar')).toContainText('2 / 7');
  await page.keyboard.press('P');
  await expect(page.getByTestId('presenter-bar')).toHaveCount(0);
});

test('spotlight follows the pointer and never blocks the figure', async ({ page }) => {
  await page.goto(`./#/${CHAPTER}?lesson=1&present=1`);
  await page.getByRole('button', { name: 'Spotlight' }).click();
  const spot = page.getByTestId('spotlight');
  await expect(spot).toBeVisible();
  await page.mouse.move(700, 500);
  await expect
    .poll(() => spot.evaluate((el) => getComputedStyle(el).getPropertyValue('--spot-x').trim()))
    .toBe('700px');
  expect(await spot.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
  await saveScreenshot(page, 'presenter-spotlight');
});

test('embed=1 shows only the figure and its controls', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`./#/${CHAPTER}?lesson=1&embed=1`);
  await expect(page.getByTestId('lesson-page')).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByTestId('lesson-step-indicator')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
  await expect(page.getByTestId('lesson-page').locator('.lesson-figure')).toBeVisible();
  await saveScreenshot(page, 'embed-800x600');
});

test('F enters and leaves full screen (the Fullscreen API), never from a text field', async ({ page }) => {
  await page.goto(`./#/${CHAPTER}?lesson=1&present=1`);
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  const fullscreen = () => page.evaluate(() => document.fullscreenElement?.tagName ?? null);
  await page.keyboard.press('f');
  await expect.poll(fullscreen).toBe('HTML');
  await page.keyboard.press('f');
  await expect.poll(fullscreen).toBeNull();
  await page.getByRole('combobox', { name: 'Nonlinearity f' }).focus();
  await page.keyboard.press('f'); // a select uses letter keys to pick options
  await expect.poll(fullscreen).toBeNull();
});

test('entering and leaving presenter mode keeps the live experiment running where it was', async ({
  page,
}) => {
  await page.goto(`./#/${CHAPTER}?lesson=4`);
  await page.getByRole('button', { name: 'Run 100' }).click();
  await expect(page.getByTestId('metric-step')).toHaveText('100', { timeout: 30_000 });
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  await page.keyboard.press('.'); // one more training step, from the keyboard
  await expect(page.getByTestId('metric-step')).toHaveText('101', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter-bar')).toHaveCount(0);
  await expect(page.getByTestId('metric-step')).toHaveText('101');
});
