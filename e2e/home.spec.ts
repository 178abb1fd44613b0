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
