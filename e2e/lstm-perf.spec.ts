import type { Page } from '@playwright/test';
import { test, expect, PERF } from './fixtures';
import { startCpuWindow } from './machineLoad';
import { longTaskProblems, startMainThreadProbe, stopMainThreadProbe } from './mainThreadProbe';

/**
 * Benchmark (issue #17, "Numbers and behaviour"): while the LSTM trains, the gate figures refresh at least 10 times a
 * second and the main thread has no long task (> 50 ms). A refresh is a new gate trace drawn: the figure counts them
 * in `data-frames-drawn` (figures/recallViews.ts useDrawnCounter). Runs in the `perf` project only.
 */

const WINDOW_SECONDS = 5;

/** Distinct traces drawn per second, and the long tasks, over WINDOW_SECONDS of Play on the figure `testId`. */
async function refreshRate(page: Page, testId: string) {
  const figure = page.getByTestId(testId);
  await startMainThreadProbe(page);
  const playAt = await page.evaluate(() => performance.now());
  // A CSS locator, not getByRole: computing accessible names over a page of KaTeX is main-thread work of its own.
  await page.locator('button.run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect(figure).toHaveAttribute('data-frames-drawn', /^\d+$/, { timeout: 10_000 });
  const read = async () => ({
    drawn: Number(await figure.getAttribute('data-frames-drawn')),
    at: await page.evaluate(() => performance.now()),
  });
  const start = await read();
  await page.waitForTimeout(WINDOW_SECONDS * 1000); // the measuring window itself
  const end = await read();
  const { longTasks, longTaskTimes } = await stopMainThreadProbe(page);
  await page.locator('button.run-play').click(); // Pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  return {
    perSecond: (end.drawn - start.drawn) / ((end.at - start.at) / 1000),
    longTasks,
    // When each long task began, in ms after Play was pressed: tells the click's own work from a steady cost.
    longTaskOffsets: longTaskTimes.map((t) => Math.round(t.start - playAt)),
    steps: Number(await page.getByTestId('metric-step').textContent()),
  };
}

// Step 3 stops by itself at its natural stopping point (step 200): at full speed that comes at once, so that run is
// first replayed there (`at=`) and measured as Play runs on beyond it.
for (const { lesson, testId, speed } of [
  { lesson: 3, testId: 'gates-plot', speed: '' }, // the lesson's own pace (15 steps/s)
  { lesson: 3, testId: 'gates-plot', speed: '&speed=max&at=200' },
  { lesson: 2, testId: 'cell-figure', speed: '&speed=max' },
]) {
  test(
    `step ${lesson} (${speed ? 'full speed' : 'default pace'}): the gate figure refreshes ≥ 10 times a second, no long task`,
    PERF,
    async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto(`./#/lstm?lesson=${lesson}&seed=1${speed}`);
      await expect(page.getByTestId(testId)).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('run-status')).toHaveText(/idle|paused/, { timeout: 20_000 });
      // A link with at= first replays to that step: measure from there, not from the idle moment before the replay
      // starts (a Play pressed during the replay left the run playing when the test pressed "Pause").
      const at = /at=(\d+)/.exec(speed)?.[1];
      if (at) {
        await expect(page.getByTestId('metric-step')).toHaveText(at, { timeout: 30_000 });
        await expect(page.getByTestId('run-status')).toHaveText('paused');
      }
      await expect(page.locator('button.run-play')).toBeEnabled();
      await page.waitForTimeout(1000); // the first render and the charts' first measure are not training
      const cpu = startCpuWindow();
      const r = await refreshRate(page, testId);
      console.log(
        `lstm step ${lesson}${speed}: gate figure redrawn ${r.perSecond.toFixed(1)} times/s, ${r.steps} steps, long tasks [${r.longTasks.join(', ')}] ms at [${r.longTaskOffsets.join(', ')}] ms after Play; ${cpu.describe()}`,
      );
      expect(r.steps).toBeGreaterThan(20); // it trained
      expect(r.perSecond).toBeGreaterThanOrEqual(10);
      expect(longTaskProblems(r.longTasks)).toEqual([]);
    },
  );
}
