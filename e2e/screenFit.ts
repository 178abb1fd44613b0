import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * "Figure and controls on one 1280×800 screen": on a laptop the lesson's figure column is sticky 12 px below the top
 * of the window, so the whole figure box — figure, run controls, read-outs and settings — must be at most this tall.
 */
export const LAPTOP_FIGURE_LIMIT = 800 - 12;

/** Height (px) of the lesson's figure box, once it has rendered something more than a loading line. */
export async function lessonFigureHeight(page: Page): Promise<number> {
  const measure = async () => Math.round((await page.locator('.lesson-figure').boundingBox())?.height ?? 0);
  await expect.poll(measure).toBeGreaterThan(150);
  return measure();
}

/** One lesson step of a screen-fit check. */
export interface ScreenStep {
  /** The route after `#/`, e.g. 'lstm?lesson=3'; seed=1 is added. */
  route: string;
  /** Brings a static figure to its tallest state after the first measurement (e.g. a formula list written out). */
  tallest?: (page: Page) => Promise<void>;
}

const withSeed = (route: string, extra = '') =>
  `./#/${route}${route.includes('?') ? '&' : '?'}seed=1${extra}`;
export const shotName = (route: string) => route.replace(/[?&=]/g, '-');
const runButton = (page: Page, steps: 10 | 100) =>
  page.getByRole('button', { name: `Run ${steps}`, exact: true });

/** Whether the step trains: a static figure has no run buttons. */
export async function stepTrains(page: Page): Promise<boolean> {
  return (await runButton(page, 10).count()) > 0;
}

/** Opens a step (seed 1) and waits until it has drawn what it draws before training. */
export async function openScreenStep(page: Page, route: string, extra = ''): Promise<boolean> {
  await page.goto(withSeed(route, extra));
  await expect(page.locator('.lesson-figure')).toBeVisible();
  const trains = await stepTrains(page);
  if (trains) {
    await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 30_000 });
    await expect(runButton(page, 10)).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByTestId('metric-step')).toHaveText(/^\d+$/, { timeout: 30_000 });
  }
  await expect(page.locator('.lesson-figure .loading')).toHaveCount(0, { timeout: 30_000 });
  return trains;
}

/** Trains `steps` more steps with the step's own buttons (Run 100, or Run 10 where that is the largest) and waits. */
export async function trainScreenStep(page: Page, steps: 10 | 100): Promise<void> {
  const batch = steps === 100 && (await runButton(page, 100).count()) > 0 ? 100 : 10;
  const from = Number(await page.getByTestId('metric-step').textContent()) || 0;
  await runButton(page, batch).click();
  await expect
    .poll(async () => Number(await page.getByTestId('metric-step').textContent()), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(from + batch);
  await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 30_000 });
}

/**
 * At 1280×800: each step's figure with its controls, before and after 100 training steps (or in its tallest state),
 * is at most LAPTOP_FIGURE_LIMIT tall. Logs every height, saves screenshots to `shots`, returns what does not fit.
 */
export async function laptopFitProblems(page: Page, steps: ScreenStep[], shots: string): Promise<string[]> {
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems: string[] = [];
  for (const { route, tallest } of steps) {
    const trains = await openScreenStep(page, route);
    const before = await lessonFigureHeight(page);
    if (trains) await trainScreenStep(page, 100);
    else if (tallest) await tallest(page);
    const after = trains || tallest ? await lessonFigureHeight(page) : before;
    console.log(`#/${route}: figure + controls ${before} px before, ${after} px after training (1280×800)`);
    for (const [when, px] of [['before', before] as const, ['after', after] as const]) {
      if (px > LAPTOP_FIGURE_LIMIT) problems.push(`${route} ${when} training: ${px} px`);
    }
    await page.locator('.lesson-figure').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${shots}/${shotName(route)}.png` });
    await page.locator('.lesson-figure').screenshot({ path: `${shots}/${shotName(route)}-figure.png` });
  }
  return problems;
}

/** In presenter mode: '' when the figure neither scrolls nor leaves the window and the page does not scroll. */
export function presenterFault(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="presenter-figure"]');
    if (!el) return 'no presenter figure';
    const box = el.getBoundingClientRect();
    const faults = [
      (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && 'the figure scrolls',
      (box.top < 0 || box.left < 0 || box.bottom > innerHeight + 1 || box.right > innerWidth + 1) &&
        'the figure leaves the window',
      document.documentElement.scrollHeight > innerHeight && 'the page scrolls',
    ];
    return faults.filter(Boolean).join(', ');
  });
}

/**
 * Presenter mode at 1920×1080 (after 10 training steps where the step trains) shows the whole figure without
 * scrolling, and a 390×844 phone has no sideways scroll. Light only: the colour scheme changes no layout, and each
 * chapter's own spec takes its dark screenshots. Returns what fails; screenshots go to `shots`.
 */
export async function presenterAndPhoneProblems(
  page: Page,
  steps: ScreenStep[],
  shots: string,
): Promise<string[]> {
  const problems: string[] = [];
  for (const { route } of steps) {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const trains = await openScreenStep(page, route, '&present=1');
    await expect(page.getByTestId('presenter-bar')).toBeVisible();
    if (trains) await trainScreenStep(page, 10);
    // The presenter zoom re-fits the figure after its charts settle: wait for that state, not for a time.
    await expect
      .poll(() => presenterFault(page), { timeout: 15_000 })
      .toBe('')
      .catch(async () => problems.push(`${route}: presenter — ${await presenterFault(page)}`));
    await page.screenshot({ path: `${shots}/${shotName(route)}-present.png` });

    await page.setViewportSize({ width: 390, height: 844 });
    await openScreenStep(page, route);
    await lessonFigureHeight(page);
    await page.locator('.lesson-figure').screenshot({ path: `${shots}/${shotName(route)}-phone.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${route}: ${overflow} px sideways scroll on a phone`);
  }
  return problems;
}

/**
 * Two tests per chapter: its steps fit one 1280×800 screen (laptopFitProblems), and presenter mode and a phone show
 * them whole (presenterAndPhoneProblems).
 */
export function screenFitTests(
  chapters: Record<string, ScreenStep[]>,
  shots: string,
  timeout = 300_000,
): void {
  for (const [chapter, steps] of Object.entries(chapters)) {
    test(`${chapter}: figure and controls fit one 1280×800 screen, before and after training`, async ({
      page,
    }) => {
      test.setTimeout(timeout);
      expect(await laptopFitProblems(page, steps, shots)).toEqual([]);
    });

    test(`${chapter}: presenter 1920×1080 shows the whole figure, phone 390×844 has no sideways scroll`, async ({
      page,
    }) => {
      test.setTimeout(timeout);
      expect(await presenterAndPhoneProblems(page, steps, shots)).toEqual([]);
    });
  }
}
