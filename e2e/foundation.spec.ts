import { test, expect, saveScreenshot } from './fixtures';
import { COURSE_CHAPTER_IDS } from './chapters';

const CHAPTERS = COURSE_CHAPTER_IDS;

test('home lists the ten chapters in course order, each linking to its page', async ({ page }) => {
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Gradient Lab' })).toBeVisible();
  const links = page.getByTestId('chapter-list').locator('a.chapter-link');
  await expect(links).toHaveCount(10);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(CHAPTERS.map((id) => `#/${id}`));
  await links.nth(8).click();
  // (the chapter's live figure may add its settings and seed to the link once its experiment has loaded)
  await expect(page).toHaveURL(/#\/lstm(\?|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Long short-term memory');
});

for (const id of CHAPTERS) {
  test(`chapter route #/${id} renders its title on first load`, async ({ page }) => {
    await page.goto(`./#/${id}`);
    const h1 = page.getByRole('heading', { level: 1 }).first();
    await expect(h1).toBeVisible();
    await expect(h1).not.toHaveText('');
    await expect(page.getByTestId('not-found')).toHaveCount(0);
    // A deep link survives a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText((await h1.textContent()) ?? '');
  });
}

test('an unknown route shows a friendly not-found page with a link home', async ({ page }) => {
  await page.goto('./#/no-such-chapter');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByText('no-such-chapter')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the course home' }).click();
  await expect(page.getByTestId('chapter-list')).toBeVisible();
});

test('a path with HTML in it is shown as text, not markup', async ({ page }) => {
  await page.goto('./#/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
});

test('back and forward move between pages', async ({ page }) => {
  await page.goto('./#/');
  await page.getByRole('link', { name: /Activation functions/ }).click();
  await expect(page).toHaveURL(/#\/activations/);
  await page.goto('./#/rnn');
  await expect(page.getByRole('heading', { level: 1 }).first()).toContainText('Recurrent');
  await page.goBack();
  await expect(page).toHaveURL(/#\/activations/);
  await page.goBack();
  await expect(page.getByTestId('chapter-list')).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(/#\/activations/);
});

test('theme follows the system and the toggle switches it', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('./#/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(lightBg).not.toBe(darkBg);
  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});

for (const size of [
  { width: 1280, height: 720, name: 'projector-720p' },
  { width: 768, height: 1024, name: 'tablet' },
  { width: 1920, height: 1080, name: 'projector-1080p' },
]) {
  test(`home lays out without horizontal scrolling at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('./#/');
    await expect(page.getByTestId('chapter-list')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `home-${size.name}`);
  });
}
