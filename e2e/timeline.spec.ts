import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The timeline (issue #18): a "Timeline" slider under the run controls from step 0 to the latest step reached.
 * Moving it back shows the run at that step (the worker restores its nearest kept moment and trains the rest
 * exactly): the read-outs show that step and the loss the run had there. Play goes on from it and drops the later
 * moments; `,` steps back one step; Share from a rewound moment still writes a link that reopens it.
 */

const SHOTS = '/tmp/timeline-shots';
const LAB = '#/lab?exp=classifier2d&dataset=xor&hidden=6%2C4&seed=11';
const stepText = (page: Page) => page.getByTestId('metric-step');
const lossText = (page: Page) => page.getByTestId('metric-loss');
const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
const stepOf = async (page: Page) => Number(await stepText(page).textContent());

async function trainTo(page: Page, clicks: string[], expected: number) {
  for (const name of clicks) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('button', { name: 'Run 10', exact: true })).toBeEnabled();
  }
  await expect(stepText(page)).toHaveText(String(expected), { timeout: 60_000 });
  return (await lossText(page).textContent()) ?? '';
}

test('scrubbing back shows the earlier step and loss; training on reproduces the later loss exactly', async ({
  page,
}) => {
  await page.goto(`./${LAB}`);
  await expect(stepText(page)).toHaveText('0', { timeout: 20_000 });
  await expect(timeline(page)).toBeDisabled(); // nothing to rewind yet
  const lossAt100 = await trainTo(page, ['Run 100'], 100);
  const lossAt200 = await trainTo(page, ['Run 100'], 200);
  expect(lossAt200).not.toBe(lossAt100);
  await expect(page.getByTestId('run-timeline-value')).toHaveText('200 / 200');

  await timeline(page).fill('100');
  await expect(stepText(page)).toHaveText('100');
  await expect(lossText(page)).toHaveText(lossAt100);
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(page.getByTestId('run-timeline-value')).toHaveText('100 / 200'); // scrubbing keeps the future
  await page.screenshot({ path: `${SHOTS}/lab-rewound-laptop.png` });

  // Forward again along the kept future, then back and retrain: bit-identical read-outs.
  await timeline(page).fill('200');
  await expect(stepText(page)).toHaveText('200');
  await expect(lossText(page)).toHaveText(lossAt200);
  await timeline(page).fill('100');
  await expect(stepText(page)).toHaveText('100');
  await page.getByRole('button', { name: 'Run 100', exact: true }).click();
  await expect(stepText(page)).toHaveText('200');
  await expect(lossText(page)).toHaveText(lossAt200);
});

test('the slider works from the keyboard, `,` steps back, and Play continues from a rewound moment', async ({
  page,
}) => {
  await page.goto(`./${LAB}`);
  await expect(stepText(page)).toHaveText('0', { timeout: 20_000 });
  const lossAt49 = await trainTo(page, ['Run 10', 'Run 10', 'Run 10', 'Run 10', 'Step', 'Step'], 42);
  await trainTo(page, ['Run 100'], 142);

  await timeline(page).focus();
  await page.keyboard.press('ArrowLeft'); // the slider keeps its arrow keys
  await expect(stepText(page)).toHaveText('141');
  await expect(page.getByTestId('run-timeline-value')).toHaveText('141 / 142');

  await page.getByRole('heading', { level: 1 }).click(); // focus off the slider: `,` is the page's key
  await page.keyboard.press(',');
  await expect(stepText(page)).toHaveText('140');
  await timeline(page).fill('43');
  await expect(stepText(page)).toHaveText('43');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press(',');
  await expect(stepText(page)).toHaveText('42');
  await expect(lossText(page)).toHaveText(lossAt49);

  // Play from step 42: the run goes on from there and the later moments are gone (the head follows the run).
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect.poll(() => stepOf(page), { timeout: 20_000 }).toBeGreaterThan(42);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  const shown = await stepOf(page);
  await expect(page.getByTestId('run-timeline-value')).toHaveText(`${shown} / ${shown}`);

  // `,` is listed in the keyboard help.
  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('One step back (timeline)');
  await page.keyboard.press('Escape');
});

test('Share from a rewound moment writes at=N, and the link reopens that moment in another browser', async ({
  page,
  browser,
}) => {
  await page.goto(`./${LAB}`);
  await expect(stepText(page)).toHaveText('0', { timeout: 20_000 });
  await trainTo(page, ['Run 100', 'Run 100'], 200);
  await timeline(page).fill('150');
  await expect(stepText(page)).toHaveText('150');
  const loss = (await lossText(page).textContent()) ?? '';
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page).toHaveURL(/[?&]at=150(&|$)/);

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(stepText(other)).toHaveText('150', { timeout: 20_000 });
  await expect(lossText(other)).toHaveText(loss);
  await expect(other.getByTestId('run-status')).toHaveText('paused');
  // The replayed run has its timeline too: scrub it back.
  await expect(other.getByTestId('run-timeline-value')).toHaveText('150 / 150');
  await other.getByRole('slider', { name: 'Timeline' }).fill('20');
  await expect(stepText(other)).toHaveText('20');
  await context.close();
});

test('the optimiser race rewinds on its lesson page (laptop, phone, presenter)', async ({ page }) => {
  test.setTimeout(120_000);
  const hash = '#/gradient-descent?lesson=3&speed=max';
  for (const [name, size, extra] of [
    ['laptop', { width: 1280, height: 800 }, ''],
    ['phone', { width: 390, height: 844 }, ''],
    ['presenter', { width: 1920, height: 1080 }, '&present=1'],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto('about:blank'); // a fresh page each time (the same hash would not reload it)
    await page.goto(`./${hash}${extra}`);
    await expect(stepText(page)).toHaveText('0', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Run 100', exact: true }).click();
    await expect(stepText(page)).toHaveText('100');
    const lossAt100 = (await lossText(page).textContent()) ?? '';
    await page.getByRole('button', { name: 'Run 100', exact: true }).click();
    await expect(stepText(page)).toHaveText('200');
    await timeline(page).fill('100');
    await expect(stepText(page)).toHaveText('100');
    await expect(lossText(page)).toHaveText(lossAt100);
    await timeline(page).fill('30');
    await expect(stepText(page)).toHaveText('30');
    await expect(timeline(page)).toBeVisible();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/optimisers-rewound-${name}.png` });
  }
});

// (The replay's progress line is moment-links.spec's subject: whether it shows depends on how long the replay takes.)
test('a shared replay keeps moments on the way, and scrubs back from them', async ({ page }) => {
  await page.goto('./#/lab?exp=classifier2d&seed=2&points=2000&batch=1&at=30000');
  await expect(stepText(page)).toHaveText('30000', { timeout: 60_000 });
  await expect(page.getByTestId('replay-progress')).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(page.getByTestId('run-timeline-value')).toHaveText('30000 / 30000');
  await timeline(page).fill('12345');
  await expect(stepText(page)).toHaveText('12345');
  await expect(page.getByTestId('run-timeline-value')).toHaveText('12345 / 30000');
  await expect(page).not.toHaveURL(/at=30000/); // the link no longer names the replayed moment
});
