import { describe, expect, it } from 'vitest';
import { compareWithNode } from '../bench/browser/compare';
import type { BrowserBenchResult } from '../bench/browser/protocol';
import { median, timeTrainer } from '../bench/browser/timing';

describe('browser bench timing', () => {
  it('keeps the first losses, warms up, and reports the median ms/step over rounds', () => {
    let t = 0;
    let losses = 10;
    const stepMs = [1, 1, 1, 1, 1, 1, 4, 4, 2, 2, 2, 2, 2];
    let i = 0;
    const trainer = {
      step: () => {
        t += stepMs[Math.min(i++, stepMs.length - 1)];
        return losses--;
      },
      dispose: () => {},
    };
    const run = timeTrainer(
      trainer,
      { seconds: 0.012, rounds: 3, warmupSeconds: 0.006, checkSteps: 2 },
      () => t,
    );
    expect(run.checkLosses).toEqual([10, 9]);
    // Warm-up ran until 6 ms had passed (6 steps of 1 ms); then three rounds of 4 ms: 4 | 4 | 2+2 → 4, 4, 2 ms/step.
    expect(run.msPerStepRounds).toEqual([4, 4, 2]);
    expect(run.msPerStep).toBe(4);
    expect(run.steps).toBe(6 + 1 + 1 + 2);
    expect(run.lastLoss).toBe(10 - run.steps + 1);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it('reads the last loss once after timing from a trainer that returns it on check steps only', () => {
    let t = 0;
    let steps = 0;
    const reads: number[] = [];
    const trainer = {
      step: () => {
        t += 1;
        return ++steps <= 2 ? 100 - steps : NaN;
      },
      // Costs like a held-out evaluation: 50 ms that must not reach the timed rounds.
      lastLoss: () => {
        reads.push(steps);
        t += 50;
        return 100 - steps;
      },
      dispose: () => {},
    };
    const run = timeTrainer(
      trainer,
      { seconds: 0.004, rounds: 2, warmupSeconds: 0.003, checkSteps: 2 },
      () => t,
    );
    expect(run.checkLosses).toEqual([99, 98]);
    expect(reads).toEqual([run.steps]);
    expect(run.lastLoss).toBe(100 - run.steps);
    expect(run.msPerStepRounds).toEqual([1, 1]);
  });
});

describe('browser bench vs Node', () => {
  const browser = (checkLosses: number[]): BrowserBenchResult => ({
    userAgent: 'Mozilla/5.0 Chrome/140.0 Safari/537.36',
    crossOriginIsolated: false,
    kernels: 'wasm-simd',
    chapterModels: [],
    workloads: [
      {
        workload: 'W2',
        status: 'ok',
        steps: 10,
        msPerStepRounds: [20],
        msPerStep: 20,
        stepsPerSec: 50,
        checkLosses,
        lastLoss: 1,
      },
    ],
  });
  const node = { workloads: [{ engine: 'core', workload: 'W2', stepsPerSec: 25, checkLosses: [3.7, 3.6] }] };

  it('puts the browser steps/s beside Node’s and agrees when the first losses match', () => {
    const summary = compareWithNode(browser([3.7, 3.6]), node);
    expect(summary.agree).toBe(true);
    expect(summary.rows[0]).toMatchObject({
      browserStepsPerSec: 50,
      nodeStepsPerSec: 25,
      browserOverNode: 2,
    });
    expect(summary.lines[1]).toContain('browser/Node 2.00');
  });

  it('flags first losses that differ from Node’s (the browser trained something else)', () => {
    const summary = compareWithNode(browser([3.7, 3.7]), node);
    expect(summary.agree).toBe(false);
    expect(summary.rows[0].maxRelLossDiff).toBeCloseTo(0.1 / 3.6, 6);
  });
});
