import { test, expect, saveScreenshot } from './fixtures';

/**
 * Offline: after one visit the service worker has precached the whole build, so a projector with no network can
 * reload the course, open chapters it has not visited yet (lazy chunks), and keep training live experiments.
 */

test('load once, go offline, reload: the course still works', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('./#/activations?lesson=1');
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 1 of/);

  // wait until the service worker is active, then reload once so it controls the page
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
    .toBe(true);
  const precached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('gradient-lab-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(precached).toContain('/index.html');
  expect(precached.some((p) => /KaTeX_Main-Regular.*\.woff2$/.test(p))).toBe(true);
  expect(precached.some((p) => p.endsWith('.map'))).toBe(false);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 1 of/);
  // TeX is typeset with the bundled fonts
  await expect(page.locator('.katex').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-step-indicator')).toHaveText(/^Step 2 of/);

  // a chapter never opened before comes from the precache too (its lazy chunk)
  await page.goto('./#/transformer');
  await expect(page.getByRole('heading', { level: 1 }).first()).toContainText('Transformer');
  await expect(page.getByTestId('not-found')).toHaveCount(0);
  await page.goto('./#/');
  await expect(page.getByTestId('chapter-list')).toBeVisible();
  await saveScreenshot(page, 'offline-home');

  // a live experiment still trains (the training worker is precached): the first chapter page with a Play button
  let trainedIn = '';
  for (const chapter of ['activations', 'backprop', 'gradient-descent', 'transformer', 'neurons']) {
    await page.goto(`./#/${chapter}`);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const play = page.getByRole('button', { name: 'Play' }).first();
    if (!(await play.isVisible().catch(() => false))) continue;
    await play.click();
    await expect
      .poll(async () => Number(await page.getByTestId('metric-step').first().textContent()), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).first().click();
    await expect(page.getByTestId('run-status').first()).toHaveText('paused');
    trainedIn = chapter;
    break;
  }
  expect(trainedIn, 'some chapter trains a live experiment offline').not.toBe('');
  test.info().annotations.push({ type: 'trained offline', description: trainedIn });
  await context.setOffline(false);
});

test('a new build is offered with "New version available — Reload", and Reload switches to it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('./#/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
    .toBe(true);
  await expect(page.getByTestId('update-prompt')).toHaveCount(0);

  // "Deploy" a new build. Playwright cannot intercept the browser's own fetch of a worker script, so the new version
  // is the same file under a new URL: for the browser that is an update like any other (install → waiting). That the
  // script's bytes change with every build is the precache plugin's job (precachePlugin.test.ts).
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('./sw.js?build=next');
  });
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toContainText('New version available', { timeout: 30_000 });
  await saveScreenshot(page, 'offline-update-prompt');
  // Reload hands over to the waiting worker, then reloads the page: wait for that load, not for what the old page
  // already shows.
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect(page.getByTestId('chapter-list')).toBeVisible();
  await expect(page.getByTestId('update-prompt')).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''))
    .toMatch(/sw\.js\?build=next$/);
});
