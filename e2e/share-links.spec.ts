import type { Page } from '@playwright/test';
import { test, expect, saveScreenshot } from './fixtures';

/**
 * Share links: Share copies a link that reproduces the run step for step; a new random start is a different but
 * equally reproducible run; bad links never break the page — valid parts are kept, the rest is listed in one
 * dismissible notice, and nothing from the URL is rendered as HTML.
 */

const stepText = (page: Page) => page.getByTestId('metric-step');

async function open(page: Page, hash: string) {
  await page.goto(`./${hash}`);
  await expect(page.getByTestId('lab-page')).toBeVisible();
  await expect(stepText(page)).toHaveText('0', { timeout: 20_000 });
}

/** Trains exactly `hundreds` × 100 steps with the "Run 100" button and returns the loss read-out. */
async function lossAfter(page: Page, hundreds: number): Promise<string> {
  for (let i = 1; i <= hundreds; i++) {
    await page.getByRole('button', { name: 'Run 100' }).click();
    await expect(stepText(page)).toHaveText(String(i * 100), { timeout: 60_000 });
  }
  const loss = (await page.getByTestId('metric-loss').textContent()) ?? '';
  expect(Number(loss)).toBeGreaterThan(0);
  return loss;
}

test.describe('Share', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the current link (settings + seed) with a visible confirmation', async ({ page }) => {
    await open(page, '#/lab?exp=classifier2d&lr=0.3');
    const hidden = page.getByLabel('Hidden layers');
    await hidden.fill('5');
    await hidden.press('Enter');
    await expect(page).toHaveURL(/hidden=5/);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByTestId('share-status')).toHaveText('Link copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toMatch(/#\/lab\?exp=classifier2d&hidden=5&lr=0\.3&seed=1$/);
    await saveScreenshot(page, 'share-copied');
  });
});

test('Share without clipboard access shows the link in a field instead', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await open(page, '#/lab?exp=classifier2d&seed=9');
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('textbox', { name: 'Copy this link' });
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(page.url());
  await expect(field).toHaveValue(/seed=9/);
});

test('the same link opened twice gives the same loss at step 200 (classifier)', async ({ browser }) => {
  const link = '#/lab?exp=classifier2d&dataset=xor&lr=0.2&hidden=6%2C4&seed=11';
  const losses: string[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, link);
    losses.push(await lossAfter(page, 2));
    await context.close();
  }
  expect(losses[1]).toBe(losses[0]);
});

test('the same link opened twice gives the same loss at step 200 (Transformer)', async ({ page }) => {
  test.setTimeout(150_000);
  const link = '#/lab?exp=transformer&seed=5';
  await open(page, link);
  const first = await lossAfter(page, 2);
  await open(page, '#/lab?exp=classifier2d'); // leave, then come back through the link
  await open(page, link);
  expect(await lossAfter(page, 2)).toBe(first);
});

test('"New random start" gives a different run, and its link reproduces it', async ({ page }) => {
  await open(page, '#/lab?exp=classifier2d&seed=1');
  const original = await lossAfter(page, 1);
  await page.getByRole('button', { name: 'New random start' }).click();
  await expect(page).not.toHaveURL(/seed=1$/);
  await expect(stepText(page)).toHaveText('0');
  const seed = /seed=(\d+)/.exec(page.url())?.[1];
  expect(seed).toBeDefined();
  await expect(page.getByTestId('run-seed')).toHaveText(`seed ${seed}`);
  const fresh = await lossAfter(page, 1);
  expect(fresh).not.toBe(original);
  await page.goto('about:blank'); // a fresh page load of the link, not just a hash change
  await open(page, `#/lab?exp=classifier2d&seed=${seed}`);
  expect(await lossAfter(page, 1)).toBe(fresh);
});

test('changing settings rewrites the link without adding history entries', async ({ page }) => {
  await open(page, '#/lab?exp=classifier2d');
  const before = await page.evaluate(() => history.length);
  const slider = page.getByRole('slider', { name: 'Learning rate α' });
  await slider.focus();
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]lr=0\.\d+&seed=1$/);
  expect(await page.evaluate(() => history.length)).toBe(before);
  // Defaults stay out of the link: only changed values and the seed are written.
  expect(new URL(page.url()).hash).toMatch(/^#\/lab\?exp=classifier2d&lr=[\d.]+&seed=1$/);
});

/** Bad links: [description, query after `#/lab?`, names the notice must list, check of kept values]. */
const BAD_LINKS: { what: string; query: string; ignored: string[]; kept?: RegExp }[] = [
  {
    what: 'unknown parameters',
    query: 'exp=classifier2d&lr=0.3&foo=1&bar=x',
    ignored: ['foo', 'bar'],
    kept: /lr=0\.3/,
  },
  {
    what: 'wrong types',
    query: 'exp=classifier2d&lr=abc&batch=many&hidden=a,b&act=42',
    ignored: ['lr', 'batch', 'hidden', 'act'],
  },
  {
    what: 'NaN / Infinity / 1e999',
    query: 'exp=classifier2d&lr=NaN&noise=Infinity&batch=1e999&l2=-Infinity',
    ignored: ['lr', 'noise', 'batch', 'l2'],
  },
  {
    what: 'negatives and out-of-range sizes',
    query: 'exp=classifier2d&batch=-5&hidden=100000,0,-3&points=1&seed=-1',
    ignored: ['batch', 'hidden', 'points', 'seed'],
    kept: /hidden=32%2C1%2C1/,
  },
  {
    what: '__proto__ / constructor / toString',
    query: 'exp=classifier2d&__proto__=1&constructor=2&toString=3&act=__proto__&dataset=constructor&lr=0.2',
    ignored: ['__proto__', 'constructor', 'toString', 'act', 'dataset'],
    kept: /lr=0\.2/,
  },
  {
    what: 'HTML and script in names and values',
    query: `exp=classifier2d&act=${encodeURIComponent('<img src=x onerror="window.__xss=1">')}&${encodeURIComponent('<script>window.__xss=2</script>')}=1&hidden=${encodeURIComponent('<b>8</b>')}`,
    ignored: ['act', '<script>', 'hidden'],
  },
  { what: 'garbled text', query: 'exp=classifier2d&%%%&&==&lr=%E0%A4%A&=&&seed=%', ignored: ['lr', 'seed'] },
  {
    what: 'a truncated link',
    query: 'exp=classifier2d&lr=0.3&hidden=8%2',
    ignored: ['hidden'],
    kept: /lr=0\.3/,
  },
];

for (const bad of BAD_LINKS) {
  test(`a link with ${bad.what} loads, keeps the valid parts and lists what was ignored`, async ({
    page,
  }) => {
    await open(page, `#/lab?${bad.query}`);
    const notice = page.getByTestId('notice-url');
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('Some settings in the link were not used.');
    for (const name of bad.ignored) await expect(notice).toContainText(name);
    if (bad.kept) await expect(page).toHaveURL(bad.kept);
    if (bad.what.startsWith('HTML')) await saveScreenshot(page, 'share-bad-link-html');
    // Nothing from the URL became markup or ran.
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.locator('main img, main script, main b')).toHaveCount(0);
    // The run still works.
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(stepText(page)).toHaveText('1');
    await notice.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(notice).toHaveCount(0);
  });
}

test('an empty link and a 100 kB link both load the defaults without trouble', async ({ page }) => {
  await open(page, '#/lab?');
  await expect(page.getByTestId('notice-url')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/lab\?seed=1$/);

  const huge = `#/lab?exp=classifier2d&lr=0.3&junk=${'x'.repeat(100_000)}`;
  const t0 = Date.now();
  await open(page, huge);
  expect(Date.now() - t0).toBeLessThan(15_000);
  await expect(page).toHaveURL(/lr=0\.3/);
  await expect(page.getByTestId('notice-url')).toContainText('junk');
  expect(page.url().length).toBeLessThan(1000); // the junk is dropped from the link
});

test('an unknown experiment id falls back to the classifier with a plain-text message', async ({ page }) => {
  await page.goto(`./#/lab?exp=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await expect(page.getByTestId('lab-unknown')).toContainText('<img src=x onerror=alert(1)>');
  await expect(stepText(page)).toHaveText('0', { timeout: 20_000 });
  await expect(page.locator('main img')).toHaveCount(0);
});
