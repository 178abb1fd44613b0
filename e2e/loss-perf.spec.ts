import type { Page } from '@playwright/test';
import { test, expect, PERF } from './fixtures';
import { startCpuWindow } from './machineLoad';
import {
  framesDelivered,
  readMainThreadProbe,
  startMainThreadProbe,
  stopMainThreadProbe,
  traceMainThread,
} from './mainThreadProbe';

/**
 * Benchmark (issue #13, "Numbers and behaviour"): while the loss chapter's live steps train at full speed, the figures
 * update at least 30 times a second, the page keeps at least 30 animation frames a second, and no main-thread task
 * does 50 ms of work (its own CPU time, from a trace) or takes 100 ms by the wall clock. Step 3 (an MLP's 3-class
 * probability map, recomputed in the worker every frame) is the heaviest; step 4 (boundary, loss surface and growing
 * path) is measured too. Runs in the `perf` project only.
 */

interface Sample {
  rafPerSecond: number;
  framesPerSecond: number;
  longTasks: number[];
  longTaskOffsets: number[];
  steps: number;
}

/** Counts animation frames, delivered worker frames and long tasks for `seconds` of Play. */
async function measureWhileTraining(page: Page, seconds: number): Promise<Sample> {
  await startMainThreadProbe(page);
  const playedAt = await page.evaluate(() => performance.now());
  // A CSS locator, not getByRole: computing accessible names over a page of KaTeX is main-thread work of its own.
  await page.locator('button.run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  const read = async () => {
    const { raf, at } = await readMainThreadProbe(page);
    return { raf, at, frames: await framesDelivered(page) };
  };
  const start = await read();
  await page.waitForTimeout(seconds * 1000); // the measuring window itself
  const end = await read();
  const { longTaskTimes } = await stopMainThreadProbe(page);
  await page.locator('button.run-play').click(); // Pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  const elapsed = (end.at - start.at) / 1000;
  return {
    rafPerSecond: (end.raf - start.raf) / elapsed,
    framesPerSecond: (end.frames - start.frames) / elapsed,
    longTasks: longTaskTimes.map((t) => t.duration),
    // When in the window each long task fell (ms after Play was pressed): tells a start-up cost from a steady one.
    longTaskOffsets: longTaskTimes.map((t) => Math.round(t.start - playedAt)),
    steps: Number(await page.getByTestId('metric-step').textContent()),
  };
}

// Each step stops by itself at its natural stopping point (stopAt); a Play from there runs on. So the run is first
// replayed to that point (`at=`), and the measurement is Play at full speed beyond it.
for (const { lesson, figure, stopAt } of [
  { lesson: 3, figure: 'figure-softmax', stopAt: 120 },
  { lesson: 4, figure: 'figure-logistic', stopAt: 60 },
]) {
  test(
    `step ${lesson} training at full speed: figures ≥ 30 updates/s, ≥ 30 animation frames/s, no long task`,
    PERF,
    async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto(`./#/loss?lesson=${lesson}&seed=1&speed=max&at=${stopAt}`);
      await expect(page.getByTestId(figure)).toBeVisible();
      await expect(page.getByTestId('metric-step')).toHaveText(String(stopAt), { timeout: 20_000 });
      await expect(page.getByTestId('run-status')).toHaveText('paused');
      await expect(page.locator('button.run-play')).toBeEnabled();
      await page.waitForTimeout(1000); // the first render and the charts' first measure are not training
      const cpu = startCpuWindow();
      // The trace gives each main-thread task's own CPU time, which other processes cannot stretch: the page's work.
      let s: Sample | undefined;
      const trace = await traceMainThread(page, async () => {
        s = await measureWhileTraining(page, 10);
      });
      if (!s) throw new Error('no sample');
      console.log(
        `loss step ${lesson} at full speed: ${s.framesPerSecond.toFixed(1)} figure updates/s, ${s.rafPerSecond.toFixed(1)} rAF/s, ${s.steps} steps, long tasks [${s.longTasks.join(', ')}] ms at [${s.longTaskOffsets.join(', ')}] ms after Play; longest task ${trace.longestTaskCpuMs.toFixed(1)} ms CPU; ${cpu.describe()}`,
      );
      expect(s.steps).toBeGreaterThan(100); // it trained, fast
      expect(s.framesPerSecond).toBeGreaterThanOrEqual(30);
      expect(s.rafPerSecond).toBeGreaterThanOrEqual(30);
      // The page's own work: no task does 50 ms of it.
      expect(trace.longestTaskCpuMs).toBeLessThan(50);
      // By the wall clock, while the worker fills one of the two cores, the OS may pre-empt a 20–30 ms frame past
      // 50 ms (CI saw two such, 53 and 54 ms, with the CPU 94 % busy); nothing may take a felt 100 ms.
      expect(s.longTasks.filter((d) => d > 100)).toEqual([]);
    },
  );
}
