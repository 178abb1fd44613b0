import { test, expect } from './fixtures';

test('predict, then run: a locked-in prediction is revealed against what the run shows, read from its read-outs', async ({
  page,
}) => {
  await page.goto('./#/gradient-descent?lesson=1');
  const predict = page.getByTestId('lesson-predict');
  await expect(predict).toBeVisible();
  const lock = predict.getByRole('button', { name: 'Lock in my prediction' });
  await expect(lock).toBeDisabled(); // nothing chosen yet
  await predict.getByRole('radio', { name: 'Full batch (one step per epoch)' }).check();
  await expect(lock).toBeEnabled({ timeout: 20_000 }); // once the run's first read-outs are there
  await lock.click();
  const reveal = page.getByTestId('lesson-predict-reveal');
  await expect(reveal).toContainText('Locked in');
  await expect(predict.getByRole('radio', { name: 'Mini-batch' })).toBeDisabled();
  await page.getByRole('button', { name: 'Play' }).click();
  // After one epoch the three losses decide it: the page's own read-outs say which is lowest.
  await expect(page.getByTestId('lesson-predict-outcome')).toBeVisible({ timeout: 60_000 });
  const losses = {
    'Full batch (one step per epoch)': Number(await page.getByTestId('loss-batch').textContent()),
    'Mini-batch': Number(await page.getByTestId('loss-mini').textContent()),
    'Stochastic (one point per step)': Number(await page.getByTestId('loss-sgd').textContent()),
  };
  const shown = await page.getByTestId('lesson-predict-outcome').textContent();
  const lowest = Object.entries(losses).sort((a, b) => a[1] - b[1])[0][0];
  expect(shown).toBe(lowest);
  await expect(reveal).toContainText(
    lowest === 'Full batch (one step per epoch)' ? 'held' : 'The run disagrees',
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  await predict.getByRole('button', { name: 'Predict again' }).click();
  await expect(predict.getByRole('radio', { name: 'Mini-batch' })).toBeEnabled();
  await expect(reveal).toBeEmpty();
});

test('the prediction belongs to its step: Next and Previous show each step’s own question, or none', async ({
  page,
}) => {
  await page.goto('./#/activations?lesson=5');
  const predict = page.getByTestId('lesson-predict');
  await expect(predict).toContainText('fraction of dead units');
  const nav = page.locator('.lesson-nav');
  await nav.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText(/^Step 6 of/);
  await expect(page.getByTestId('lesson-check')).toContainText('Logits (1, 2, 3)');
  await expect(predict).toHaveCount(0); // step 6 (softmax) has no prediction
  await nav.getByRole('button', { name: 'Previous' }).click();
  await expect(predict).toContainText('fraction of dead units');
  await page.goto('./#/gradient-descent?lesson=1');
  await expect(predict).toContainText('Full batch');
  await nav.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('lesson-step-indicator').first()).toHaveText(/^Step 2 of/);
  await expect(predict).toHaveCount(0);
});
