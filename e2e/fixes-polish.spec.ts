import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { waitForFirstFrame } from './runReady';
import { LAPTOP_FIGURE_LIMIT, lessonFigureHeight } from './screenFit';

/**
 * Small faults a user sees (issue #19): run controls that overlap in presenter mode, an LSTM figure that grows with
 * every "Sample now", an optimiser table cut off on a phone, a notice that names a setting's value instead of its
 * label, and the RNN chapter calling one number three names.
 */

const SHOTS = '/tmp/polish-shots';
mkdirSync(SHOTS, { recursive: true });
const stepText = (page: Page) => page.getByTestId('metric-step');

async function trainTo(page: Page, clicks: string[], expected: number) {
  for (const name of clicks) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('button', { name: 'Run 10', exact: true })).toBeEnabled();
  }
  await expect(stepText(page)).toHaveText(String(expected), { timeout: 60_000 });
}

/** Controls of the run bar drawn over one another, and a timeline whose contents spill out of its box. */
function runControlProblems(page: Page) {
  return page.locator('.run-controls').evaluate((bar) => {
    const problems: string[] = [];
    const shown = [...bar.querySelectorAll('button, label, input, output, .run-seed-value')].filter(
      (e) =>
        e.checkVisibility() && getComputedStyle(e).clipPath === 'none' && e.getBoundingClientRect().width > 2,
    );
    for (const [i, a] of shown.entries())
      for (const b of shown.slice(i + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        const r = a.getBoundingClientRect();
        const s = b.getBoundingClientRect();
        if (
          r.left < s.right - 0.5 &&
          s.left < r.right - 0.5 &&
          r.top < s.bottom - 0.5 &&
          s.top < r.bottom - 0.5
        )
          problems.push(`“${a.textContent || a.tagName}” overlaps “${b.textContent || b.tagName}”`);
      }
    const timeline = bar.querySelector('.run-timeline');
    if (timeline && timeline.scrollWidth > timeline.clientWidth)
      problems.push(
        `the timeline's contents are ${timeline.scrollWidth - timeline.clientWidth} px wider than it`,
      );
    return problems;
  });
}

// The step of the report, and the others where the read-out spilled over "Speed" (or its own box) at 100 steps.
for (const path of [
  'regularization?lesson=4',
  'neurons?lesson=4',
  'gradient-descent?lesson=3',
  'embeddings?lesson=7',
]) {
  test(`presenter 1920×1080, #/${path}: past 100 steps the timeline's read-out stays clear of "Speed"`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`./#/${path}&present=1&seed=1`);
    await waitForFirstFrame(page);
    await trainTo(page, ['Run 100', 'Run 10'], 110);
    await expect(page.getByTestId('run-timeline-value')).toHaveText('110 / 110');
    expect(await runControlProblems(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/presenter-${path.replace(/\W+/g, '-')}.png` });
  });
}

test('LSTM step 6: any number of "Sample now" presses keeps the figure on one 1280×800 screen; bars carry their values', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('./#/lstm?lesson=6&seed=1');
  await waitForFirstFrame(page);
  const sampleNow = page.getByTestId('rnn-sample-now');
  const sample = page.getByTestId('rnn-sample-text');
  await expect(sampleNow).toBeEnabled({ timeout: 20_000 });
  await expect(sample).toBeVisible();
  const heights = [await lessonFigureHeight(page)];
  // Seven presses draw samples of every shape (one of them, with this seed, has many line breaks).
  for (let k = 0; k < 7; k++) {
    const before = await sample.textContent();
    await sampleNow.click();
    await expect(sample).not.toHaveText(before ?? '');
    heights.push(await lessonFigureHeight(page));
  }
  console.log('LSTM step 6 figure heights (px) after 0…7 presses:', heights.join(', '));
  expect(Math.max(...heights)).toBeLessThanOrEqual(LAPTOP_FIGURE_LIMIT);
  expect(new Set(heights).size, `heights ${heights.join(', ')}`).toBe(1);
  // The last few samples, newest first, each on one line inside the figure.
  const history = page.getByTestId('rnn-sample-history').locator('li');
  await expect(history).toHaveCount(2);
  const figure = (await page.locator('.lesson-figure').boundingBox())!;
  for (const box of await history.evaluateAll((items) =>
    items.map((li) => li.getBoundingClientRect().toJSON()),
  ))
    expect(box.right).toBeLessThanOrEqual(figure.x + figure.width + 0.5);
  // The sample box scrolls, so it is a keyboard-reachable region.
  await expect(page.getByRole('region', { name: 'Sample text' })).toHaveAttribute('tabindex', '0');

  // A trained model's bars: every bar shows its probability, readable (two decimals, no label over its neighbour's).
  await trainTo(page, ['Run 100'], 100);
  await expect(async () => {
    await sampleNow.click();
    await expect(sample).toHaveAttribute('data-step', '100', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const labels = page.getByTestId('rnn-generate-panel').locator('.bars text');
  await expect(labels).toHaveCount(6);
  const boxes = await labels.evaluateAll((texts) =>
    texts.map((t) => ({ text: t.textContent ?? '', ...t.getBoundingClientRect().toJSON() })),
  );
  for (const [i, box] of boxes.entries()) {
    expect(box.text).toMatch(/^[01]\.\d\d$/);
    if (i > 0)
      expect(box.left, `“${box.text}” after “${boxes[i - 1].text}”`).toBeGreaterThan(boxes[i - 1].right);
  }
  expect(await lessonFigureHeight(page)).toBeLessThanOrEqual(LAPTOP_FIGURE_LIMIT);
  await page.locator('.lesson-figure').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${SHOTS}/lstm-6-samples.png` });
});

test('LSTM step 6: the sample row is as tall as its taller panel, whatever was laid out in it before', async ({
  page,
}) => {
  await page.goto('./#/lstm?lesson=6&seed=1');
  await waitForFirstFrame(page);
  await expect(page.getByTestId('rnn-sample-text')).toBeVisible();
  const empty = await page.locator('.lstm-figure .rnn-charts').evaluate((grid) => {
    // Empty space at the foot of the row (px): its height less the lowest bottom of anything in its panels.
    const emptyPx = () => {
      const { top, height } = grid.getBoundingClientRect();
      const bottoms = [...grid.children].flatMap((panel) =>
        [...panel.children].map((child) => child.getBoundingClientRect().bottom - top),
      );
      return Math.round(height - Math.max(...bottoms));
    };
    const [text, chart] = [...grid.children] as HTMLElement[];
    const box = text.querySelector<HTMLElement>('.rnn-sample-box')!;
    const slider = text.querySelector<HTMLElement>('.rnn-slider')!;
    const found: Record<string, number> = { first: emptyPx() };
    // The row laid out with other contents (a new sample, other containment), measured each time and once it is back
    // as it was. While the panels were wrapping flex columns, Chromium kept row heights from earlier layouts: 15 px or
    // 128 px of empty row, and CI once measured step 6 at 891 px.
    const styles: [HTMLElement, string][] = [
      [text, 'contain: inline-size'],
      [chart, 'contain: none'],
      [box, 'display: none'],
      [slider, 'display: none'],
    ];
    for (const [element, style] of styles) {
      element.setAttribute('style', style);
      found[style] = emptyPx();
      element.removeAttribute('style');
      found[`${style}, undone`] = emptyPx();
    }
    // Another sample's text, then its own nodes back (React keeps owning them).
    const own = [...box.childNodes];
    box.textContent = 'The a';
    found['a short sample'] = emptyPx();
    box.replaceChildren(...own);
    found['its own sample again'] = emptyPx();
    return found;
  });
  const none = Object.fromEntries(Object.keys(empty).map((k) => [k, 0]));
  expect(empty, 'empty px at the foot of the sample row, first and after each other layout').toEqual(none);
});

test('gradient descent step 3 on a phone: the optimiser table fits, and scrolls in its own labelled box when it cannot', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#/gradient-descent?lesson=3&seed=1');
  await waitForFirstFrame(page);
  const region = page.getByRole('region', { name: 'Optimisers: step size, position, loss and memory' });
  const table = region.getByTestId('optimiser-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await trainTo(page, ['Run 10'], 10); // momentum and Adam now remember something: the memory column is widest
  await expect(page.getByTestId('optimiser-memory-adam')).toContainText('m̂ =');
  const edges = async () =>
    region.evaluate((box) => {
      const memory = [...box.querySelectorAll('th')].find((th) => th.textContent?.startsWith('memory'))!;
      return {
        region: box.getBoundingClientRect().right,
        memory: memory.getBoundingClientRect().right,
        scrolls: box.scrollWidth > box.clientWidth,
        page: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
  // 390 px: the whole table, memory column included, inside its box; nothing to scroll.
  const phone = await edges();
  expect(phone.memory).toBeLessThanOrEqual(phone.region + 0.5);
  expect(phone.scrolls).toBe(false);
  expect(phone.page).toBeLessThanOrEqual(0);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/gd-3-phone-390.png` });

  // Narrower still: the table scrolls inside its box, which takes focus so the keys can scroll it.
  await page.setViewportSize({ width: 320, height: 700 });
  await expect.poll(async () => (await edges()).scrolls).toBe(true);
  expect((await edges()).page).toBeLessThanOrEqual(0);
  await expect(region).toHaveAttribute('tabindex', '0');
  await region.focus();
  // → scrolls the focused box (it does not turn the lesson's page while the box has something to scroll).
  for (let k = 0; k < 12; k++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  await expect(page.getByTestId('lesson-step-indicator').first()).toContainText('Step 3 of');
  const narrow = await edges();
  expect(narrow.memory).toBeLessThanOrEqual(narrow.region + 0.5); // scrolled to its end, the memory column shows
  await page.screenshot({ path: `${SHOTS}/gd-3-phone-320-scrolled.png` });
});

test('a rebuild notice names the option by its label: pasted text (RNN), the cell (LSTM)', async ({
  page,
}) => {
  await page.goto('./#/rnn?lesson=3&seed=1');
  await waitForFirstFrame(page);
  await page.getByTestId('rnn-paste').locator('summary').click();
  await page.getByTestId('rnn-paste-text').fill('the quick brown fox jumps over the lazy dog. '.repeat(30));
  await page.getByTestId('rnn-paste-train').click();
  const notice = page.getByTestId('notice-rebuilt');
  await expect(notice).toContainText('Model rebuilt: Training text is now “Your pasted text”.');
  await expect(notice).not.toContainText('is now pasted');
  await notice.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/rnn-3-pasted-notice.png` });

  await page.goto('./#/lstm?lesson=6&seed=1');
  await waitForFirstFrame(page);
  await page.getByRole('combobox', { name: 'Cell' }).selectOption('rnn');
  await expect(page.getByTestId('notice-rebuilt')).toContainText('Model rebuilt: Cell is now “Vanilla RNN”.');
});

test('RNN step 3: the loss on the part of the text it never trains on is called "validation" everywhere', async ({
  page,
}) => {
  await page.goto('./#/rnn?lesson=3&corpus=bundled&seed=1');
  await waitForFirstFrame(page);
  const figure = page.locator('.lesson-figure');
  await expect(page.getByTestId('rnn-val-bpc')).toHaveText(/^\d/);
  await expect(page.getByTestId('metric-val-loss').locator('xpath=preceding-sibling::dt')).toHaveText(
    'validation loss',
  );
  await expect(page.getByTestId('rnn-val-bpc').locator('xpath=preceding-sibling::dt')).toHaveText(
    'validation',
  );
  await trainTo(page, ['Run 100'], 100);
  await expect(figure.locator('.chart-legend')).toContainText('validation');
  await expect(figure).not.toContainText(/held-out|test loss/i);
  // The step's text says what the number is.
  await expect(page.locator('.lesson-text').first()).toContainText('The validation loss is the same measure');
  await page.screenshot({ path: `${SHOTS}/rnn-3-validation.png` });
});
