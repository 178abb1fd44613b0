import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { waitForFirstFrame } from './runReady';
import { writeTestFiles } from './gloveFiles';
import type { Page } from '@playwright/test';

/**
 * The embeddings chapter (#/embeddings) against the production build: every step's figure works, the trained
 * vectors make the claims the lessons make (read from the page), and the screenshots a person looks at.
 */

test.describe.configure({ timeout: 120_000 });

const SHOTS = '/tmp/shots-embeddings';
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
const num = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).first().textContent());

/** Train exactly `n` steps with the "Run 100" button and wait until the step read-out reaches it. */
async function runSteps(page: Page, n: number) {
  for (let i = 0; i < n / 100; i++) await page.getByRole('button', { name: 'Run 100' }).click();
  await expect.poll(() => num(page, 'metric-step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(n);
  await expect(page.getByTestId('run-status')).toHaveText('paused', { timeout: 30_000 });
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('step 1: the topic ignores word order, the next-word guess does not', async ({ page }) => {
  await page.goto('./#/embeddings?lesson=1');
  await expect(page.getByTestId('figure-sequences')).toBeVisible();
  await expect(page.getByTestId('sequence-topic')).toHaveText('sport');
  const input = page.getByTestId('sequence-input');
  await input.fill('the minister signs the');
  await expect(page.getByTestId('sequence-topic')).toHaveText('world');
  const afterThe = await page.getByTestId('sequence-next').textContent();
  await input.fill('the minister the signs');
  await expect(page.getByTestId('sequence-topic')).toHaveText('world');
  await expect(page.getByTestId('sequence-next')).not.toHaveText(afterThe ?? '');
  await expect(page).toHaveURL(/text=/);
  await shot(page, 'step1-light');
});

test('step 2: word, character and BPE tokens; two vocabularies give different ids', async ({ page }) => {
  await page.goto('./#/embeddings?lesson=2');
  await expect(page.getByTestId('figure-tokens')).toBeVisible();
  await expect(page.getByTestId('token-count')).toHaveText('3'); // hello, world, !
  const idsA = await page.getByTestId('token-id-a').allTextContents();
  const idsB = await page.getByTestId('token-id-b').allTextContents();
  expect(idsA).toHaveLength(3);
  expect(idsA).not.toEqual(idsB);
  await page.getByLabel('Tokeniser').selectOption('char');
  await expect(page.getByTestId('token-count')).toHaveText('12');
  // emoji with a skin tone, a flag and RTL text: one character token each
  await page.getByTestId('tokens-input').fill('שלום 👋🏽🇫🇷\u200b');
  await expect(page.getByTestId('token-count')).toHaveText('8');
  await page.getByLabel('Tokeniser').selectOption('bpe');
  await page.getByTestId('tokens-input').fill('the scientists');
  const at = async (m: number) => {
    await page.getByLabel(/Merges applied/).fill(String(m));
    return num(page, 'token-count');
  };
  const none = await at(0);
  expect(none).toBe('thescientists'.length);
  const many = await at(60);
  expect(many).toBeLessThan(none);
  await expect(page.getByTestId('bpe-merges')).toContainText('merge 60');
  await shot(page, 'step2-light');
});

test('step 3: one-hot rows, their cost, and one-hot × E equals the row of E', async ({ page }) => {
  await page.goto('./#/embeddings?lesson=3');
  await expect(page.getByTestId('figure-one-hot')).toBeVisible();
  await expect(page.getByTestId('one-hot-equal')).toContainText('equal');
  await expect(page.getByTestId('one-hot-equal')).not.toContainText('different');
  await expect(page.getByTestId('one-hot-cost')).toContainText('400,000 numbers, 399,999 of them zero');
  await page.getByTestId('one-hot-input').fill('a b a');
  await expect(page.getByTestId('one-hot-equal')).toContainText('Token 1 “a” has id 0');
  await shot(page, 'step3-light');
});

test('step 4: training moves the neighbours to same-topic words (read from the page)', async ({ page }) => {
  await page.goto('./#/embeddings?lesson=4&seed=1');
  await expect(page.getByTestId('figure-dense')).toBeVisible();
  await waitForFirstFrame(page, 30_000);
  await runSteps(page, 200);
  await expect.poll(() => num(page, 'dense-probe-hits'), { timeout: 20_000 }).toBe(6);
  await expect(page.getByTestId('dense-neighbours')).toBeVisible();
  expect(await num(page, 'dense-same-topic')).toBeGreaterThanOrEqual(1);
  await page.getByTestId('dense-word').selectOption('paris');
  await expect(page).toHaveURL(/word=paris/);
  await shot(page, 'step4-light');
});

test('step 5: analogies beat chance by far after the default training', async ({ page }) => {
  await page.goto('./#/embeddings?lesson=5&seed=1');
  await expect(page.getByTestId('figure-analogies')).toBeVisible();
  await waitForFirstFrame(page, 30_000);
  await runSteps(page, 200);
  await expect.poll(() => num(page, 'analogy-accuracy'), { timeout: 20_000 }).toBeGreaterThan(0);
  const accuracy = await num(page, 'analogy-accuracy');
  const chance = await num(page, 'analogy-chance');
  expect(accuracy).toBeGreaterThan(20 * chance);
  await expect(page.getByTestId('analogy-answers')).toContainText('queen');
  await shot(page, 'step5-light');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots (${scheme}): 1280×800, presenter 1920×1080, phone 390×844 — no sideways scroll`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (let lesson = 1; lesson <= 6; lesson++) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`./#/embeddings?lesson=${lesson}`);
      await expect(page.getByTestId('lesson-step-indicator')).toBeVisible();
      await page.waitForTimeout(300);
      await shot(page, `s${lesson}-desktop-${scheme}`);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`./#/embeddings?lesson=${lesson}&present=1`);
      await expect(page.getByTestId('presenter-bar')).toBeVisible();
      await page.waitForTimeout(300);
      await shot(page, `s${lesson}-present-${scheme}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`./#/embeddings?lesson=${lesson}`);
      await expect(page.getByTestId('lesson-step-indicator')).toBeVisible();
      await page.waitForTimeout(300);
      await shot(page, `s${lesson}-phone-${scheme}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `lesson ${lesson} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
    }
  });
}

test('axe: no serious or critical violations on each step', async ({ page }) => {
  for (let lesson = 1; lesson <= 6; lesson++) {
    await page.goto(`./#/embeddings?lesson=${lesson}`);
    await expect(page.getByTestId('lesson-step-indicator')).toBeVisible();
    if (lesson === 4 || lesson === 5) await waitForFirstFrame(page, 30_000);
    expect(await seriousViolations(page), `lesson ${lesson}`).toEqual([]);
  }
});

test.describe('step 6: GloVe files', () => {
  const files = writeTestFiles('/tmp/glove-test-files');
  const message = (page: Page) => page.getByTestId('glove-message');

  test('loads a generated file through the picker: neighbours, analogy, stoi / itos', async ({ page }) => {
    await page.goto('./#/embeddings?lesson=6');
    await expect(page.getByTestId('figure-glove-file')).toBeVisible();
    await page.getByTestId('glove-input').setInputFiles(files.good);
    await expect(page.getByTestId('glove-words')).toHaveText('200');
    await expect(page.getByTestId('glove-dim')).toHaveText('50');
    await page.getByTestId('glove-word').fill('paris');
    // The list shows the previous word's neighbours until it updates: read the three nearest until they are paris's
    // (a fresh-clone CI run read "woman 0.540 king 0.439 w152 0.355" from one read right after the fill).
    const nearest = () =>
      page
        .getByTestId('glove-neighbours')
        .locator('li')
        .allTextContents()
        .then((items) => items.slice(0, 3).join(' '));
    await expect.poll(nearest).toContain('tokyo');
    expect(await nearest()).toContain('france');
    await page.getByRole('button', { name: 'Solve analogy' }).click();
    await expect(page.getByTestId('glove-analogy').locator('li').first()).toContainText('queen');
    await page.getByTestId('glove-stoi-input').fill('queen');
    await page.getByRole('button', { name: 'Find index' }).click();
    await expect(page.getByTestId('glove-stoi')).toHaveText('3');
    await page.getByTestId('glove-itos-input').fill('5');
    await page.getByRole('button', { name: 'Find word' }).click();
    await expect(page.getByTestId('glove-itos')).toHaveText('paris');
    await shot(page, 'step6-light');
  });

  test('every bad file gets a clear message, and a good file loads after it', async ({ page }) => {
    await page.goto('./#/embeddings?lesson=6');
    const input = page.getByTestId('glove-input');
    const cases: [string, RegExp][] = [
      [files.empty, /is empty/],
      [files.binary, /binary file/],
      [files.latin1, /not UTF-8/],
      [files.dims, /line 2: 'b' has 2 values, expected 3/],
      [files.nan, /line 2: 'b': value 1 is not a number[\s\S]*line 3[\s\S]*line 4/],
      [files.duplicates, /line 3: duplicate word 'a'/],
      [files.longLine, /No word vectors[\s\S]*line 1: line is longer than/],
      [files.overCap, /bigger than the cap: kept the first 100,000 words/],
    ];
    for (const [path, expected] of cases) {
      await input.setInputFiles(path);
      await expect(message(page), path).toContainText(expected, { timeout: 30_000 });
    }
    await input.setInputFiles(files.good);
    await expect(page.getByTestId('glove-words')).toHaveText('200');
    await shot(page, 'step6-after-bad');
  });
});
