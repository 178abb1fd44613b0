import { describe, expect, it } from 'vitest';
import { batchModesExperiment } from '../../experiments/descent/batchModes';
import { optimizersExperiment } from '../../experiments/descent/optimizers';
import { makeValley } from '../../experiments/descent/surfaces';
import { defaultValues, mergeValues } from '../../experiments/params';
import type { Experiment } from '../../experiments/types';
import { BATCH_CLAIM, chapter } from './chapter';

/** What the gradient-descent steps ask students to watch, checked by training each step's preset in Node. */

function trainerFor(experiment: Experiment, stepId: string, over: Record<string, unknown> = {}) {
  const step = chapter.lessons.find((s) => s.id === stepId)!;
  const values = mergeValues(experiment.params, defaultValues(experiment.params), {
    ...step.preset,
    ...over,
  });
  return { trainer: experiment.create(values.values, 1), step };
}

describe('gradient-descent lesson claims', () => {
  it('batch modes: one epoch is 10 steps, and after it SGD < mini-batch < batch (same data seen)', () => {
    const { trainer, step } = trainerFor(batchModesExperiment, 'batch-modes');
    expect(step.pace).toBe(BATCH_CLAIM.pace);
    trainer.step(BATCH_CLAIM.stepsPerEpoch);
    const m = trainer.metrics();
    expect(m.epoch).toBe(1);
    expect(m.lossSgd).toBeLessThan(m.lossMini!);
    expect(m.lossMini).toBeLessThan(m.lossBatch!);
    // the first epoch takes several seconds at the step's pace, so the ordering is visible while it forms
    expect(BATCH_CLAIM.stepsPerEpoch / BATCH_CLAIM.pace).toBeGreaterThanOrEqual(1);
  });

  it('optimisers: the three paths are distinct after the first 30 updates (1.5 s at the pace)', () => {
    const { trainer, step } = trainerFor(optimizersExperiment, 'optimisers');
    trainer.step(30);
    const runs = trainer.views(['runs']).runs as unknown as { x: number; y: number }[];
    for (let i = 0; i < runs.length; i++)
      for (let j = i + 1; j < runs.length; j++)
        expect(Math.hypot(runs[i].x - runs[j].x, runs[i].y - runs[j].y)).toBeGreaterThan(0.1);
    expect(30 / step.pace!).toBeLessThan(5);
  });

  it('the turned valley at 0° and κ = 200 is the original axis-aligned valley; at 45° its gradient mixes x and y', () => {
    const v = makeValley(0, 200);
    expect(v.f(1, 1)).toBeCloseTo(0.5 * (0.1 + 20), 12);
    expect(v.grad(1, 1)[0]).toBeCloseTo(0.1, 12);
    const turned = makeValley(45, 200);
    const [gx, gy] = turned.grad(1, 0);
    expect(Math.abs(gx)).toBeGreaterThan(1);
    expect(Math.abs(gy)).toBeGreaterThan(1);
    // the same bowl, turned: equal loss at points turned by the same angle
    expect(turned.f(Math.SQRT1_2, Math.SQRT1_2)).toBeCloseTo(v.f(1, 0), 12);
  });
});
