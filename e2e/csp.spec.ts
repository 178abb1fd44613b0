import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The built app runs under its Content-Security-Policy (a <meta> tag in index.html): every route — the home page,
 * all ten chapters with every lesson step, the lab and the figure gallery — renders with no policy violation and no
 * console error (TeX inline styles, the WebAssembly kernel, the training worker, the service worker and PNG export
 * through a blob: URL all allowed), while what the policy is for (eval, foreign scripts) is refused.
 */

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? ['(recorder missing)']);

/**
 * Display maths in the lesson text that is wider than its column (it scrolls sideways inside its line — fine on a
 * phone, not on a laptop, where a worked example would be cut off mid-formula).
 */
const wideProseMaths = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.lesson-text .tex-display')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.scrollWidth} px in ${el.clientWidth}: ${(el.textContent ?? '').slice(0, 40)}`),
  );

test('every route and lesson step runs under the policy without a violation; at 1280 px its display maths fits the text', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await recordViolations(page);
  await page.goto('./#/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const chapterIds = await page
    .getByTestId('chapter-list')
    .locator('a.chapter-link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace('#/', '')));
  expect(chapterIds).toHaveLength(10);

  let stepsVisited = 0;
  const wide: string[] = [];
  for (const id of chapterIds) {
    await page.evaluate((chapter) => (window.location.hash = `#/${chapter}`), id);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const indicator = page.getByTestId('lesson-step-indicator');
    if ((await page.getByTestId('chapter-shell').count()) > 0) continue; // in preparation: no steps
    await page.evaluate((chapter) => (window.location.hash = `#/${chapter}?lesson=1`), id);
    await expect(indicator).toHaveText(/^Step 1 of \d+/);
    const count = Number((await indicator.textContent())!.match(/of (\d+)/)![1]);
    for (let step = 1; step <= count; step++) {
      if (step > 1) await page.locator('.lesson-nav').getByRole('button', { name: 'Next' }).click();
      await expect(indicator).toHaveText(new RegExp(`^Step ${step} of`));
      await expect(page.locator('.katex-error')).toHaveCount(0);
      // KaTeX typesets as the step renders; a wide formula stays wide, so poll only until it is not.
      await expect
        .poll(() => wideProseMaths(page), { timeout: 3_000 })
        .toEqual([])
        .catch(async () => wide.push(...(await wideProseMaths(page)).map((w) => `${id} step ${step}: ${w}`)));
    }
    stepsVisited += count;
    expect(await violations(page), `chapter ${id}`).toEqual([]);
  }
  expect(stepsVisited).toBeGreaterThan(20);
  expect(wide, 'display maths wider than the lesson text at 1280 px').toEqual([]);
  test.info().annotations.push({ type: 'lesson steps visited', description: String(stepsVisited) });

  // The lab trains in the worker (and the worker compiles its WebAssembly kernel).
  await page.evaluate(() => (window.location.hash = '#/lab'));
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()))
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();

  // The gallery, and a PNG export (an SVG drawn into an image through a blob: URL).
  await page.evaluate(() => (window.location.hash = '#/gallery?static=1'));
  const exportPng = page.getByRole('button', { name: /^Export .* as PNG$/ }).first();
  await expect(exportPng).toBeVisible();
  const download = page.waitForEvent('download');
  await exportPng.click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);

  // The offline service worker registered under the policy too.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  expect(await violations(page)).toEqual([]);
});

test.describe('what the policy refuses', () => {
  test.use({
    allowConsoleErrors: [
      [/^(Executing inline script|Loading the script 'https:\/\/evil\.example\/x\.js') violates/],
      { scope: 'test' },
    ],
  });

  test('inline and foreign scripts are blocked (the policy is really enforced)', async ({ page }) => {
    await recordViolations(page);
    await page.goto('./#/');
    await expect(page.getByTestId('chapter-list')).toBeVisible();
    // An injected inline script (what an XSS would try) does not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
    });
    await expect.poll(() => violations(page)).toContainEqual('script-src-elem blocked inline');
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.src = 'https://evil.example/x.js';
      document.head.append(s);
    });
    await expect
      .poll(() => violations(page))
      .toContainEqual('script-src-elem blocked https://evil.example/x.js');
  });
});
