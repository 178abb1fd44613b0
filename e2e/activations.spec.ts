import { test, expect, saveScreenshot } from './fixtures';

/** The activation-functions chapter: every lesson step's figure, driven like a student would. */

test.use({ viewport: { width: 1280, height: 720 } });

test('step 1: the neuron formula shows live numbers and the output follows the sliders', async ({ page }) => {
  await page.goto('./#/activations?lesson=1');
  const figure = page.getByTestId('figure-neuron');
  await expect(figure).toBeVisible();
  // defaults: z = 0.1 + 0.6·1 + 1.2·(−0.5) + (−0.4)·0.8 = −0.22, σ(−0.22) = 0.445
  await expect(page.getByTestId('neuron-output')).toHaveText('0.445');
  await page.getByLabel('Activation f', { exact: true }).selectOption('linear');
  await expect(page.getByTestId('neuron-output')).toHaveText('-0.220');
  await expect(page).toHaveURL(/f=linear/);
  await saveScreenshot(page, 'activations-1-neuron-light');
});

test('step 6: softmax bars sum to 1 and temperature sharpens them', async ({ page }) => {
  await page.goto('./#/activations?lesson=6&t=0.2');
  await expect(page.getByTestId('figure-softmax')).toBeVisible();
  const p1 = Number(await page.getByTestId('softmax-bars-1').textContent());
  expect(p1).toBeGreaterThan(0.99);
  await saveScreenshot(page, 'activations-6-softmax-light');
});
