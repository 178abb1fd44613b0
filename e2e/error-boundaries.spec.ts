import { test, expect, saveScreenshot } from './fixtures';

/**
 * A route named after an Object.prototype member used to blank the whole app (the route table was a plain object,
 * so `#/constructor` found a function). Now every such name is "Page not found", and error boundaries — one around
 * the app, one around each page, one around each lesson figure — keep a failure to the part that failed.
 */

const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];

test('routes named after Object properties show "Page not found", and the app keeps working', async ({
  page,
}) => {
  await page.goto('./#/');
  await expect(page.getByTestId('chapter-list')).toBeVisible();
  for (const name of PROTOTYPE_NAMES) {
    await page.evaluate((n) => (window.location.hash = `#/${n}`), name);
    await expect(page.getByTestId('not-found'), name).toContainText(`#/${name}`);
  }
  await page.goBack();
  await expect(page.getByTestId('not-found')).toContainText(`#/${PROTOTYPE_NAMES.at(-2)}`);
  await page.evaluate(() => (window.location.hash = '#/'));
  await expect(page.getByTestId('chapter-list')).toBeVisible();
});

test('leaving a running lesson for #/constructor and coming Back leaves a working page', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./#/transformer?lesson=5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()))
    .toBeGreaterThan(0);
  await page.evaluate(() => (window.location.hash = '#/constructor'));
  await expect(page.getByTestId('not-found')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 5 of/);
  // The lesson's experiment comes back and trains again.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()))
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
});

test.describe('a figure that fails', () => {
  // React reports the caught error on the console; that is expected here, and only here.
  // (An array option is written as [value, options], or Playwright would read the array itself as that pair.)
  test.use({ allowConsoleErrors: [[/canvas blocked by test/], { scope: 'test' }] });

  test('is replaced by a notice; prose and steps keep working; Try again brings it back', async ({
    page,
  }) => {
    await page.goto('./#/activations?lesson=1');
    await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 1 of/);
    // A browser (or privacy extension) that refuses to draw on canvases: every canvas figure throws when it draws.
    await page.evaluate(() => {
      const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, unknown>;
      (window as unknown as { __realSetTransform: unknown }).__realSetTransform = proto.setTransform;
      proto.setTransform = () => {
        throw new Error('canvas blocked by test');
      };
    });
    await page.getByRole('button', { name: 'Next' }).click();
    const failed = page.getByTestId('figure-error');
    await expect(failed).toContainText('This figure stopped working.');
    await expect(failed).toContainText('canvas blocked by test');
    await saveScreenshot(page, 'figure-error');
    // The rest of the page works: the step's prose is there and the steps still move.
    await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);
    await expect(page.locator('#lesson-step-title')).not.toBeEmpty();
    await expect(page.getByTestId('app-error')).toHaveCount(0);
    await expect(page.getByTestId('page-error')).toHaveCount(0);

    // The canvas works again: Try again remounts the figure only.
    await page.evaluate(() => {
      const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, unknown>;
      proto.setTransform = (window as unknown as { __realSetTransform: unknown }).__realSetTransform;
    });
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('figure-error')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Play' }).first()).toBeVisible();
  });
});
