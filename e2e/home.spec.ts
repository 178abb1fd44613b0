import { test, expect } from './fixtures';

test('home offers "Start here" on a first visit and "Continue where you left off" after a step was seen', async ({
  page,
}) => {
  await page.goto('./#/');
  const start = page.getByTestId('start-action');
  await expect(start).toHaveText(/^Start here/);
  await expect(start).toHaveAttribute('href', '#/neurons');
  await expect(page.getByTestId('start-action-target')).toHaveText('Neurons and feed-forward networks');
  // The action does not compete with the chapter cards for a chapter's name.
  await expect(page.getByRole('link', { name: /Activation functions/ })).toHaveCount(1);

  await page.goto('./#/activations?lesson=2');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await page.goto('./#/');
  await expect(start).toHaveText(/^Continue where you left off/);
  await expect(start).toHaveAttribute('href', '#/activations');
});

test('home shows a network learning on arrival, at a watchable pace, without touching the link', async ({
  page,
}) => {
  await page.goto('./#/');
  const demo = page.getByTestId('home-demo');
  await expect(demo).toBeVisible();
  await expect(demo.locator('[data-chart="decision-boundary"]')).toBeVisible();
  const step = () => page.getByTestId('home-demo-step').textContent().then(Number);
  await expect.poll(step, { timeout: 30_000 }).toBeGreaterThan(50);
  // A watchable pace: well short of the natural stop (2,000) a second later.
  expect(await step()).toBeLessThan(2000);
  expect(page.url()).toMatch(/#\/$/);
  await demo.getByRole('button', { name: 'Pause' }).click();
  await expect(demo.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await step();
  await page.waitForTimeout(700);
  expect(await step()).toBeLessThanOrEqual(paused + 5); // frames already on their way may land
  await expect(demo.getByRole('link', { name: 'Open it in the lab' })).toHaveAttribute(
    'href',
    /#\/lab\?exp=classifier2d&dataset=spiral/,
  );
  await page.screenshot({ path: 'test-results/screens/home-demo.png' });
  // The chapters still get their own experiment.
  await page.getByRole('link', { name: /Neurons and feed-forward networks/ }).click();
  await expect(page.getByTestId('lesson-page')).toBeVisible();
});

test('with reduced motion the home figure waits for Play; at its natural stop the spiral is solved', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./#/');
  const demo = page.getByTestId('home-demo');
  await expect(demo.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
  await page.waitForTimeout(500);
  await expect(page.getByTestId('home-demo-step')).toHaveText('0');
  await demo.getByRole('button', { name: 'Play' }).click();
  // Play stops by itself at step 2000 (about 13 s at its pace).
  await expect(page.getByTestId('home-demo-step')).toHaveText('2000', { timeout: 60_000 });
  await expect(demo.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(Number(await page.getByTestId('home-demo-accuracy').textContent())).toBeGreaterThan(0.9);
});
